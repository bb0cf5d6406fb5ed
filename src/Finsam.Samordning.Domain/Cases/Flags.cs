namespace Finsam.Samordning.Domain.Cases;

// Flags on the case: raised by the stall scan or by hand, acknowledged, cleared. Unlike the other areas,
// flag commands are their own kind (FlagCommand, decided by FlagDecider, routed by the write table's
// FlagWrite lines), and the flags are folded beside the case file (the Api's CaseFlags), not into it:
// for a flag command the write handler fills CaseState.Flags from that document.

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

/// <summary>Who acts on a flag: a caseworker of a party, or the förbund's samverkansledare (no party).</summary>
/// <param name="UserId">User id.</param>
/// <param name="Party">The caller's party; null for the förbund.</param>
public sealed record FlagActor(string UserId, PartyCode? Party);

/// <summary>Commands on a case's flags.</summary>
public abstract record FlagCommand
{
    /// <summary>Who acts.</summary>
    public required FlagActor By { get; init; }
}

/// <summary>Raise a concern by hand: a handläggare sees someone slipping that no rule catches.</summary>
public sealed record RaiseConcern(Guid FlagId, string Reason, DateOnly RaisedOn) : FlagCommand;

/// <summary>Note what is being done about a flag; it stays visible until cleared, or is put aside until <paramref name="SnoozedUntil"/>.</summary>
public sealed record AcknowledgeFlag(Guid FlagId, string Note, DateOnly AcknowledgedOn, DateOnly? SnoozedUntil = null) : FlagCommand;

/// <summary>Clear a concern raised by hand.</summary>
public sealed record ClearConcern(Guid FlagId, string Reason, DateOnly ClearedOn) : FlagCommand;

/// <summary>Decisions on flags, as pure functions of the case state.</summary>
public static class FlagDecider
{
    /// <summary>Decides the events of a flag command.</summary>
    public static IReadOnlyList<ICaseEvent> Decide(FlagCommand command, CaseState state)
    {
        if (command.By.Party is { } party && !state.IsActiveParty(party))
        {
            throw new CaseRuleViolation("party.not-on-case", $"{party} is not on this case, so it cannot act on its flags.");
        }

        return command switch
        {
            RaiseConcern c => Raise(state, c),
            AcknowledgeFlag c => Acknowledge(state, c),
            ClearConcern c => Clear(state, c),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command."),
        };
    }

    private static IReadOnlyList<ICaseEvent> Raise(CaseState s, RaiseConcern c)
    {
        if (s.Status == CaseStatus.Closed)
        {
            throw new CaseRuleViolation("case.closed", "The case is closed; reopen it to raise a concern.");
        }

        return [new StallFlagRaised(s.Id, c.FlagId, OpenFlag.ManualConcern, c.FlagId.ToString(), FlagSeverity.Warning, c.Reason, c.Reason,
            c.RaisedOn, c.RaisedOn, c.By.Party)];
    }

    private static IReadOnlyList<ICaseEvent> Acknowledge(CaseState s, AcknowledgeFlag c)
    {
        var flag = Open(s, c.FlagId);
        if (flag.AcknowledgedOn is { } on)
        {
            throw new CaseRuleViolation("flag.already-acknowledged", $"The flag was already acknowledged on {on:yyyy-MM-dd}.");
        }

        if (c.AcknowledgedOn < flag.RaisedOn)
        {
            throw new CaseRuleViolation("date.before-previous", $"acknowledgedOn cannot be before the flag was raised ({flag.RaisedOn:yyyy-MM-dd}).");
        }

        if (c.SnoozedUntil is { } until && until <= c.AcknowledgedOn)
        {
            throw new CaseRuleViolation("flag.snooze-in-past", $"snoozedUntil ({until:yyyy-MM-dd}) must be after the acknowledgement ({c.AcknowledgedOn:yyyy-MM-dd}).");
        }

        return [new StallFlagAcknowledged(s.Id, c.FlagId, c.Note, c.By.UserId, c.AcknowledgedOn, c.SnoozedUntil)];
    }

    private static IReadOnlyList<ICaseEvent> Clear(CaseState s, ClearConcern c)
    {
        var flag = Open(s, c.FlagId);
        if (!flag.IsManual)
        {
            throw new CaseRuleViolation("flag.cleared-by-scan",
                $"This flag comes from the rule {flag.Rule}; the scan clears it when the situation no longer holds.");
        }

        return [new StallFlagCleared(s.Id, c.FlagId, c.Reason, c.By.UserId, c.ClearedOn)];
    }

    private static OpenFlag Open(CaseState s, Guid id) =>
        s.Flags.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No open flag {id} on this case.");
}

public sealed partial record CaseState
{
    /// <summary>Open flags by id.</summary>
    public IReadOnlyDictionary<Guid, OpenFlag> Flags { get; init; } = new Dictionary<Guid, OpenFlag>();

    private static CaseState? EvolveFlags(CaseState s, ICaseEvent @event) => @event switch
    {
        StallFlagRaised e => s with { Flags = s.Flags.With(e.FlagId, OpenFlags.From(e)) },
        StallFlagAcknowledged e when s.Flags.ContainsKey(e.FlagId) => s with { Flags = s.Flags.With(e.FlagId, OpenFlags.Acknowledge(s.Flags[e.FlagId], e)) },
        StallFlagCleared e => s with { Flags = s.Flags.Without(e.FlagId) },
        _ => null,
    };
}

/// <summary>Open flags folded from flag events; shared by the decider state and the read models.</summary>
public static class OpenFlags
{
    /// <summary>The open flag a raise creates.</summary>
    public static OpenFlag From(StallFlagRaised e) =>
        new(e.FlagId, e.Rule, e.Subject, e.Severity, e.Reason, e.ReasonEn, e.Since, e.RaisedOn, e.RaisedBy, Describes: e.Describes);

    /// <summary>The flag after an acknowledgement.</summary>
    public static OpenFlag Acknowledge(OpenFlag flag, StallFlagAcknowledged e) =>
        flag with { AcknowledgedOn = e.AcknowledgedOn, AcknowledgedBy = e.AcknowledgedBy, AcknowledgeNote = e.Note, SnoozedUntil = e.SnoozedUntil };

    /// <summary>Applies a flag event to a list of open flags.</summary>
    public static IReadOnlyList<OpenFlag> Apply(IReadOnlyList<OpenFlag> flags, IFlagEvent @event) => @event switch
    {
        StallFlagRaised e => [.. flags.Where(f => f.Id != e.FlagId), From(e)],
        StallFlagAcknowledged e => [.. flags.Select(f => f.Id == e.FlagId ? Acknowledge(f, e) : f)],
        StallFlagCleared e => [.. flags.Where(f => f.Id != e.FlagId)],
        _ => flags,
    };
}
