using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Domain.Tests.Cases;

/// <summary>Keeping the plan true: actions moved, passed on or dropped; goals revised, reached or given up; needs met; referrals kept up by their sender.</summary>
public sealed class PlanUpkeepSpecs : CaseSpec
{
    private readonly Guid _action = Guid.NewGuid();
    private readonly Guid _goal = Guid.NewGuid();
    private readonly Guid _need = Guid.NewGuid();
    private readonly Guid _referral = Guid.NewGuid();

    public PlanUpkeepSpecs() => Given(Opened(), Joined(Soc), Joined(Af, 1), Joined(Vc, 1));

    private void Planned(PartyCode? responsible = PartyCode.AF) =>
        Given(new ActionPlanned(CaseId, _action, "Kartläggning klar", responsible, null, Day(30), Day(10), PartyCode.SOC));

    [Fact]
    public void The_planner_or_the_responsible_party_moves_an_action_and_it_is_no_longer_overdue()
    {
        Planned();

        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new RescheduleAction(_action, Day(60), "x", Day(20)) { By = Vc }, State));
        Refused(new RescheduleAction(_action, Day(30), "Samma", Day(20)) { By = Af }, "plan.same-due-date");
        Refused(new RescheduleAction(_action, Day(15), "Bakåt", Day(20)) { By = Af }, "plan.due-before-planned");
        var moved = (ActionRescheduled)Assert.Single(When(new RescheduleAction(_action, Day(60), "Väntar på intyg", Day(20)) { By = Af }));
        Assert.Equal(Day(30), moved.PreviousDueOn);

        var overview = Overview(Day(45));
        Assert.False(Assert.Single(overview.Plan.Actions).Overdue);
        Assert.Equal(Day(30), Assert.Single(overview.Plan.Actions[0].Action.Reschedules).From);
        Assert.Empty(Findings(Day(45), StallRuleCodes.OverdueAction));
        Assert.Single(Findings(Day(70), StallRuleCodes.OverdueAction));
    }

    [Fact]
    public void A_dropped_action_is_never_overdue_cannot_be_completed_and_does_not_hold_its_party_on_the_case()
    {
        Planned();
        Refused(new LeaveCase(PartyCode.AF, "Klar", PartyCode.SOC, Day(20)) { By = Af }, "party.has-open-actions");

        When(new DropAction(_action, "Behövs inte längre", Day(20)) { By = Soc });

        Assert.False(Assert.Single(Overview(Day(45)).Plan.Actions).Overdue);
        Assert.Empty(Findings(Day(45), StallRuleCodes.OverdueAction));
        Refused(new CompleteAction(_action, Day(21)) { By = Af }, "plan.action-dropped");
        Refused(new DropAction(_action, "Igen", Day(21)) { By = Soc }, "plan.action-dropped");
        Assert.Single(When(new LeaveCase(PartyCode.AF, "Klar", PartyCode.SOC, Day(21)) { By = Af }));
    }

    [Fact]
    public void An_action_passes_to_a_party_on_the_case_the_person_or_a_named_outside_participant()
    {
        Planned();
        Refused(new ReassignAction(_action, PartyCode.FK, null, Day(20)) { By = Soc }, "plan.responsible-not-on-case");
        Refused(new ReassignAction(_action, PartyCode.AF, null, Day(20)) { By = Soc }, "plan.responsible-unchanged");

        When(new ReassignAction(_action, PartyCode.VC, null, Day(20)) { By = Af });
        // AF no longer answers for it, nor planned it: to AF it is gone.
        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new DropAction(_action, "x", Day(21)) { By = Af }, State));
        When(new ReassignAction(_action, null, new OutsideParticipant(OutsideParticipantKind.School, "Karin", "mentor"), Day(21)) { By = Vc });

        var action = Assert.Single(Overview(Day(22)).Plan.Actions).Action;
        Assert.Null(action.ResponsibleParty);
        Assert.False(action.IndividualResponsible);
        Assert.Equal("Karin", action.ResponsibleOther!.Name);
        // Anyone on the case completes what someone outside the förbund was to do.
        Assert.Single(When(new CompleteAction(_action, Day(25)) { By = Af }));
    }

    [Fact]
    public void A_goal_is_revised_dated_and_then_achieved_or_abandoned_by_the_party_that_recorded_it()
    {
        Refused(new SetGoal(_goal, PlanArea.Arbete, GoalStatedBy.Individual, "Jobb", Day(10), Day(9)) { By = Soc }, "plan.target-before-set");
        When(new SetGoal(_goal, PlanArea.Arbete, GoalStatedBy.Individual, "Ett jobb med händerna", Day(10), Day(200)) { By = Soc });

        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new AchieveGoal(_goal, Day(20)) { By = Af }, State));
        When(new ReviseGoal(_goal, "Praktik inom bygg", Day(120), Day(20)) { By = Soc });
        var revised = Assert.Single(Overview(Day(21)).Plan.IndividualGoals);
        Assert.Equal(("Praktik inom bygg", Day(120), Day(20)), (revised.Text, revised.TargetOn, revised.RevisedOn));

        When(new AbandonGoal(_goal, "Personen vill studera i stället", Day(30)) { By = Soc });
        Refused(new AchieveGoal(_goal, Day(31)) { By = Soc }, "plan.goal-not-active");
        var abandoned = Assert.Single(Overview(Day(31)).Plan.IndividualGoals);
        Assert.Equal((GoalState.Abandoned, Day(30)), (abandoned.State, abandoned.ClosedOn));
    }

    [Fact]
    public void A_need_names_who_answers_for_it_and_is_resolved_once()
    {
        Refused(new IdentifyNeed(_need, PlanArea.Halsa, "Sömn", Day(10), PartyCode.FK) { By = Soc }, "plan.responsible-not-on-case");
        When(new IdentifyNeed(_need, PlanArea.Halsa, "Sömnproblem", Day(10), PartyCode.VC) { By = Soc });

        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new ResolveNeed(_need, null, Day(20)) { By = Vc }, State));
        When(new ResolveNeed(_need, "Sover bättre", Day(20)) { By = Soc });
        Refused(new ResolveNeed(_need, null, Day(21)) { By = Soc }, "plan.need-already-resolved");
        var need = Assert.Single(Overview(Day(21)).Plan.Needs);
        Assert.Equal((PartyCode.VC, Day(20)), (need.ResponsibleParty, need.ResolvedOn));
    }

    [Fact]
    public void The_sender_reminds_changes_respond_by_or_withdraws_and_a_withdrawn_referral_stops_waiting()
    {
        Given(new ReferralSent(CaseId, _referral, ReferralKind.Remiss, PartyCode.SOC, PartyCode.FK, "Rehab", Day(10), Day(1)));

        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new RemindReferral(_referral, null, Day(5)) { By = Af }, State));
        When(new RemindReferral(_referral, "Ringde FK", Day(12)) { By = Soc });
        Refused(new ChangeReferralRespondBy(_referral, Day(0), Day(12)) { By = Soc }, "referral.respond-before-sent");
        Refused(new ChangeReferralRespondBy(_referral, Day(20), Day(11)) { By = Soc }, "date.before-previous");
        When(new ChangeReferralRespondBy(_referral, Day(20), Day(12)) { By = Soc });
        var waiting = Assert.Single(Overview(Day(15)).Referrals);
        Assert.False(waiting.PastRespondBy);
        Assert.Equal(Day(12), Assert.Single(waiting.Referral.Reminders).RemindedOn);
        Assert.Equal(RelationKind.Pending, State!.RelationOf(PartyCode.FK));

        When(new WithdrawReferral(_referral, "Personen har fått jobb", Day(16)) { By = Soc });
        Assert.Equal(RelationKind.None, State!.RelationOf(PartyCode.FK));
        Assert.Null(Assert.Single(Overview(Day(40)).Referrals).DaysUnanswered);
        Assert.Empty(Findings(Day(40), StallRuleCodes.UnansweredReferral));
        Refused(new WithdrawReferral(_referral, "Igen", Day(17)) { By = Soc }, "referral.already-answered");
    }

    [Fact]
    public void A_decline_carries_a_structured_reason()
    {
        Given(new ReferralSent(CaseId, _referral, ReferralKind.Remiss, PartyCode.SOC, PartyCode.VC, "Hälsa", null, Day(1)));

        var declined = (ReferralDeclined)Assert.Single(When(new DeclineReferral(_referral, "Saknar läkarintyg", Day(3), ReferralDeclineReason.MissingInformation) { By = Vc }));

        Assert.Equal(ReferralDeclineReason.MissingInformation, declined.Code);
        Assert.Equal(ReferralDeclineReason.MissingInformation, Assert.Single(Overview(Day(4)).Referrals).Referral.DeclineCode);
    }

    private CaseOverviewResponse Overview(DateOnly asOf) =>
        CaseOverviewResponse.From(Events.Aggregate((CaseOverview?)null, CaseOverview.Project)!, asOf);

    private IEnumerable<StallFinding> Findings(DateOnly day, string rule) =>
        StallRules.Evaluate(Events.Aggregate((StallFacts?)null, StallFacts.Evolve)!, day, StallSettings.Defaults).Where(f => f.Rule == rule);
}
