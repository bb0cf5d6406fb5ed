using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.Consents;

/// <summary>Body of <c>POST /api/v1/cases/{id}/consents</c> and of an amendment: the consent as the person gave it.</summary>
/// <param name="Parties">Named parties: each discloses its own entries only once it has confirmed, and receives what the others confirmed.</param>
/// <param name="CoversForbund">Whether the förbund's samverkansledare is named as a recipient.</param>
/// <param name="Form">Written or oral.</param>
/// <param name="GivenOn">The day the person gave it (business date; asOf views show it from then).</param>
/// <param name="ValidFrom">First day it applies (not before givenOn).</param>
/// <param name="ValidUntil">Last day it applies, if limited.</param>
/// <param name="Categories">Kinds of information it opens: planAndMeetings, interventionsAndReferrals, contacts, assessments, benefitDecisions, notes. Omitted or empty: all.</param>
public sealed record RecordConsentRequest(
    IReadOnlyList<PartyCode>? Parties, bool? CoversForbund, ConsentForm? Form, DateOnly? GivenOn, DateOnly? ValidFrom, DateOnly? ValidUntil,
    IReadOnlyList<InformationCategory>? Categories = null)
{
    /// <summary>The domain's terms; call only after validation.</summary>
    public ConsentTerms ToTerms() => new(Parties!, CoversForbund!.Value, Form!.Value, GivenOn!.Value, ValidFrom!.Value, ValidUntil,
        Categories is { Count: > 0 } c ? c : Consent.AllCategories);

    /// <summary>The rules of a consent's terms, for recording and amending alike.</summary>
    public static void Rules(InlineValidator<RecordConsentRequest> v, BusinessCalendar calendar)
    {
        v.RuleFor(c => c.Parties).NotEmpty().WithMessage("Name at least one party the consent covers.");
        v.RuleForEach(c => c.Parties).IsInEnum();
        v.RuleFor(c => c.CoversForbund).NotNull();
        v.RuleFor(c => c.Form).RequiredEnum();
        v.RuleFor(c => c.GivenOn).NotNull().Happened(calendar);
        v.RuleFor(c => c.ValidFrom).NotNull().PlannedDate(calendar)
            .Must((c, from) => from is null || c.GivenOn is null || from >= c.GivenOn).WithMessage("validFrom cannot be before givenOn.");
        v.RuleFor(c => c.ValidUntil).PlannedDate(calendar)
            .Must((c, until) => until is null || c.ValidFrom is null || until >= c.ValidFrom).WithMessage("validUntil cannot be before validFrom.");
        v.RuleForEach(c => c.Categories).IsInEnum();
    }
}

/// <summary>Body of a named party's answer to a consent.</summary>
/// <param name="Reason">Why it declines (required to decline, ignored when confirming).</param>
public sealed record AnswerConsentRequest(string? Reason);

/// <summary>Body of <c>POST /api/v1/cases/{id}/consents/{consentId}/revoke</c>.</summary>
/// <param name="EffectiveOn">First day the consent no longer applies.</param>
public sealed record RevokeConsentRequest(DateOnly? EffectiveOn);

/// <summary>The person's consent: recorded as given, confirmed or declined by each named party for its own entries, amended, revoked.</summary>
internal sealed class ConsentWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<RecordConsentRequest>("consents", "RecordConsent", "Consents", "Record consent",
            "Records the person's consent (samtycke) as given: the named parties, whether the förbund's samverkansledare is named, written or oral, " +
            "the day given, validity and the categories of information. Consent lifts the secrecy of the party that discloses: recording confirms it " +
            "for the recording party's own entries only; every other named party confirms (or declines) it itself.",
            (b, c) => new RecordConsent(c.NewId(), b.ToTerms(), c.Today) { By = c.By },
            RecordConsentRequest.Rules)
        .Write<RecordConsentRequest>("consents/{consentId:guid}/amend", "AmendConsent", "Consents", "Amend or extend a consent",
            "Records a new version of a consent (other parties, categories or dates) linked to the one it replaces, which ends on the day the new one " +
            "was given. The history keeps every version. Like a new consent, it is confirmed for the recording party only; the others confirm again. " +
            "Answers with the new version's id.",
            (b, c) => new AmendConsent(c.Id("consentId"), c.NewId(), b.ToTerms(), c.Today) { By = c.By },
            RecordConsentRequest.Rules)
        .Write<AnswerConsentRequest>("consents/{consentId:guid}/confirm", "ConfirmConsent", "Consents", "Confirm a consent for your party",
            "Your party, named in the consent, confirms it: from now on, while the consent is active, the other named parties (and the förbund, " +
            "if named) see your party's entries of the categories it covers. Nobody can open another party's entries for it.",
            (_, c) => new ConfirmConsent(c.Id("consentId"), c.Today) { By = c.By })
        .Write<AnswerConsentRequest>("consents/{consentId:guid}/decline", "DeclineConsent", "Consents", "Decline a consent for your party",
            "Your party, named in the consent, declines to disclose under it (with a reason); your entries stay withheld from the others.",
            (b, c) => new DeclineConsent(c.Id("consentId"), b.Reason!.Trim(), c.Today) { By = c.By },
            (v, _) => v.RuleFor(b => b.Reason).RequiredShortText())
        .Write<RevokeConsentRequest>("consents/{consentId:guid}/revoke", "RevokeConsent", "Consents", "Revoke consent",
            "Records that the person withdrew a consent. Sharing under it ends from the effective date.",
            (b, c) => new RevokeConsent(c.Id("consentId"), b.EffectiveOn!.Value, c.Today) { By = c.By },
            (v, calendar) => v.RuleFor(b => b.EffectiveOn).NotNull().PlannedDate(calendar));
}
