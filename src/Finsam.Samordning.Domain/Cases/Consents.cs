namespace Finsam.Samordning.Domain.Cases;

// Consents: recording, amending, each named party's confirmation, revoking.
// One area of the case: its events, commands and decisions, and the part of the decider's state
// they read. README, "How to add a command".

/// <summary>
/// The person consented to sharing between the named parties (samtycke / medgivande), or amended an
/// earlier consent (<paramref name="Replaces"/>): a new version, which the earlier one ends at.
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ConsentId">Consent (version) id.</param>
/// <param name="Parties">Named parties: each discloses only once it has confirmed, and receives from those that have.</param>
/// <param name="CoversForbund">Whether the förbund's samverkansledare is named as a recipient.</param>
/// <param name="Form">Written or oral.</param>
/// <param name="ValidFrom">First day it applies.</param>
/// <param name="ValidUntil">Last day it applies, if limited.</param>
/// <param name="RecordedBy">The party that recorded it; recording confirms it for that party's own entries.</param>
/// <param name="RecordedOn">The day it was recorded.</param>
/// <param name="GivenOn">The day the person gave it: its place on the timeline (default: the day recorded).</param>
/// <param name="Categories">The kinds of information it opens (empty: all).</param>
/// <param name="Replaces">The consent version this one amends, if any.</param>
public sealed record ConsentRecorded(
    Guid CaseId, Guid ConsentId, IReadOnlyList<PartyCode> Parties, bool CoversForbund, ConsentForm Form,
    DateOnly ValidFrom, DateOnly? ValidUntil, PartyCode RecordedBy, DateOnly RecordedOn,
    DateOnly? GivenOn = null, IReadOnlyList<InformationCategory>? Categories = null, Guid? Replaces = null) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => GivenOn ?? RecordedOn;
}

/// <summary>A named party confirmed a consent: from now on it discloses its entries under it.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ConsentId">Consent (version) id.</param>
/// <param name="Party">The confirming party.</param>
/// <param name="ConfirmedOn">Business date.</param>
public sealed record ConsentConfirmed(Guid CaseId, Guid ConsentId, PartyCode Party, DateOnly ConfirmedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => ConfirmedOn;
}

/// <summary>A named party declined to disclose under a consent (e.g. it finds the consent does not cover its information).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ConsentId">Consent (version) id.</param>
/// <param name="Party">The declining party.</param>
/// <param name="Reason">Why.</param>
/// <param name="DeclinedOn">Business date.</param>
public sealed record ConsentDeclined(Guid CaseId, Guid ConsentId, PartyCode Party, string Reason, DateOnly DeclinedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => DeclinedOn;
}

/// <summary>The person withdrew a consent.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ConsentId">Consent id.</param>
/// <param name="EffectiveOn">First day it no longer applies.</param>
/// <param name="RecordedOn">The day the withdrawal was recorded.</param>
public sealed record ConsentRevoked(Guid CaseId, Guid ConsentId, DateOnly EffectiveOn, DateOnly RecordedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => RecordedOn;
}

/// <summary>The terms of a consent as the person gave them.</summary>
/// <param name="Parties">Named parties.</param>
/// <param name="CoversForbund">Whether the förbund's samverkansledare is named.</param>
/// <param name="Form">Written or oral.</param>
/// <param name="GivenOn">The day the person gave it.</param>
/// <param name="ValidFrom">First day it applies.</param>
/// <param name="ValidUntil">Last day it applies, if limited.</param>
/// <param name="Categories">Kinds of information it opens.</param>
public sealed record ConsentTerms(
    IReadOnlyList<PartyCode> Parties, bool CoversForbund, ConsentForm Form, DateOnly GivenOn, DateOnly ValidFrom, DateOnly? ValidUntil,
    IReadOnlyList<InformationCategory> Categories);

/// <summary>Record the person's consent; it confirms it for the actor's party only.</summary>
public sealed record RecordConsent(Guid ConsentId, ConsentTerms Terms, DateOnly RecordedOn) : CaseCommand;

/// <summary>Record an amended or extended consent as a new version replacing <paramref name="Replaces"/>.</summary>
public sealed record AmendConsent(Guid Replaces, Guid ConsentId, ConsentTerms Terms, DateOnly RecordedOn) : CaseCommand;

/// <summary>The actor's party confirms a consent that names it: it discloses its own entries under it from now on.</summary>
public sealed record ConfirmConsent(Guid ConsentId, DateOnly ConfirmedOn) : CaseCommand;

/// <summary>The actor's party declines to disclose under a consent that names it.</summary>
public sealed record DeclineConsent(Guid ConsentId, string Reason, DateOnly DeclinedOn) : CaseCommand;

/// <summary>Record that the person withdrew a consent.</summary>
public sealed record RevokeConsent(Guid ConsentId, DateOnly EffectiveOn, DateOnly RecordedOn) : CaseCommand;

public static partial class CaseDecider
{
    private static IReadOnlyList<ICaseEvent>? DecideConsents(CaseCommand command, CaseState s) => command switch
    {
        RecordConsent c => [Member(s, c.By, Recorded(s, c.ConsentId, c.Terms, c.By, c.RecordedOn, null))],
        AmendConsent c => Amend(s, c),
        ConfirmConsent c => AnswerConsent(s, c.ConsentId, c.By, c.ConfirmedOn, "confirm",
            () => new ConsentConfirmed(s.Id, c.ConsentId, c.By.Party, c.ConfirmedOn)),
        DeclineConsent c => AnswerConsent(s, c.ConsentId, c.By, c.DeclinedOn, "decline",
            () => new ConsentDeclined(s.Id, c.ConsentId, c.By.Party, c.Reason, c.DeclinedOn)),
        RevokeConsent c => Revoke(s, c),
        _ => null,
    };

    private static ConsentRecorded Recorded(CaseState s, Guid id, ConsentTerms t, Actor by, DateOnly recordedOn, Guid? replaces)
    {
        if (t.ValidUntil is { } until && until < t.ValidFrom)
        {
            throw new CaseRuleViolation("consent.ends-before-start", "A consent cannot end before it starts.");
        }

        if (t.ValidFrom < t.GivenOn)
        {
            throw new CaseRuleViolation("consent.valid-before-given", "A consent cannot apply before the person gave it.");
        }

        if (t.GivenOn > recordedOn)
        {
            throw new CaseRuleViolation("consent.given-after-recorded", "A consent cannot be recorded before the person gave it.");
        }

        return new ConsentRecorded(s.Id, id, [.. t.Parties.Distinct().Order()], t.CoversForbund, t.Form, t.ValidFrom, t.ValidUntil,
            by.Party, recordedOn, t.GivenOn, [.. t.Categories.Distinct().Order()], replaces);
    }

    private static Consent CurrentConsent(CaseState s, Guid id)
    {
        var consent = s.Consents.FirstOrDefault(c => c.Id == id) ?? throw new CaseEntryNotFound($"No consent {id} on this case.");
        if (consent.RevokedFrom is { } revoked)
        {
            throw new CaseRuleViolation("consent.already-revoked", $"The consent was revoked from {revoked:yyyy-MM-dd}.");
        }

        if (consent.ReplacedBy is { } newer)
        {
            throw new CaseRuleViolation("consent.replaced", $"The consent was replaced by version {newer}; act on that one.");
        }

        return consent;
    }

    // The person's word is relayed by a party it concerns: one it names, or the one that recorded it.
    private static void ConcernsConsent(Consent consent, Actor by, string verb)
    {
        if (!consent.Parties.Contains(by.Party) && consent.RecordedBy != by.Party)
        {
            throw new CaseRuleViolation("consent.party-not-named", $"The consent does not name {by.Party}, so {by.Party} cannot {verb} it.");
        }
    }

    private static IReadOnlyList<ICaseEvent> Amend(CaseState s, AmendConsent c)
    {
        MustBeOnCase(s, c.By.Party);
        var earlier = CurrentConsent(s, c.Replaces);
        ConcernsConsent(earlier, c.By, "amend");
        var recorded = Recorded(s, c.ConsentId, c.Terms, c.By, c.RecordedOn, c.Replaces);
        NotBefore(recorded.BusinessDate, earlier.GivenOn, "givenOn", "the day the consent it amends was given");
        return [recorded];
    }

    private static IReadOnlyList<ICaseEvent> AnswerConsent(CaseState s, Guid id, Actor by, DateOnly on, string verb, Func<ICaseEvent> answer)
    {
        MustBeOnCase(s, by.Party);
        var consent = CurrentConsent(s, id);
        if (!consent.Parties.Contains(by.Party))
        {
            throw new CaseRuleViolation("consent.party-not-named", $"The consent does not name {by.Party}, so {by.Party} has nothing to {verb}.");
        }

        if (consent.AnsweredBy(by.Party))
        {
            throw new CaseRuleViolation("consent.already-answered",
                $"{by.Party} has already {(consent.ConfirmedBy.Contains(by.Party) ? "confirmed" : "declined")} this consent.");
        }

        NotBefore(on, consent.GivenOn, "date", "the day the consent was given");
        return [answer()];
    }

    private static IReadOnlyList<ICaseEvent> Revoke(CaseState s, RevokeConsent c)
    {
        MustBeOnCase(s, c.By.Party);
        var consent = CurrentConsent(s, c.ConsentId);
        ConcernsConsent(consent, c.By, "revoke");
        NotBefore(c.EffectiveOn, consent.ValidFrom, "effectiveOn", "the day the consent started");
        return [new ConsentRevoked(s.Id, c.ConsentId, c.EffectiveOn, c.RecordedOn)];
    }
}

public sealed partial record CaseState
{
    /// <summary>Every consent version, revoked and replaced ones included.</summary>
    public IReadOnlyList<Consent> Consents { get; init; } = [];

    private static CaseState? EvolveConsents(CaseState s, ICaseEvent @event) => @event switch
    {
        ConsentRecorded or ConsentConfirmed or ConsentDeclined or ConsentRevoked => s with { Consents = ConsentLedger.Apply(s.Consents, @event) },
        _ => null,
    };
}
