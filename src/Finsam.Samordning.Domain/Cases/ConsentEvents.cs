namespace Finsam.Samordning.Domain.Cases;

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
