using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

public sealed class PartySpecs : CaseSpec
{
    [Fact]
    public void A_party_joins_with_the_acting_caseworker()
    {
        Given(Opened(), Joined(Soc));

        var events = When(new JoinCase("Vårdcentralen Centrum", Day(4)) { By = Vc });

        Assert.Equal(new PartyJoined(CaseId, PartyCode.VC, "Vårdcentralen Centrum", "vc-cilla", "Cilla", Day(4)), Assert.Single(events));
    }

    [Fact]
    public void A_party_already_on_the_case_cannot_join_again() =>
        Given(Opened(), Joined(Soc)).Refused(new JoinCase("IFO", Day(1)) { By = Soc }, "party.already-on-case");

    [Fact]
    public void A_party_that_has_not_joined_cannot_log_anything()
    {
        Given(Opened(), Joined(Soc));

        var refusal = Refused(new LogContact(Guid.NewGuid(), ContactKind.Phone, false, null, Day(1)) { By = Af }, "party.not-on-case");

        Assert.Contains("AF has not joined", refusal.Message);
    }

    [Fact]
    public void A_party_that_left_cannot_log_until_it_joins_again()
    {
        Given(Opened(), Joined(Soc), Joined(Vc, 1), new PartyLeft(CaseId, PartyCode.VC, "Behandling klar", PartyCode.SOC, Day(5)));

        var refusal = Refused(new LogContact(Guid.NewGuid(), ContactKind.Phone, false, null, Day(6)) { By = Vc }, "party.not-on-case");
        Assert.Contains("left this case on 2026-02-07", refusal.Message);

        When(new JoinCase("VC", Day(8)) { By = Vc });
        Assert.Single(When(new LogContact(Guid.NewGuid(), ContactKind.Phone, false, null, Day(8)) { By = Vc }));
    }

    [Fact]
    public void A_party_cannot_leave_while_its_insatser_are_open()
    {
        var id = Guid.NewGuid();
        Given(Opened(), Joined(Soc), Joined(Af), Planned(id, Af, "kartlaggning", 1), Started(id, 2));

        var refusal = Refused(new LeaveCase(PartyCode.AF, "Flytt", null, Day(3)) { By = Af }, "party.has-open-interventions");

        Assert.Contains("kartläggning (ongoing)", refusal.Message);
    }

    [Fact]
    public void Handover_must_go_to_another_party_on_the_case()
    {
        Given(Opened(), Joined(Soc), Joined(Vc));

        Refused(new LeaveCase(PartyCode.VC, "Klar", PartyCode.VC, Day(3)) { By = Vc }, "party.handover-to-self");
        Refused(new LeaveCase(PartyCode.VC, "Klar", PartyCode.PSY, Day(3)) { By = Vc }, "party.handover-not-on-case");
        Assert.Single(When(new LeaveCase(PartyCode.VC, "Klar", PartyCode.SOC, Day(3)) { By = Vc }));
    }

    [Fact]
    public void Only_the_party_itself_changes_its_caseworker() =>
        Given(Opened(), Joined(Soc), Joined(Vc))
            .Refused(new AssignCaseworker(PartyCode.VC, "x", "X", Day(2)) { By = Soc }, "party.not-yours");

    [Fact]
    public void A_new_caseworker_takes_over()
    {
        Given(Opened(), Joined(Soc));

        When(new AssignCaseworker(PartyCode.SOC, "soc-frida", "Frida", Day(9)) { By = Soc });

        Assert.Equal("soc-frida", State!.Parties[PartyCode.SOC].CaseworkerId);
    }

    [Fact]
    public void A_party_cannot_leave_a_referral_unanswered_or_a_plan_action_undone()
    {
        var referral = Guid.NewGuid();
        Given(Opened(), Joined(Soc), Joined(Vc), new ReferralSent(CaseId, referral, ReferralKind.Remiss, PartyCode.SOC, PartyCode.VC, "x", null, Day(1)));

        Refused(new LeaveCase(PartyCode.VC, "Klar", PartyCode.SOC, Day(3)) { By = Vc }, "party.has-pending-referrals");

        Given(new ReferralDeclined(CaseId, referral, "Fel enhet", Day(2)),
            new ActionPlanned(CaseId, Guid.NewGuid(), "Bedöm arbetsförmåga", PartyCode.VC, null, Day(20), Day(2), PartyCode.SOC));
        Refused(new LeaveCase(PartyCode.VC, "Klar", PartyCode.SOC, Day(3)) { By = Vc }, "party.has-open-actions");
    }

    [Fact]
    public void A_party_that_left_and_reopens_the_case_takes_it_on_again()
    {
        Given(Opened(), Joined(Soc), new PartyLeft(CaseId, PartyCode.SOC, "Flytt", null, Day(10)),
            new CaseClosed(CaseId, CaseOutcome.Flyttat, null, Day(10)));

        var events = When(new ReopenCase("Flyttade tillbaka", Day(40)) { By = Soc });

        Assert.IsType<PartyJoined>(events[1]);
        Assert.True(State!.IsActiveParty(PartyCode.SOC));
    }
}
