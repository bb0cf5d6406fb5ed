using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

public sealed class ReferralSpecs : CaseSpec
{
    private static readonly Guid Remiss = Guid.Parse("0195a1b2-0000-7000-8000-0000000000b1");

    public ReferralSpecs() => Given(Opened(), Joined(Soc));

    private static ReferralSent Sent(PartyCode to = PartyCode.VC, int day = 1) =>
        new(CaseId, Remiss, ReferralKind.Remiss, PartyCode.SOC, to, "Hälsosamtal", Day(11), Day(day));

    [Fact]
    public void A_party_cannot_refer_to_itself() =>
        Refused(new SendReferral(Remiss, ReferralKind.Remiss, PartyCode.SOC, "x", null, Day(1)) { By = Soc }, "referral.to-self");

    [Fact]
    public void Accepting_makes_the_receiving_party_join_the_case()
    {
        Given(Sent());

        var events = When(new AcceptReferral(Remiss, "Vårdcentralen Centrum", Day(13)) { By = Vc });

        Assert.Equal(
            [
                new ReferralAccepted(CaseId, Remiss, Day(13)),
                new PartyJoined(CaseId, PartyCode.VC, "Vårdcentralen Centrum", "vc-cilla", "Cilla", Day(13)),
            ],
            events);
        Assert.True(State!.IsActiveParty(PartyCode.VC));
    }

    [Fact]
    public void A_party_already_on_the_case_accepts_without_joining_again()
    {
        Given(Joined(Vc), Sent());

        Assert.IsType<ReferralAccepted>(Assert.Single(When(new AcceptReferral(Remiss, null, Day(3)) { By = Vc })));
    }

    [Fact]
    public void Joining_by_accepting_needs_a_unit()
    {
        Given(Sent());

        Refused(new AcceptReferral(Remiss, null, Day(3)) { By = Vc }, "referral.unit-required");
    }

    [Fact]
    public void Only_the_receiving_party_answers()
    {
        Given(Joined(Af), Sent());

        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new DeclineReferral(Remiss, "x", Day(3)) { By = Af }, State));
    }

    [Fact]
    public void An_answered_referral_cannot_be_answered_again()
    {
        Given(Sent(), new ReferralDeclined(CaseId, Remiss, "Fel enhet", Day(3)));

        var refusal = Refused(new AcceptReferral(Remiss, "VC", Day(4)) { By = Vc }, "referral.already-answered");

        Assert.Contains("declined", refusal.Message);
    }
}
