namespace Finsam.Samordning.Domain.Cases;

/// <summary>Kinds of information a consent may open; a consent names the ones the person agreed to share.</summary>
public enum InformationCategory
{
    /// <summary>The shared plan (needs, goals, actions, plan lead) and SIP meetings.</summary>
    PlanAndMeetings,

    /// <summary>Insatser, referrals and invitations between parties.</summary>
    InterventionsAndReferrals,

    /// <summary>Contacts with the person, no-shows included.</summary>
    Contacts,

    /// <summary>Work capacity assessments.</summary>
    Assessments,

    /// <summary>Benefit decisions.</summary>
    BenefitDecisions,

    /// <summary>Free-text notes inside entries (contact notes, reasons, meeting decisions).</summary>
    Notes,
}

/// <summary>
/// One version of the person's consent (samtycke) as the secrecy rules read it. Consent lifts the
/// secrecy of the party that discloses, so it opens an entry only when it names both the disclosing
/// party and the recipient, covers the entry's category, and the disclosing party has confirmed it.
/// Amending makes a new version that <see cref="Replaces"/> this one; the old one ends when the new
/// one is given.
/// </summary>
/// <param name="Id">Consent (version) id.</param>
/// <param name="Parties">Named parties.</param>
/// <param name="CoversForbund">Whether the förbund's samverkansledare is named as a recipient.</param>
/// <param name="Form">Written or oral.</param>
/// <param name="GivenOn">The day the person gave it (its place on the timeline).</param>
/// <param name="ValidFrom">First day it applies.</param>
/// <param name="ValidUntil">Last day it applies, if limited.</param>
/// <param name="Categories">The kinds of information it opens.</param>
/// <param name="RecordedBy">The party that recorded it, which thereby confirmed it for its own entries.</param>
/// <param name="Replaces">The version this one amends, if any.</param>
public sealed record Consent(
    Guid Id, IReadOnlyList<PartyCode> Parties, bool CoversForbund, ConsentForm Form, DateOnly GivenOn, DateOnly ValidFrom,
    DateOnly? ValidUntil, IReadOnlyList<InformationCategory> Categories, PartyCode RecordedBy, Guid? Replaces = null)
{
    /// <summary>Every category: what a consent opens unless it is limited.</summary>
    public static readonly IReadOnlyList<InformationCategory> AllCategories = Enum.GetValues<InformationCategory>();

    /// <summary>Named parties that confirmed it for their own entries.</summary>
    public IReadOnlyList<PartyCode> ConfirmedBy { get; init; } = [];

    /// <summary>Named parties that declined to disclose under it.</summary>
    public IReadOnlyList<PartyCode> DeclinedBy { get; init; } = [];

    /// <summary>First day it no longer applies because the person withdrew it.</summary>
    public DateOnly? RevokedFrom { get; init; }

    /// <summary>The version that amended this one.</summary>
    public Guid? ReplacedBy { get; init; }

    /// <summary>First day it no longer applies because a newer version replaced it.</summary>
    public DateOnly? ReplacedFrom { get; init; }

    /// <summary>The first day it no longer applies, if it ends.</summary>
    public DateOnly? EndsOn => Earliest(ValidUntil?.AddDays(1), Earliest(RevokedFrom, ReplacedFrom));

    /// <summary>Whether it applies on <paramref name="date"/>.</summary>
    public bool ActiveOn(DateOnly date) => date >= ValidFrom && (EndsOn is not { } end || date < end);

    /// <summary>Whether <paramref name="party"/> has answered (confirmed or declined) it.</summary>
    public bool AnsweredBy(PartyCode party) => ConfirmedBy.Contains(party) || DeclinedBy.Contains(party);

    /// <summary>
    /// Does this consent open <paramref name="owner"/>'s entries of <paramref name="category"/> to
    /// <paramref name="recipient"/> on <paramref name="date"/>?
    /// </summary>
    public bool Discloses(PartyCode owner, Recipient recipient, InformationCategory category, DateOnly date) =>
        ActiveOn(date)
        && Parties.Contains(owner)
        && ConfirmedBy.Contains(owner)
        && Categories.Contains(category)
        && (recipient.Party is { } party ? Parties.Contains(party) : CoversForbund);

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => (a, b) switch
    {
        (null, var y) => y,
        (var x, null) => x,
        var (x, y) => x < y ? x : y,
    };
}

/// <summary>Who receives disclosed information: a party, or the förbund's samverkansledare.</summary>
/// <param name="Party">The receiving party; null for the förbund.</param>
public readonly record struct Recipient(PartyCode? Party)
{
    /// <summary>The förbund's samverkansledare.</summary>
    public static Recipient Forbund => new(null);

    /// <summary>A party's caseworker.</summary>
    public static Recipient Of(PartyCode party) => new(party);
}

/// <summary>The consents of a case, folded from its events: one fold for the decider and every read model.</summary>
public static class ConsentLedger
{
    /// <summary>Does any consent open <paramref name="owner"/>'s <paramref name="category"/> entries to <paramref name="recipient"/> on <paramref name="date"/>?</summary>
    public static bool Disclose(IEnumerable<Consent> consents, PartyCode owner, Recipient recipient, InformationCategory category, DateOnly date) =>
        consents.Any(c => c.Discloses(owner, recipient, category, date));

    /// <summary>Applies a consent event to a list of consents; other events leave it unchanged.</summary>
    public static IReadOnlyList<Consent> Apply(IReadOnlyList<Consent> consents, ICaseEvent @event) => @event switch
    {
        ConsentRecorded e => [.. consents.Select(c => c.Id == e.Replaces ? c with { ReplacedBy = e.ConsentId, ReplacedFrom = e.BusinessDate } : c), From(e)],
        ConsentConfirmed e => Change(consents, e.ConsentId, c => c with { ConfirmedBy = [.. c.ConfirmedBy.Append(e.Party).Distinct().Order()] }),
        ConsentDeclined e => Change(consents, e.ConsentId, c => c with { DeclinedBy = [.. c.DeclinedBy.Append(e.Party).Distinct().Order()] }),
        ConsentRevoked e => Change(consents, e.ConsentId, c => c with { RevokedFrom = e.EffectiveOn }),
        _ => consents,
    };

    /// <summary>The consent a recording creates: confirmed by the recording party, if it is named.</summary>
    public static Consent From(ConsentRecorded e) =>
        new(e.ConsentId, e.Parties, e.CoversForbund, e.Form, e.BusinessDate, e.ValidFrom, e.ValidUntil,
            e.Categories is { Count: > 0 } categories ? categories : Consent.AllCategories, e.RecordedBy, e.Replaces)
        {
            ConfirmedBy = e.Parties.Contains(e.RecordedBy) ? [e.RecordedBy] : [],
        };

    private static IReadOnlyList<Consent> Change(IReadOnlyList<Consent> consents, Guid id, Func<Consent, Consent> change) =>
        [.. consents.Select(c => c.Id == id ? change(c) : c)];
}
