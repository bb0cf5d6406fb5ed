namespace Finsam.Samordning.Domain.Cases;

// Insatser: each party plans and runs its own.
// One area of the case: its events, commands and decisions, and the part of the decider's state
// they read. README, "How to add a command".

/// <summary>A party planned an insats; the person now waits for it.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="Party">Owning party.</param>
/// <param name="Kind">Kind code from the party's catalogue, or <c>other</c>.</param>
/// <param name="Label">Label for <c>other</c>, or a more specific name.</param>
/// <param name="PlannedStart">When it is meant to start.</param>
/// <param name="PlannedOn">Business date of planning: the waiting clock starts.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record InterventionPlanned(
    Guid CaseId, Guid InterventionId, PartyCode Party, string Kind, string? Label, DateOnly PlannedStart, DateOnly PlannedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => PlannedOn;
}

/// <summary>An insats started.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="StartedOn">Business date.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record InterventionStarted(Guid CaseId, Guid InterventionId, DateOnly StartedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => StartedOn;
}

/// <summary>An insats was paused.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="Reason">Why.</param>
/// <param name="PausedOn">Business date.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record InterventionPaused(Guid CaseId, Guid InterventionId, string Reason, DateOnly PausedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => PausedOn;
}

/// <summary>A paused insats resumed.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="ResumedOn">Business date.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record InterventionResumed(Guid CaseId, Guid InterventionId, DateOnly ResumedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => ResumedOn;
}

/// <summary>An insats ended.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="EndReason">Why it ended.</param>
/// <param name="Note">Optional note.</param>
/// <param name="CompletedOn">Business date.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record InterventionCompleted(Guid CaseId, Guid InterventionId, InterventionEndReason EndReason, string? Note, DateOnly CompletedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => CompletedOn;
}

/// <summary>An insats was cancelled.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="Reason">Why.</param>
/// <param name="Note">Optional note.</param>
/// <param name="CancelledOn">Business date.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record InterventionCancelled(Guid CaseId, Guid InterventionId, InterventionCancelReason Reason, string? Note, DateOnly CancelledOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => CancelledOn;
}

/// <summary>Plan an insats of the actor's party.</summary>
public sealed record PlanIntervention(Guid InterventionId, string Kind, string? Label, DateOnly PlannedStart, DateOnly PlannedOn) : CaseCommand;

/// <summary>Start a planned insats.</summary>
public sealed record StartIntervention(Guid InterventionId, DateOnly StartedOn) : CaseCommand;

/// <summary>Pause an ongoing insats.</summary>
public sealed record PauseIntervention(Guid InterventionId, string Reason, DateOnly PausedOn) : CaseCommand;

/// <summary>Resume a paused insats.</summary>
public sealed record ResumeIntervention(Guid InterventionId, DateOnly ResumedOn) : CaseCommand;

/// <summary>End an ongoing or paused insats.</summary>
public sealed record CompleteIntervention(Guid InterventionId, InterventionEndReason EndReason, string? Note, DateOnly CompletedOn) : CaseCommand;

/// <summary>Cancel an insats that has not ended.</summary>
public sealed record CancelIntervention(Guid InterventionId, InterventionCancelReason Reason, string? Note, DateOnly CancelledOn) : CaseCommand;

/// <summary>An insats as the decider needs it.</summary>
/// <param name="Id">Insats id.</param>
/// <param name="Party">Owning party.</param>
/// <param name="Kind">Kind code.</param>
/// <param name="State">Current state.</param>
/// <param name="LastChangedOn">Business date of the latest transition (later ones may not precede it).</param>
public sealed record InterventionStatus(Guid Id, PartyCode Party, string Kind, InterventionState State, DateOnly LastChangedOn)
{
    /// <summary>Planned, ongoing or paused: not yet ended.</summary>
    public bool IsOpen => State is InterventionState.Planned or InterventionState.Ongoing or InterventionState.Paused;
}

public static partial class CaseDecider
{
    private static IReadOnlyList<ICaseEvent>? DecideInterventions(CaseCommand command, CaseState s) => command switch
    {
        PlanIntervention c => Plan(s, c),
        StartIntervention c => Transition(s, c.InterventionId, c.By, c.StartedOn, "start", [InterventionState.Planned],
            id => new InterventionStarted(s.Id, id, c.StartedOn)),
        PauseIntervention c => Transition(s, c.InterventionId, c.By, c.PausedOn, "pause", [InterventionState.Ongoing],
            id => new InterventionPaused(s.Id, id, c.Reason, c.PausedOn)),
        ResumeIntervention c => Transition(s, c.InterventionId, c.By, c.ResumedOn, "resume", [InterventionState.Paused],
            id => new InterventionResumed(s.Id, id, c.ResumedOn)),
        CompleteIntervention c => Transition(s, c.InterventionId, c.By, c.CompletedOn, "complete",
            [InterventionState.Ongoing, InterventionState.Paused],
            id => new InterventionCompleted(s.Id, id, c.EndReason, c.Note, c.CompletedOn)),
        CancelIntervention c => Transition(s, c.InterventionId, c.By, c.CancelledOn, "cancel",
            [InterventionState.Planned, InterventionState.Ongoing, InterventionState.Paused],
            id => new InterventionCancelled(s.Id, id, c.Reason, c.Note, c.CancelledOn)),
        _ => null,
    };

    private static IReadOnlyList<ICaseEvent> Plan(CaseState s, PlanIntervention c)
    {
        if (!InterventionCatalogue.IsKnown(c.By.Party, c.Kind))
        {
            throw new CaseRuleViolation("intervention.unknown-kind",
                $"'{c.Kind}' is not an insats {c.By.Party} offers. Use one of: {string.Join(", ", InterventionCatalogue.For(c.By.Party).Select(k => k.Code))}.");
        }

        return [Member(s, c.By, new InterventionPlanned(s.Id, c.InterventionId, c.By.Party, c.Kind, c.Label, c.PlannedStart, c.PlannedOn))];
    }

    private static IReadOnlyList<ICaseEvent> Transition(CaseState s, Guid id, Actor by, DateOnly on, string verb,
        InterventionState[] from, Func<Guid, ICaseEvent> result)
    {
        MustBeOnCase(s, by.Party);
        var insats = s.Interventions.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No insats {id} on this case.");
        if (insats.Party != by.Party)
        {
            // Only the owner moves an insats. The caller may not be allowed to see it at all, so the
            // answer neither confirms that it exists nor names its owner.
            throw new CaseEntryNotFound($"No insats {id} of {by.Party} on this case; only the party that owns an insats can {verb} it.");
        }

        if (!from.Contains(insats.State))
        {
            throw new CaseRuleViolation("intervention.illegal-transition",
                $"Cannot {verb} an insats that is {insats.State.ToString().ToLowerInvariant()}; it must be {string.Join(" or ", from.Select(f => f.ToString().ToLowerInvariant()))}.");
        }

        NotBefore(on, insats.LastChangedOn, "date", $"its previous change on {insats.LastChangedOn:yyyy-MM-dd}");
        return [result(id)];
    }
}

public sealed partial record CaseState
{
    /// <summary>Insatser by id.</summary>
    public IReadOnlyDictionary<Guid, InterventionStatus> Interventions { get; init; } = new Dictionary<Guid, InterventionStatus>();

    private static CaseState? EvolveInterventions(CaseState s, ICaseEvent @event) => @event switch
    {
        InterventionPlanned e => s with
        {
            Interventions = s.Interventions.With(e.InterventionId,
                new InterventionStatus(e.InterventionId, e.Party, e.Kind, InterventionState.Planned, e.PlannedOn)),
        },
        InterventionStarted e => s.Move(e.InterventionId, InterventionState.Ongoing, e.StartedOn),
        InterventionPaused e => s.Move(e.InterventionId, InterventionState.Paused, e.PausedOn),
        InterventionResumed e => s.Move(e.InterventionId, InterventionState.Ongoing, e.ResumedOn),
        InterventionCompleted e => s.Move(e.InterventionId, InterventionState.Completed, e.CompletedOn),
        InterventionCancelled e => s.Move(e.InterventionId, InterventionState.Cancelled, e.CancelledOn),
        _ => null,
    };

    private CaseState Move(Guid id, InterventionState to, DateOnly on) =>
        this with { Interventions = Interventions.With(id, Interventions[id] with { State = to, LastChangedOn = on }) };
}
