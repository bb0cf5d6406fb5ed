namespace Finsam.Samordning.Domain.Cases;

/// <summary>A need was identified in the shared plan.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="NeedId">Need id.</param>
/// <param name="Area">Life area.</param>
/// <param name="Description">The need.</param>
/// <param name="IdentifiedBy">The party that recorded it.</param>
/// <param name="IdentifiedOn">Business date.</param>
public sealed record NeedIdentified(Guid CaseId, Guid NeedId, PlanArea Area, string Description, PartyCode IdentifiedBy, DateOnly IdentifiedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Description = map(Description)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => IdentifiedOn;
}

/// <summary>A party became planeringsansvarig: the one holding the plan together.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Party">The plan lead.</param>
/// <param name="AssignedOn">Business date.</param>
public sealed record PlanLeadAssigned(Guid CaseId, PartyCode Party, DateOnly AssignedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AssignedOn;
}

/// <summary>A goal was set, in the person's own words or the professionals'.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="GoalId">Goal id.</param>
/// <param name="Area">Life area.</param>
/// <param name="StatedBy">Who stated it.</param>
/// <param name="Text">The goal.</param>
/// <param name="RecordedBy">The party that recorded it.</param>
/// <param name="SetOn">Business date.</param>
public sealed record GoalSet(Guid CaseId, Guid GoalId, PlanArea Area, GoalStatedBy StatedBy, string Text, PartyCode RecordedBy, DateOnly SetOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Text = map(Text)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => SetOn;
}

/// <summary>An action was planned: who does what by when.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ActionId">Action id.</param>
/// <param name="Description">What is to be done.</param>
/// <param name="ResponsibleParty">The responsible party, or null when the person is responsible.</param>
/// <param name="GoalId">The goal it serves, if any.</param>
/// <param name="DueOn">Due date.</param>
/// <param name="PlannedOn">Business date.</param>
/// <param name="PlannedBy">The party that recorded it.</param>
public sealed record ActionPlanned(
    Guid CaseId, Guid ActionId, string Description, PartyCode? ResponsibleParty, Guid? GoalId, DateOnly DueOn, DateOnly PlannedOn, PartyCode PlannedBy) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Description = map(Description)! };

    /// <summary>True when the person themselves is responsible.</summary>
    public bool IndividualResponsible => ResponsibleParty is null;

    /// <inheritdoc />
    public DateOnly BusinessDate => PlannedOn;
}

/// <summary>An action was done.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ActionId">Action id.</param>
/// <param name="CompletedOn">Business date.</param>
public sealed record ActionCompleted(Guid CaseId, Guid ActionId, DateOnly CompletedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => CompletedOn;
}
