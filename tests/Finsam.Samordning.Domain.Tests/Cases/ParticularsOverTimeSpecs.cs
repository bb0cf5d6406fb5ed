using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Domain.Tests.Cases;

/// <summary>What a case is over time: target groups by date, assessments made on a day for a period, linked contacts, closing and reopening.</summary>
public sealed class ParticularsOverTimeSpecs : CaseSpec
{
    private readonly Guid _insats = Guid.NewGuid();

    public ParticularsOverTimeSpecs() => Given(Opened(), Joined(Soc), Joined(Af, 1));

    private CaseOverviewResponse Overview(DateOnly asOf) =>
        CaseOverviewResponse.From(Events.Where(e => e.BusinessDate <= asOf).Aggregate((CaseOverview?)null, CaseOverview.Project)!, asOf);

    [Fact]
    public void Target_groups_change_from_a_business_date_and_earlier_views_show_the_earlier_groups()
    {
        Refused(new ChangeTargetGroups([TargetGroup.Uvas], Day(20)) { By = Soc }, "case.target-groups-unchanged");
        Refused(new ChangeTargetGroups([], Day(20)) { By = Soc }, "case.no-target-group");

        var changed = (TargetGroupsChanged)Assert.Single(When(new ChangeTargetGroups([TargetGroup.Nollplacerad, TargetGroup.Uvas, TargetGroup.Nollplacerad], Day(20)) { By = Af }));

        Assert.Equal([TargetGroup.Uvas, TargetGroup.Nollplacerad], changed.TargetGroups);
        Assert.Equal([TargetGroup.Uvas], Overview(Day(19)).TargetGroups);
        Assert.Equal([TargetGroup.Uvas, TargetGroup.Nollplacerad], Overview(Day(20)).TargetGroups);
    }

    [Fact]
    public void An_assessment_is_known_from_the_day_made_and_speaks_only_for_its_period()
    {
        Refused(new AssessWorkCapacity(Guid.NewGuid(), WorkCapacityConclusion.NotReady, null, Day(30), Day(10), Day(29)) { By = Af }, "assessment.ends-before-start");
        var made = (WorkCapacityAssessed)Assert.Single(When(new AssessWorkCapacity(Guid.NewGuid(), WorkCapacityConclusion.NotReady, null, Day(14), Day(10), Day(60)) { By = Af }));

        Assert.Equal(Day(10), made.BusinessDate);
        var seen = Assert.Single(Overview(Day(10)).Assessments);
        Assert.Equal((Day(10), Day(14), Day(60)), (seen.AssessedOn, seen.ValidFrom, seen.ValidUntil));

        // SOC judges able to work; AF's "not ready" expires on day 60: no gap to bridge after it.
        Given(new WorkCapacityAssessed(CaseId, Guid.NewGuid(), PartyCode.SOC, WorkCapacityConclusion.AbleToWork, null, Day(14)));
        var facts = Events.Aggregate((StallFacts?)null, StallFacts.Evolve)!;
        Assert.Contains(StallRules.Evaluate(facts, Day(59), StallSettings.Defaults), f => f.Rule == StallRuleCodes.AssessmentGap);
        Assert.DoesNotContain(StallRules.Evaluate(facts, Day(61), StallSettings.Defaults), f => f.Rule == StallRuleCodes.AssessmentGap);
        Assert.Equal(Day(61), StallRules.NextChange(facts, Day(59), StallSettings.Defaults));
    }

    [Fact]
    public void A_contact_links_to_the_partys_own_insats_or_a_meeting()
    {
        var meeting = Guid.NewGuid();
        Given(Planned(_insats, Af, "kartlaggning", 2),
            new SipMeetingScheduled(CaseId, meeting, Day(20), [PartyCode.SOC], Day(5), PartyCode.SOC));

        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new LogContact(Guid.NewGuid(), ContactKind.Phone, false, null, Day(6), _insats) { By = Soc }, State));
        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new LogContact(Guid.NewGuid(), ContactKind.Phone, false, null, Day(6), null, Guid.NewGuid()) { By = Soc }, State));
        When(new LogContact(Guid.NewGuid(), ContactKind.Meeting, false, null, Day(6), _insats, meeting) { By = Af });

        var contact = Assert.Single(Overview(Day(6)).Contacts.Recent);
        Assert.Equal((_insats, meeting), (contact.InterventionId!.Value, contact.MeetingId!.Value));
    }

    [Fact]
    public void The_closing_day_is_not_a_case_day_so_a_case_parallel_every_day_closes_with_a_share_of_1()
    {
        var soc = Guid.NewGuid();
        Given(Planned(soc, Soc, "boendestod", 0), Started(soc, 0), Planned(_insats, Af, "kartlaggning", 0), Started(_insats, 0));

        When(new CompleteIntervention(_insats, InterventionEndReason.GoalReached, null, Day(30)) { By = Af });
        When(new CloseCase(CaseOutcome.Arbete, null, InterventionEndReason.GoalReached, Day(30)) { By = Soc });

        var closed = Overview(Day(40));
        Assert.Equal(new ParallelismView(30, 30, 1, []), closed.Parallelism with { PartiesWithOngoingInsats = [] });
        Assert.Equal(30, closed.Parallelism.CaseDays);
    }

    [Fact]
    public void Reopening_names_the_insatser_the_close_ended_and_leaves_them_ended()
    {
        var planned = Guid.NewGuid();
        Given(Planned(_insats, Soc, "boendestod", 0), Started(_insats, 0), Planned(planned, Soc, "boendestod", 5));
        var closing = When(new CloseCase(CaseOutcome.Flyttat, null, InterventionEndReason.MovedAway, Day(30)) { By = Soc });
        Assert.Equal(new[] { _insats, planned }.Order(), ((CaseClosed)closing[^1]).EndedInterventions!.Order());

        var reopened = (CaseReopened)Assert.Single(When(new ReopenCase("Flyttade tillbaka", Day(45)) { By = Soc }));

        Assert.Equal(new[] { _insats, planned }.Order(), reopened.InterventionsEndedByClose!.Order());
        var view = Overview(Day(45));
        Assert.Equal(new[] { _insats, planned }.Order(), view.Interventions.Select(i => i.Insats.Id).Order());
        Assert.All(view.Interventions, i => Assert.True(i.Insats.State is InterventionState.Completed or InterventionState.Cancelled));
        Assert.Equal(2, Assert.Single(CaseOverviewOf().Reopenings).InterventionsEndedByClose.Count);
    }

    private CaseOverview CaseOverviewOf() => Events.Aggregate((CaseOverview?)null, CaseOverview.Project)!;
}
