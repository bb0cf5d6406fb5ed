namespace Finsam.Samordning.Domain.Cases;

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
