using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

public sealed class ConsentSpecs : CaseSpec
{
    private static readonly Guid ConsentId = Guid.Parse("0195a1b2-0000-7000-8000-0000000000c1");

    [Fact]
    public void An_active_consent_covers_its_parties_between_its_dates_only()
    {
        Given(Opened(), Joined(Soc));
        When(new RecordConsent(ConsentId, [PartyCode.AF, PartyCode.SOC, PartyCode.AF], false, ConsentForm.Written, Day(0), Day(364)) { By = Soc });
        var state = State!;

        Assert.True(state.ConsentCovers(PartyCode.AF, Day(0)));
        Assert.True(state.ConsentCovers(PartyCode.AF, Day(364)));
        Assert.False(state.ConsentCovers(PartyCode.AF, Day(365)));
        Assert.False(state.ConsentCovers(PartyCode.AF, Day(-1)));
        Assert.False(state.ConsentCovers(PartyCode.FK, Day(10)));
        Assert.False(state.ConsentCoversForbund(Day(10)));
    }

    [Fact]
    public void Revoking_ends_the_consent_from_its_effective_date()
    {
        Given(Opened(), Joined(Soc),
            new ConsentRecorded(CaseId, ConsentId, [PartyCode.FK], true, ConsentForm.Oral, Day(0), null, PartyCode.SOC));

        When(new RevokeConsent(ConsentId, Day(30)) { By = Soc });

        Assert.True(State!.ConsentCovers(PartyCode.FK, Day(29)));
        Assert.False(State!.ConsentCovers(PartyCode.FK, Day(30)));
        Assert.False(State!.ConsentCoversForbund(Day(30)));
        Refused(new RevokeConsent(ConsentId, Day(31)) { By = Soc }, "consent.already-revoked");
    }

    [Fact]
    public void A_consent_cannot_end_before_it_starts() =>
        Given(Opened(), Joined(Soc))
            .Refused(new RecordConsent(ConsentId, [PartyCode.AF], false, ConsentForm.Written, Day(10), Day(9)) { By = Soc }, "consent.ends-before-start");

    [Fact]
    public void Revoking_an_unknown_consent_names_it_as_missing() =>
        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new RevokeConsent(Guid.NewGuid(), Day(3)) { By = Soc },
            CaseDecider.Fold([Opened(), Joined(Soc)])));
}
