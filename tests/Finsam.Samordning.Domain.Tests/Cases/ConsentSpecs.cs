using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

public sealed class ConsentSpecs : CaseSpec
{
    private static readonly Guid ConsentId = Guid.Parse("0195a1b2-0000-7000-8000-0000000000c1");

    [Fact]
    public void An_active_consent_covers_its_parties_between_its_dates_only()
    {
        Given(Opened(), Joined(Soc));
        When(new RecordConsent(ConsentId, [PartyCode.AF, PartyCode.SOC, PartyCode.AF], false, ConsentForm.Written, Day(0), Day(364), Day(0)) { By = Soc });
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
            new ConsentRecorded(CaseId, ConsentId, [PartyCode.FK], true, ConsentForm.Oral, Day(0), null, PartyCode.SOC, Day(0)));

        When(new RevokeConsent(ConsentId, Day(30), Day(30)) { By = Soc });

        Assert.True(State!.ConsentCovers(PartyCode.FK, Day(29)));
        Assert.False(State!.ConsentCovers(PartyCode.FK, Day(30)));
        Assert.False(State!.ConsentCoversForbund(Day(30)));
        Refused(new RevokeConsent(ConsentId, Day(31), Day(31)) { By = Soc }, "consent.already-revoked");
    }

    [Fact]
    public void A_consent_cannot_end_before_it_starts() =>
        Given(Opened(), Joined(Soc))
            .Refused(new RecordConsent(ConsentId, [PartyCode.AF], false, ConsentForm.Written, Day(10), Day(9), Day(1)) { By = Soc }, "consent.ends-before-start");

    [Fact]
    public void Revoking_an_unknown_consent_names_it_as_missing() =>
        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new RevokeConsent(Guid.NewGuid(), Day(3), Day(3)) { By = Soc },
            CaseDecider.Fold([Opened(), Joined(Soc)])));
}

public sealed class DateOrderSpecs : CaseSpec
{
    public DateOrderSpecs() => Given(Opened(), Joined(Soc));

    [Fact]
    public void Nothing_is_dated_before_the_case_opened() =>
        Refused(new LogContact(Guid.NewGuid(), ContactKind.Phone, false, null, Day(-3)) { By = Soc }, "date.before-previous");

    [Fact]
    public void A_consent_signed_before_the_case_opened_is_accepted() =>
        Assert.Single(When(new RecordConsent(Guid.NewGuid(), [PartyCode.SOC], false, ConsentForm.Written, Day(-5), null, Day(0)) { By = Soc }));

    [Fact]
    public void A_party_rejoins_no_earlier_than_it_left()
    {
        Given(Joined(Fk, 1), new PartyLeft(CaseId, PartyCode.FK, "Klar", null, Day(20)));

        Refused(new JoinCase("FK", Day(10)) { By = Fk }, "date.before-previous");
        Assert.Single(When(new JoinCase("FK", Day(20)) { By = Fk }));
    }

    [Fact]
    public void A_close_is_dated_no_earlier_than_the_last_reopening_or_the_last_change_of_an_open_insats()
    {
        var insats = Guid.NewGuid();
        Given(Planned(insats, Soc, "boendestod", 1), Started(insats, 40));

        Refused(new CloseCase(CaseOutcome.Annan, null, InterventionEndReason.Other, Day(30)) { By = Soc }, "date.before-previous");
        When(new CloseCase(CaseOutcome.Annan, null, InterventionEndReason.Other, Day(50)) { By = Soc });
        When(new ReopenCase("Ny ansökan", Day(60)) { By = Soc });
        Refused(new CloseCase(CaseOutcome.Annan, null, null, Day(55)) { By = Soc }, "date.before-previous");
    }
}
