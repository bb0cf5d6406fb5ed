namespace Finsam.Samordning.Domain.Cases;

/// <summary>The case was closed with an outcome.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Outcome">Outcome.</param>
/// <param name="Note">Optional note.</param>
/// <param name="ClosedOn">Business date.</param>
public sealed record CaseClosed(Guid CaseId, CaseOutcome Outcome, string? Note, DateOnly ClosedOn) : ICaseEvent, IHasFreeText
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
public sealed record CaseReopened(Guid CaseId, string Reason, DateOnly ReopenedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => ReopenedOn;
}
