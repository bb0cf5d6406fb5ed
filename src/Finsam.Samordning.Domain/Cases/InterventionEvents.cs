namespace Finsam.Samordning.Domain.Cases;

/// <summary>A party planned an insats; the person now waits for it.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="Party">Owning party.</param>
/// <param name="Kind">Kind code from the party's catalogue, or <c>other</c>.</param>
/// <param name="Label">Label for <c>other</c>, or a more specific name.</param>
/// <param name="PlannedStart">When it is meant to start.</param>
/// <param name="PlannedOn">Business date of planning: the waiting clock starts.</param>
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
public sealed record InterventionCancelled(Guid CaseId, Guid InterventionId, InterventionCancelReason Reason, string? Note, DateOnly CancelledOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => CancelledOn;
}
