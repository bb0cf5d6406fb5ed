using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Inbox;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Domain.Tests.Cases;

/// <summary>
/// A plan action given to an actor outside the förbund named on the case (issue 14): the actor must be
/// named, the party that named it answers for it, and OverdueAction says who is late (never "personen
/// själv" for someone else). The overview shows actors, referrals to them, label ends and released caseworkers.
/// </summary>
public sealed class ExternalActorActionSpecs : CaseSpec
{
    private readonly Guid _bup = Guid.NewGuid();
    private readonly Guid _action = Guid.NewGuid();

    public ExternalActorActionSpecs() => Given(Opened(), Joined(Soc), Joined(Af, 1),
        new ExternalActorNamed(CaseId, _bup, ExternalActorKind.Bup, "BUP Helsingborg", PartyCode.SOC, Day(2)));

    private IEnumerable<StallFinding> Findings(DateOnly day, string rule) =>
        StallRules.Evaluate(Events.Aggregate((StallFacts?)null, StallFacts.Evolve)!, day, StallSettings.Defaults).Where(f => f.Rule == rule);

    private CaseOverviewResponse Overview(DateOnly asOf) =>
        CaseOverviewResponse.From(Events.Aggregate((CaseOverview?)null, CaseOverview.Project)!, asOf);

    [Fact]
    public void An_action_for_an_actor_not_named_on_the_case_is_refused()
    {
        Refused(new PlanAction(_action, "Utredning", null, null, Day(30), Day(10), null, Guid.NewGuid()) { By = Af }, "plan.responsible-actor-not-on-case");

        var planned = (ActionPlanned)Assert.Single(When(new PlanAction(_action, "Utredning", null, null, Day(30), Day(10), null, _bup) { By = Af }));

        Assert.Equal(_bup, planned.ResponsibleActorId);
        Assert.False(planned.IndividualResponsible);
        Assert.Equal(PartyCode.SOC, State!.AnsweringFor(_action));
        Refused(new ReassignAction(_action, null, null, Day(11), _bup) { By = Af }, "plan.responsible-unchanged");
        Refused(new ReassignAction(_action, null, null, Day(11), Guid.NewGuid()) { By = Af }, "plan.responsible-actor-not-on-case");
    }

    [Fact]
    public void The_party_that_named_the_actor_answers_for_its_action_and_hears_of_it()
    {
        var planned = When(new PlanAction(_action, "Utredning", null, null, Day(30), Day(10), null, _bup) { By = Af });

        var notices = Notices.For(planned, [PartyCode.SOC, PartyCode.AF], PartyCode.AF, State!.AnsweringFor);
        var notice = Assert.Single(notices);
        Assert.Equal((PartyCode.SOC, NoticeKind.ActionForYou, true), (notice.Recipient!.Value, notice.Kind, notice.Addressed));
        // SOC keeps it up and marks it done; it is SOC's to follow with BUP.
        Assert.Single(When(new RescheduleAction(_action, Day(40), "BUP har kö", Day(12)) { By = Soc }));
        Assert.Single(When(new CompleteAction(_action, Day(35)) { By = Soc }));
    }

    [Fact]
    public void OverdueAction_names_the_actor_by_unit_and_kind()
    {
        When(new PlanAction(_action, "Utredning", null, null, Day(30), Day(10), null, _bup) { By = Af });

        var found = Assert.Single(Findings(Day(37), StallRuleCodes.OverdueAction));

        Assert.Equal("En åtgärd i planen för BUP Helsingborg (BUP) skulle vara klar 2026-03-04 och är 7 dagar sen.", found.Reason);
        Assert.Contains("for BUP Helsingborg (child and adolescent psychiatry, BUP)", found.ReasonEn);
        Assert.DoesNotContain("Utredning", found.Reason);
    }

    [Fact]
    public void OverdueAction_for_a_named_participant_says_who_they_are_not_their_name_and_not_the_person()
    {
        When(new PlanAction(_action, "Ringa skolan", null, null, Day(30), Day(10), new OutsideParticipant(OutsideParticipantKind.Narstaende, "Kim Ek", "mamma"))
        {
            By = Af,
        });

        var found = Assert.Single(Findings(Day(37), StallRuleCodes.OverdueAction));

        Assert.StartsWith("En åtgärd i planen för en närstående skulle vara klar", found.Reason);
        Assert.DoesNotContain("personen själv", found.Reason);
        Assert.DoesNotContain("Kim", found.Reason);
        Assert.Contains("for someone close to the person", found.ReasonEn);
    }

    [Fact]
    public void The_overview_shows_actors_referrals_with_their_waits_label_ends_and_a_party_without_caseworker()
    {
        var sent = Guid.NewGuid();
        var answered = Guid.NewGuid();
        Given(
            new ExternalReferralSent(CaseId, sent, _bup, ReferralKind.Remiss, PartyCode.SOC, Day(20), Day(5)),
            new ExternalReferralSent(CaseId, answered, _bup, ReferralKind.Konsultation, PartyCode.SOC, null, Day(6)),
            new ExternalReferralAnswered(CaseId, answered, true, Day(16)),
            new EligibilityEndRecorded(CaseId, EligibilityLabel.KaaAge, Day(100), PartyCode.SOC, Day0),
            new EligibilityEndRecorded(CaseId, EligibilityLabel.EstablishmentPeriod, Day(50), PartyCode.AF, Day(3)),
            new CaseworkerReleased(CaseId, PartyCode.AF, Day(8)));

        var o = Overview(Day(30));

        Assert.Equal(("BUP Helsingborg", PartyCode.SOC), (Assert.Single(o.ExternalActors).Unit, o.ExternalActors[0].NamedBy));
        Assert.Equal([(sent, (int?)25, (int?)null, true), (answered, null, 10, false)],
            o.ExternalReferrals.Select(r => (r.Referral.Id, r.DaysWaiting, r.DaysToAnswer, r.PastRespondBy)));
        Assert.Equal([(EligibilityLabel.EstablishmentPeriod, 20), (EligibilityLabel.KaaAge, 70)], o.EligibilityEnds.Select(l => (l.End.Label, l.DaysLeft)));
        var af = Assert.Single(o.Parties, p => p.Party == PartyCode.AF);
        Assert.Equal((Day(8), ""), (af.CaseworkerReleasedOn, af.CaseworkerId));

        Given(new CaseworkerAssigned(CaseId, PartyCode.AF, "af-ny", "Ny", Day(12)));
        Assert.Null(Assert.Single(Overview(Day(30)).Parties, p => p.Party == PartyCode.AF).CaseworkerReleasedOn);
    }
}
