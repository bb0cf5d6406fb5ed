namespace Finsam.Samordning.Domain.Cases;

/// <summary>How urgent a flag is.</summary>
public enum FlagSeverity
{
    /// <summary>Advice: a pattern worth a look (e.g. the staircase model).</summary>
    Advice,
    /// <summary>Something is late or missing.</summary>
    Warning,
    /// <summary>The person may be falling between chairs now.</summary>
    Critical,
}

/// <summary>A flag event; flags are identified by <see cref="FlagId"/> across their life.</summary>
public interface IFlagEvent : ICaseEvent
{
    /// <summary>Flag id.</summary>
    Guid FlagId { get; }
}

/// <summary>
/// A flag was raised: by the stall scan for a rule's finding, or by hand as a concern
/// (<see cref="Rule"/> <c>ManualConcern</c>).
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="FlagId">Flag id.</param>
/// <param name="Rule">Rule code, e.g. <c>UnansweredReferral</c>, or <c>ManualConcern</c>.</param>
/// <param name="Subject">What the finding is about within the case (a referral id, an insats id, a party), empty for the case.</param>
/// <param name="Severity">Severity.</param>
/// <param name="Reason">Reason in Swedish, naming the facts.</param>
/// <param name="ReasonEn">Reason in English.</param>
/// <param name="Since">Since when the situation holds.</param>
/// <param name="RaisedOn">Business date raised.</param>
/// <param name="RaisedBy">The party of a person raising a concern; null for the scan or the förbund.</param>
/// <param name="Describes">The parties whose entries a rule's reason describes; null when it may describe any party's.</param>
public sealed record StallFlagRaised(
    Guid CaseId, Guid FlagId, string Rule, string Subject, FlagSeverity Severity, string Reason, string ReasonEn,
    DateOnly Since, DateOnly RaisedOn, PartyCode? RaisedBy, IReadOnlyList<PartyCode>? Describes = null) : IFlagEvent, IHasFreeText
{
    /// <summary>
    /// Maps a concern's reason, the raiser's own words; a rule's reason is generated from facts and
    /// never quotes free text, so it is left as it is.
    /// </summary>
    public ICaseEvent MapText(Func<string?, string?> map) =>
        Rule == OpenFlag.ManualConcern ? this with { Reason = map(Reason)!, ReasonEn = map(ReasonEn)! } : this;

    /// <inheritdoc />
    public DateOnly BusinessDate => RaisedOn;
}

/// <summary>Someone looked at a flag and noted what is being done. It stays visible until cleared.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="FlagId">Flag id.</param>
/// <param name="Note">What is being done.</param>
/// <param name="AcknowledgedBy">User id.</param>
/// <param name="AcknowledgedOn">Business date.</param>
/// <param name="SnoozedUntil">Until when the flag is put aside: on that day it returns if its finding still holds.</param>
public sealed record StallFlagAcknowledged(Guid CaseId, Guid FlagId, string Note, string AcknowledgedBy, DateOnly AcknowledgedOn, DateOnly? SnoozedUntil = null) : IFlagEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => AcknowledgedOn;
}

/// <summary>A flag was cleared: its finding no longer holds, or a concern was cleared by hand.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="FlagId">Flag id.</param>
/// <param name="Reason">Why.</param>
/// <param name="ClearedBy">User id, or <c>system</c> for the scan.</param>
/// <param name="ClearedOn">Business date.</param>
public sealed record StallFlagCleared(Guid CaseId, Guid FlagId, string Reason, string ClearedBy, DateOnly ClearedOn) : IFlagEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => ClearedOn;
}

/// <summary>An open flag as the decider and the scan see it.</summary>
/// <param name="Id">Flag id.</param>
/// <param name="Rule">Rule code.</param>
/// <param name="Subject">Subject within the case.</param>
/// <param name="Severity">Severity.</param>
/// <param name="Reason">Reason (Swedish).</param>
/// <param name="ReasonEn">Reason (English).</param>
/// <param name="Since">Since when.</param>
/// <param name="RaisedOn">When raised.</param>
/// <param name="RaisedBy">Party that raised a concern.</param>
/// <param name="AcknowledgedOn">When acknowledged, if it was.</param>
/// <param name="AcknowledgedBy">Who acknowledged.</param>
/// <param name="AcknowledgeNote">Their note.</param>
/// <param name="Describes">The parties whose entries a rule's reason describes; null when it may describe any party's.</param>
/// <param name="SnoozedUntil">Put aside until this day by an acknowledgement; the scan raises it anew then if it still holds.</param>
public sealed record OpenFlag(Guid Id, string Rule, string Subject, FlagSeverity Severity, string Reason, string ReasonEn, DateOnly Since,
    DateOnly RaisedOn, PartyCode? RaisedBy, DateOnly? AcknowledgedOn = null, string? AcknowledgedBy = null, string? AcknowledgeNote = null,
    IReadOnlyList<PartyCode>? Describes = null, DateOnly? SnoozedUntil = null)
{
    /// <summary>Rule code of a concern raised by hand.</summary>
    public const string ManualConcern = "ManualConcern";

    /// <summary>True for a concern raised by hand (cleared by hand, never by the scan).</summary>
    public bool IsManual => Rule == ManualConcern;

    /// <summary>The flag with its texts (reasons, acknowledgement note) passed through <paramref name="map"/>.</summary>
    public OpenFlag MapText(Func<string?, string?> map) =>
        this with { Reason = map(Reason)!, ReasonEn = map(ReasonEn)!, AcknowledgeNote = map(AcknowledgeNote) };
}
