using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

public sealed class BenefitAndCloseSpecs : CaseSpec
{
    private static readonly Guid AfInsats = Guid.Parse("0195a1b2-0000-7000-8000-0000000000a1");
    private static readonly Guid AmeInsats = Guid.Parse("0195a1b2-0000-7000-8000-0000000000a2");

    public BenefitAndCloseSpecs() => Given(Opened(), Joined(Soc), Joined(Fk), Joined(Af), Joined(Ame));

    [Theory]
    [InlineData(Benefit.Forsorjningsstod, PartyCode.SOC)]
    [InlineData(Benefit.Sjukpenning, PartyCode.FK)]
    [InlineData(Benefit.SgiStatus, PartyCode.FK)]
    [InlineData(Benefit.Aktivitetsstod, PartyCode.FK)]
    public void Each_benefit_is_decided_by_its_party(Benefit benefit, PartyCode party) =>
        Assert.Equal(party, CaseDecider.DecidingParty(benefit));

    [Fact]
    public void A_party_cannot_record_another_partys_benefit_decision()
    {
        Refused(new RecordBenefitDecision(Guid.NewGuid(), Benefit.Sjukpenning, BenefitDecisionKind.NoneForLackOfSgi, Day(1), null, Day(1)) { By = Soc },
            "benefit.wrong-party");
        Assert.Single(When(new RecordBenefitDecision(Guid.NewGuid(), Benefit.Sjukpenning, BenefitDecisionKind.NoneForLackOfSgi, Day(1), null, Day(1)) { By = Fk }));
    }

    [Fact]
    public void Closing_with_open_insatser_is_refused_and_names_only_the_closers_own()
    {
        Given(Planned(AfInsats, Af, "arbetspraktik", 60), Started(AfInsats, 67));

        var others = Refused(new CloseCase(CaseOutcome.Arbete, null, InterventionEndReason.GoalReached, Day(150)) { By = Soc }, "case.open-interventions");
        var own = Refused(new CloseCase(CaseOutcome.Arbete, null, null, Day(150)) { By = Af }, "case.open-interventions");

        Assert.DoesNotContain("arbetspraktik", others.Message);
        Assert.Contains("only the party that owns an insats can end it", others.Message);
        Assert.Contains("AF's arbetspraktik (ongoing)", own.Message);
    }

    [Fact]
    public void Closing_with_an_end_reason_ends_the_closers_started_insatser_and_cancels_its_planned_ones_in_the_same_decision()
    {
        Given(Planned(AfInsats, Af, "arbetspraktik", 60), Started(AfInsats, 67), Planned(AmeInsats, Af, "kartlaggning", 140));

        var events = When(new CloseCase(CaseOutcome.Arbete, "Deltidsjobb", InterventionEndReason.MovedOnToWorkOrStudies, Day(150)) { By = Af });

        Assert.Equal(
            [
                new InterventionCompleted(CaseId, AfInsats, InterventionEndReason.MovedOnToWorkOrStudies, "Avslutad när ärendet avslutades", Day(150)),
                new InterventionCancelled(CaseId, AmeInsats, InterventionCancelReason.CaseClosed, "Avbruten när ärendet avslutades", Day(150)),
            ],
            events.Take(2));
        var closed = Assert.IsType<CaseClosed>(events[2]);
        Assert.Equal(new CaseClosed(CaseId, CaseOutcome.Arbete, "Deltidsjobb", Day(150), closed.EndedInterventions), closed);
        Assert.Equal([AfInsats, AmeInsats], closed.EndedInterventions!);
        Assert.Equal(CaseStatus.Closed, State!.Status);
    }

    [Fact]
    public void A_closed_case_refuses_entries_until_reopened()
    {
        Given(new CaseClosed(CaseId, CaseOutcome.Studier, null, Day(120)));

        var refusal = Refused(new LogContact(Guid.NewGuid(), ContactKind.Phone, false, null, Day(121)) { By = Soc }, "case.closed");
        Assert.Contains("2026-06-02", refusal.Message);

        When(new ReopenCase("Avbröt studierna", Day(130)) { By = Soc });
        Assert.Single(When(new LogContact(Guid.NewGuid(), ContactKind.Phone, false, null, Day(131)) { By = Soc }));
        Refused(new ReopenCase("igen", Day(132)) { By = Soc }, "case.not-closed");
    }
}
