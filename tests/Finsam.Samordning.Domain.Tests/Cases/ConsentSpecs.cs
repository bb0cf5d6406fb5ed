using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

public sealed class ConsentSpecs : CaseSpec
{
    private static readonly Guid ConsentId = Guid.Parse("0195a1b2-0000-7000-8000-0000000000c1");

    private static ConsentTerms Terms(PartyCode[] parties, int given = 0, int from = 0, int? until = null, bool forbund = false,
        InformationCategory[]? categories = null) =>
        new(parties, forbund, ConsentForm.Written, Day(given), Day(from), until is { } u ? Day(u) : null, categories ?? [.. Consent.AllCategories]);

    private Consent TheConsent(Guid? id = null) => State!.Consents.Single(c => c.Id == (id ?? ConsentId));

    [Fact]
    public void Recording_confirms_the_consent_for_the_recording_party_only()
    {
        Given(Opened(), Joined(Soc), Joined(Af));

        var recorded = Assert.IsType<ConsentRecorded>(Assert.Single(When(new RecordConsent(ConsentId, Terms([PartyCode.AF, PartyCode.SOC, PartyCode.AF]), Day(0)) { By = Soc })));

        Assert.Equal([PartyCode.AF, PartyCode.SOC], recorded.Parties);
        Assert.Equal([PartyCode.SOC], TheConsent().ConfirmedBy);
        Assert.True(TheConsent().Discloses(PartyCode.SOC, Recipient.Of(PartyCode.AF), InformationCategory.Contacts, Day(1)));
        Assert.False(TheConsent().Discloses(PartyCode.AF, Recipient.Of(PartyCode.SOC), InformationCategory.Contacts, Day(1)));
    }

    [Fact]
    public void A_consent_discloses_only_between_named_parties_within_its_dates_and_categories()
    {
        Given(Opened(), Joined(Soc), Joined(Af));
        When(new RecordConsent(ConsentId, Terms([PartyCode.AF, PartyCode.SOC], until: 364, categories: [InformationCategory.PlanAndMeetings]), Day(0)) { By = Soc });
        var consent = TheConsent();

        Assert.True(consent.Discloses(PartyCode.SOC, Recipient.Of(PartyCode.AF), InformationCategory.PlanAndMeetings, Day(364)));
        Assert.False(consent.Discloses(PartyCode.SOC, Recipient.Of(PartyCode.AF), InformationCategory.PlanAndMeetings, Day(365)));
        Assert.False(consent.Discloses(PartyCode.SOC, Recipient.Of(PartyCode.AF), InformationCategory.Contacts, Day(10)));
        Assert.False(consent.Discloses(PartyCode.SOC, Recipient.Of(PartyCode.FK), InformationCategory.PlanAndMeetings, Day(10)));
        Assert.False(consent.Discloses(PartyCode.SOC, Recipient.Forbund, InformationCategory.PlanAndMeetings, Day(10)));
    }

    [Fact]
    public void Each_named_party_confirms_for_itself_once()
    {
        Given(Opened(), Joined(Soc), Joined(Af), Joined(Fk));
        When(new RecordConsent(ConsentId, Terms([PartyCode.AF, PartyCode.SOC], forbund: true), Day(0)) { By = Soc });

        Assert.Equal(new ConsentConfirmed(CaseId, ConsentId, PartyCode.AF, Day(2)), Assert.Single(When(new ConfirmConsent(ConsentId, Day(2)) { By = Af })));
        Assert.True(TheConsent().Discloses(PartyCode.AF, Recipient.Forbund, InformationCategory.Assessments, Day(2)));
        Refused(new ConfirmConsent(ConsentId, Day(3)) { By = Af }, "consent.already-answered");
        Refused(new ConfirmConsent(ConsentId, Day(3)) { By = Fk }, "consent.party-not-named");
    }

    [Fact]
    public void A_party_that_declines_keeps_its_entries_closed()
    {
        Given(Opened(), Joined(Soc), Joined(Af));
        When(new RecordConsent(ConsentId, Terms([PartyCode.AF, PartyCode.SOC]), Day(0)) { By = Soc });

        When(new DeclineConsent(ConsentId, "Omfattar inte våra uppgifter", Day(1)) { By = Af });

        Assert.False(TheConsent().Discloses(PartyCode.AF, Recipient.Of(PartyCode.SOC), InformationCategory.Contacts, Day(2)));
        Refused(new ConfirmConsent(ConsentId, Day(2)) { By = Af }, "consent.already-answered");
    }

    [Fact]
    public void Amending_makes_a_new_version_that_ends_the_old_one_and_needs_new_confirmations()
    {
        var amended = Guid.NewGuid();
        Given(Opened(), Joined(Soc), Joined(Af));
        When(new RecordConsent(ConsentId, Terms([PartyCode.AF, PartyCode.SOC], until: 90), Day(0)) { By = Soc });
        When(new ConfirmConsent(ConsentId, Day(1)) { By = Af });

        var recorded = Assert.IsType<ConsentRecorded>(Assert.Single(When(new AmendConsent(ConsentId, amended, Terms([PartyCode.AF, PartyCode.SOC], given: 80, from: 80, until: 365), Day(80)) { By = Soc })));

        Assert.Equal(ConsentId, recorded.Replaces);
        Assert.Equal(Day(80), TheConsent().EndsOn);
        Assert.Equal(amended, TheConsent().ReplacedBy);
        Assert.Equal([PartyCode.SOC], TheConsent(amended).ConfirmedBy);
        Assert.False(TheConsent(amended).Discloses(PartyCode.AF, Recipient.Of(PartyCode.SOC), InformationCategory.Contacts, Day(81)));
        Refused(new ConfirmConsent(ConsentId, Day(81)) { By = Af }, "consent.replaced");
        Refused(new AmendConsent(ConsentId, Guid.NewGuid(), Terms([PartyCode.AF], given: 82, from: 82), Day(82)) { By = Soc }, "consent.replaced");
    }

    [Fact]
    public void Revoking_ends_the_consent_from_its_effective_date()
    {
        Given(Opened(), Joined(Soc),
            new ConsentRecorded(CaseId, ConsentId, [PartyCode.FK, PartyCode.SOC], true, ConsentForm.Oral, Day(0), null, PartyCode.SOC, Day(0)));

        When(new RevokeConsent(ConsentId, Day(30), Day(30)) { By = Soc });

        Assert.True(TheConsent().Discloses(PartyCode.SOC, Recipient.Of(PartyCode.FK), InformationCategory.Notes, Day(29)));
        Assert.False(TheConsent().ActiveOn(Day(30)));
        Refused(new RevokeConsent(ConsentId, Day(31), Day(31)) { By = Soc }, "consent.already-revoked");
    }

    [Fact]
    public void A_consent_is_dated_the_day_it_was_given_and_cannot_apply_before()
    {
        Given(Opened(), Joined(Soc));

        Assert.Equal(Day(-5), Assert.Single(When(new RecordConsent(ConsentId, Terms([PartyCode.SOC], given: -5, from: -5), Day(3)) { By = Soc })).BusinessDate);
        Refused(new RecordConsent(Guid.NewGuid(), Terms([PartyCode.SOC], given: 2, from: 1), Day(3)) { By = Soc }, "consent.valid-before-given");
        Refused(new RecordConsent(Guid.NewGuid(), Terms([PartyCode.SOC], given: 4, from: 4), Day(3)) { By = Soc }, "consent.given-after-recorded");
    }

    [Fact]
    public void A_consent_cannot_end_before_it_starts() =>
        Given(Opened(), Joined(Soc))
            .Refused(new RecordConsent(ConsentId, Terms([PartyCode.AF], given: 1, from: 10, until: 9), Day(1)) { By = Soc }, "consent.ends-before-start");

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
        Assert.Single(When(new RecordConsent(Guid.NewGuid(),
            new ConsentTerms([PartyCode.SOC], false, ConsentForm.Written, Day(-5), Day(-5), null, Consent.AllCategories), Day(0)) { By = Soc }));

    [Fact]
    public void A_party_rejoins_no_earlier_than_it_left()
    {
        var invitation = Guid.NewGuid();
        Given(Joined(Fk, 1), new PartyLeft(CaseId, PartyCode.FK, "Klar", null, Day(20)),
            new PartyInvited(CaseId, invitation, PartyCode.FK, PartyCode.SOC, "Ny sjukskrivning", Day(5)));

        Refused(new AcceptInvitation(invitation, "FK", Day(10)) { By = Fk }, "date.before-previous");
        Assert.Equal(2, When(new AcceptInvitation(invitation, "FK", Day(20)) { By = Fk }).Count);
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
