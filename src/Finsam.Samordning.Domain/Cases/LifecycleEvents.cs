namespace Finsam.Samordning.Domain.Cases;

/// <summary>The case was closed with an outcome.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Outcome">Outcome.</param>
/// <param name="Note">Optional note.</param>
/// <param name="ClosedOn">Business date: the first day the case no longer runs (not a case day).</param>
/// <param name="EndedInterventions">The insatser the close itself ended (with endOpenInterventionsAs).</param>
public sealed record CaseClosed(Guid CaseId, CaseOutcome Outcome, string? Note, DateOnly ClosedOn, IReadOnlyList<Guid>? EndedInterventions = null) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => ClosedOn;
}

/// <summary>A closed case was reopened.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Reason">Why.</param>
/// <param name="ReopenedOn">Business date.</param>
/// <param name="InterventionsEndedByClose">The insatser the last close ended: they stay ended; each party plans anew what it will do.</param>
public sealed record CaseReopened(Guid CaseId, string Reason, DateOnly ReopenedOn, IReadOnlyList<Guid>? InterventionsEndedByClose = null) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => ReopenedOn;
}

/// <summary>The case's target groups changed (e.g. Nollplacerad added after FK's refusal).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="TargetGroups">The target groups from this day on.</param>
/// <param name="ChangedBy">The party that changed them.</param>
/// <param name="ChangedOn">Business date: asOf views before it show the earlier groups.</param>
public sealed record TargetGroupsChanged(Guid CaseId, IReadOnlyList<TargetGroup> TargetGroups, PartyCode ChangedBy, DateOnly ChangedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => ChangedOn;
}
