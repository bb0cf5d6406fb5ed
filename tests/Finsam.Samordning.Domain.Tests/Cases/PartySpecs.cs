using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

public sealed class PartySpecs : CaseSpec
{
    private static readonly Guid InvitationId = Guid.Parse("0195a1b2-0000-7000-8000-0000000000e1");

    [Fact]
    public void A_party_joins_by_accepting_an_invitation_with_the_acting_caseworker()
    {
        Given(Opened(), Joined(Soc));
        When(new InviteParty(InvitationId, PartyCode.VC, "Behöver vårdkontakt", Day(2)) { By = Soc });
        Assert.Equal(RelationKind.Pending, State!.RelationOf(PartyCode.VC));

        var events = When(new AcceptInvitation(InvitationId, "Vårdcentralen Centrum", Day(4)) { By = Vc });

        Assert.Equal(
            [new InvitationAccepted(CaseId, InvitationId, Day(4)), new PartyJoined(CaseId, PartyCode.VC, "Vårdcentralen Centrum", "vc-cilla", "Cilla", Day(4))],
            events);
        Assert.Equal(RelationKind.Member, State!.RelationOf(PartyCode.VC));
    }

    [Fact]
    public void Only_the_invited_party_answers_and_only_once()
    {
        Given(Opened(), Joined(Soc), new PartyInvited(CaseId, InvitationId, PartyCode.VC, PartyCode.SOC, "Vård", Day(1)));

        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new AcceptInvitation(InvitationId, "AF", Day(2)) { By = Af }, State));
        When(new DeclineInvitation(InvitationId, "Ingen kapacitet", Day(2)) { By = Vc });
        Refused(new AcceptInvitation(InvitationId, "VC", Day(3)) { By = Vc }, "invitation.already-answered");
        Assert.Equal(RelationKind.None, State!.RelationOf(PartyCode.VC));
    }

    [Fact]
    public void A_party_already_on_the_case_or_already_invited_by_the_same_party_cannot_be_invited_again()
    {
        Given(Opened(), Joined(Soc), Joined(Af), new PartyInvited(CaseId, InvitationId, PartyCode.VC, PartyCode.SOC, "Vård", Day(1)));

        Refused(new InviteParty(Guid.NewGuid(), PartyCode.AF, "x", Day(2)) { By = Soc }, "party.already-on-case");
        Refused(new InviteParty(Guid.NewGuid(), PartyCode.VC, "x", Day(2)) { By = Soc }, "invitation.pending");
        // Another party's invitation may be withheld from AF: its own is no conflict.
        Assert.Single(When(new InviteParty(Guid.NewGuid(), PartyCode.VC, "x", Day(2)) { By = Af }));
    }

    [Fact]
    public void A_party_with_no_relation_cannot_invite_itself_or_anyone() =>
        Given(Opened(), Joined(Soc)).Refused(new InviteParty(Guid.NewGuid(), PartyCode.AF, "Jag vill läsa", Day(1)) { By = Af }, "party.not-on-case");

    [Fact]
    public void Relations_are_member_former_pending_or_none()
    {
        Given(Opened(), Joined(Soc), Joined(Vc, 1), new PartyLeft(CaseId, PartyCode.VC, "Klar", null, Day(5)),
            new ReferralSent(CaseId, Guid.NewGuid(), ReferralKind.Remiss, PartyCode.SOC, PartyCode.PSY, "Utredning", null, Day(6)));

        Assert.Equal(RelationKind.Member, State!.RelationOf(PartyCode.SOC));
        Assert.Equal(RelationKind.Former, State!.RelationOf(PartyCode.VC));
        Assert.Equal(RelationKind.Pending, State!.RelationOf(PartyCode.PSY));
        Assert.Equal(RelationKind.None, State!.RelationOf(PartyCode.AF));
    }

    [Fact]
    public void A_party_that_has_not_joined_cannot_log_anything()
    {
        Given(Opened(), Joined(Soc));

        var refusal = Refused(new LogContact(Guid.NewGuid(), ContactKind.Phone, false, null, Day(1)) { By = Af }, "party.not-on-case");

        Assert.Contains("AF is not on this case", refusal.Message);
    }

    [Fact]
    public void A_party_that_left_returns_only_through_a_new_invitation()
    {
        Given(Opened(), Joined(Soc), Joined(Vc, 1), new PartyLeft(CaseId, PartyCode.VC, "Behandling klar", PartyCode.SOC, Day(5)));

        var refusal = Refused(new LogContact(Guid.NewGuid(), ContactKind.Phone, false, null, Day(6)) { By = Vc }, "party.not-on-case");
        Assert.Contains("left this case on 2026-02-07", refusal.Message);
        Refused(new InviteParty(InvitationId, PartyCode.VC, "Tillbaka", Day(7)) { By = Vc }, "party.not-on-case");

        When(new InviteParty(InvitationId, PartyCode.VC, "Ny remiss behövs inte: tillbaka", Day(7)) { By = Soc });
        When(new AcceptInvitation(InvitationId, "VC", Day(8)) { By = Vc });
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
