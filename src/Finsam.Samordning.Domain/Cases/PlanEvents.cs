namespace Finsam.Samordning.Domain.Cases;

/// <summary>A need was identified in the shared plan.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="NeedId">Need id.</param>
/// <param name="Area">Life area.</param>
/// <param name="Description">The need.</param>
/// <param name="IdentifiedBy">The party that recorded it.</param>
/// <param name="IdentifiedOn">Business date.</param>
/// <param name="ResponsibleParty">The huvudman or party that answers for meeting the need, if agreed.</param>
public sealed record NeedIdentified(Guid CaseId, Guid NeedId, PlanArea Area, string Description, PartyCode IdentifiedBy, DateOnly IdentifiedOn,
    PartyCode? ResponsibleParty = null) : ICaseEvent, IHasFreeText
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
/// <param name="TargetOn">When it should be reached, if dated.</param>
public sealed record GoalSet(Guid CaseId, Guid GoalId, PlanArea Area, GoalStatedBy StatedBy, string Text, PartyCode RecordedBy, DateOnly SetOn,
    DateOnly? TargetOn = null) : ICaseEvent, IHasFreeText
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
/// <param name="ResponsibleOther">A named participant from outside the förbund who is responsible (then ResponsibleParty is null).</param>
/// <param name="ResponsibleActorId">An actor outside the förbund named on the case that is responsible (then the others are null).</param>
public sealed record ActionPlanned(
    Guid CaseId, Guid ActionId, string Description, PartyCode? ResponsibleParty, Guid? GoalId, DateOnly DueOn, DateOnly PlannedOn, PartyCode PlannedBy,
    OutsideParticipant? ResponsibleOther = null, Guid? ResponsibleActorId = null) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Description = map(Description)!, ResponsibleOther = ResponsibleOther?.MapText(map) };

    /// <summary>True when the person themselves is responsible.</summary>
    public bool IndividualResponsible => ResponsibleParty is null && ResponsibleOther is null && ResponsibleActorId is null;

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

/// <summary>An action got a new due date.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ActionId">Action id.</param>
/// <param name="DueOn">The new due date.</param>
/// <param name="PreviousDueOn">The due date it had.</param>
/// <param name="Reason">Why.</param>
/// <param name="RescheduledOn">Business date.</param>
public sealed record ActionRescheduled(Guid CaseId, Guid ActionId, DateOnly DueOn, DateOnly PreviousDueOn, string Reason, DateOnly RescheduledOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => RescheduledOn;
}

/// <summary>An action passed to another party on the case, the person, a named participant or an actor outside the förbund.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ActionId">Action id.</param>
/// <param name="ResponsibleParty">The new responsible party; null for the person or someone outside the förbund.</param>
/// <param name="ResponsibleOther">The outside participant now responsible, if any.</param>
/// <param name="ReassignedBy">The party that passed it on.</param>
/// <param name="ReassignedOn">Business date.</param>
/// <param name="ResponsibleActorId">The actor outside the förbund named on the case now responsible, if any.</param>
public sealed record ActionReassigned(Guid CaseId, Guid ActionId, PartyCode? ResponsibleParty, OutsideParticipant? ResponsibleOther, PartyCode ReassignedBy, DateOnly ReassignedOn,
    Guid? ResponsibleActorId = null)
    : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { ResponsibleOther = ResponsibleOther?.MapText(map) };

    /// <inheritdoc />
    public DateOnly BusinessDate => ReassignedOn;
}

/// <summary>An action was dropped: no longer to be done, and never overdue.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ActionId">Action id.</param>
/// <param name="Reason">Why.</param>
/// <param name="DroppedOn">Business date.</param>
public sealed record ActionDropped(Guid CaseId, Guid ActionId, string Reason, DateOnly DroppedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => DroppedOn;
}

/// <summary>A goal was reworded or re-dated; the earlier wording stays in the history.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="GoalId">Goal id.</param>
/// <param name="Text">The goal as now stated.</param>
/// <param name="TargetOn">When it should now be reached, if dated.</param>
/// <param name="RevisedOn">Business date.</param>
public sealed record GoalRevised(Guid CaseId, Guid GoalId, string Text, DateOnly? TargetOn, DateOnly RevisedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Text = map(Text)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => RevisedOn;
}

/// <summary>A goal was reached.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="GoalId">Goal id.</param>
/// <param name="AchievedOn">Business date.</param>
public sealed record GoalAchieved(Guid CaseId, Guid GoalId, DateOnly AchievedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AchievedOn;
}

/// <summary>A goal was given up.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="GoalId">Goal id.</param>
/// <param name="Reason">Why.</param>
/// <param name="AbandonedOn">Business date.</param>
public sealed record GoalAbandoned(Guid CaseId, Guid GoalId, string Reason, DateOnly AbandonedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => AbandonedOn;
}

/// <summary>A need in the plan is met.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="NeedId">Need id.</param>
/// <param name="Note">How it was met, if said.</param>
/// <param name="ResolvedOn">Business date.</param>
public sealed record NeedResolved(Guid CaseId, Guid NeedId, string? Note, DateOnly ResolvedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => ResolvedOn;
}
