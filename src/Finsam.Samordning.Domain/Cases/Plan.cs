namespace Finsam.Samordning.Domain.Cases;

// The shared plan: needs, goals, actions and the party that carries the plan.
// One area of the case: its events, commands and decisions, and the part of the decider's state
// they read. README, "How to add a command".

/// <summary>A need was identified in the shared plan.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="NeedId">Need id.</param>
/// <param name="Area">Life area.</param>
/// <param name="Description">The need.</param>
/// <param name="IdentifiedBy">The party that recorded it.</param>
/// <param name="IdentifiedOn">Business date.</param>
/// <param name="ResponsibleParty">The huvudman or party that answers for meeting the need, if agreed.</param>
[SecretAs(InformationCategory.PlanAndMeetings)]
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
[SecretAs(InformationCategory.PlanAndMeetings)]
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
[SecretAs(InformationCategory.PlanAndMeetings)]
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
[SecretAs(InformationCategory.PlanAndMeetings)]
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
[SecretAs(InformationCategory.PlanAndMeetings)]
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
[SecretAs(InformationCategory.PlanAndMeetings)]
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
[SecretAs(InformationCategory.PlanAndMeetings)]
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
[SecretAs(InformationCategory.PlanAndMeetings)]
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
[SecretAs(InformationCategory.PlanAndMeetings)]
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
[SecretAs(InformationCategory.PlanAndMeetings)]
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
[SecretAs(InformationCategory.PlanAndMeetings)]
public sealed record NeedResolved(Guid CaseId, Guid NeedId, string? Note, DateOnly ResolvedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => ResolvedOn;
}

/// <summary>Record a need in the shared plan, and the party that answers for it if agreed.</summary>
public sealed record IdentifyNeed(Guid NeedId, PlanArea Area, string Description, DateOnly IdentifiedOn, PartyCode? ResponsibleParty = null) : CaseCommand;

/// <summary>Record that a need is met.</summary>
public sealed record ResolveNeed(Guid NeedId, string? Note, DateOnly ResolvedOn) : CaseCommand;

/// <summary>Make a party planeringsansvarig.</summary>
public sealed record AssignPlanLead(PartyCode Party, DateOnly AssignedOn) : CaseCommand;

/// <summary>Set a goal in the shared plan, dated if a target day is agreed.</summary>
public sealed record SetGoal(Guid GoalId, PlanArea Area, GoalStatedBy StatedBy, string Text, DateOnly SetOn, DateOnly? TargetOn = null) : CaseCommand;

/// <summary>Reword or re-date a goal.</summary>
public sealed record ReviseGoal(Guid GoalId, string Text, DateOnly? TargetOn, DateOnly RevisedOn) : CaseCommand;

/// <summary>Record that a goal was reached.</summary>
public sealed record AchieveGoal(Guid GoalId, DateOnly AchievedOn) : CaseCommand;

/// <summary>Record that a goal was given up.</summary>
public sealed record AbandonGoal(Guid GoalId, string Reason, DateOnly AbandonedOn) : CaseCommand;

/// <summary>Plan an action: a party, the person, or a named outside participant does something by a date.</summary>
public sealed record PlanAction(Guid ActionId, string Description, PartyCode? ResponsibleParty, Guid? GoalId, DateOnly DueOn, DateOnly PlannedOn,
    OutsideParticipant? ResponsibleOther = null, Guid? ResponsibleActorId = null) : CaseCommand;

/// <summary>Give an action a new due date.</summary>
public sealed record RescheduleAction(Guid ActionId, DateOnly DueOn, string Reason, DateOnly RescheduledOn) : CaseCommand;

/// <summary>Pass an action to another party on the case, the person (all null), a named outside participant, or an external actor named on the case.</summary>
public sealed record ReassignAction(Guid ActionId, PartyCode? ResponsibleParty, OutsideParticipant? ResponsibleOther, DateOnly ReassignedOn,
    Guid? ResponsibleActorId = null) : CaseCommand;

/// <summary>Drop an action that is no longer to be done.</summary>
public sealed record DropAction(Guid ActionId, string Reason, DateOnly DroppedOn) : CaseCommand;

/// <summary>Mark an action done.</summary>
public sealed record CompleteAction(Guid ActionId, DateOnly CompletedOn) : CaseCommand;

/// <summary>A plan action as the decider needs it.</summary>
/// <param name="Id">Action id.</param>
/// <param name="ResponsibleParty">Responsible party, or null for the person.</param>
/// <param name="PlannedOn">Business date planned.</param>
/// <param name="CompletedOn">When completed, if it is.</param>
public sealed record ActionStatus(Guid Id, PartyCode? ResponsibleParty, DateOnly PlannedOn, DateOnly? CompletedOn = null)
{
    /// <summary>The party that planned it: it and the responsible party keep it up.</summary>
    public PartyCode? PlannedBy { get; init; }

    /// <summary>The due date.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>When it was dropped, if it was.</summary>
    public DateOnly? DroppedOn { get; init; }

    /// <summary>Business date of the latest change.</summary>
    public DateOnly LastChangedOn { get; init; }

    /// <summary>The actor outside the förbund responsible for it, if one is.</summary>
    public Guid? ResponsibleActor { get; init; }

    /// <summary>Neither done nor dropped.</summary>
    public bool IsOpen => CompletedOn is null && DroppedOn is null;
}

/// <summary>A goal as the decider needs it.</summary>
/// <param name="Id">Goal id.</param>
/// <param name="RecordedBy">The party that recorded it: only it changes it.</param>
/// <param name="State">Active, achieved or abandoned.</param>
/// <param name="LastChangedOn">Business date of the latest change.</param>
public sealed record GoalStatus(Guid Id, PartyCode RecordedBy, GoalState State, DateOnly LastChangedOn);

/// <summary>A need as the decider needs it.</summary>
/// <param name="Id">Need id.</param>
/// <param name="IdentifiedBy">The party that recorded it.</param>
/// <param name="IdentifiedOn">Business date.</param>
/// <param name="ResolvedOn">When it was met, if it was.</param>
public sealed record NeedStatus(Guid Id, PartyCode IdentifiedBy, DateOnly IdentifiedOn, DateOnly? ResolvedOn = null);

public static partial class CaseDecider
{
    private static IReadOnlyList<ICaseEvent>? DecidePlan(CaseCommand command, CaseState s) => command switch
    {
        IdentifyNeed c => Need(s, c),
        ResolveNeed c => Resolve(s, c),
        AssignPlanLead c => Lead(s, c),
        SetGoal c => SetAGoal(s, c),
        ReviseGoal c => [new GoalRevised(s.Id, c.GoalId, c.Text, c.TargetOn, ActiveGoal(s, c.GoalId, c.By, c.RevisedOn, "revise", "revisedOn"))],
        AchieveGoal c => [new GoalAchieved(s.Id, c.GoalId, ActiveGoal(s, c.GoalId, c.By, c.AchievedOn, "mark as achieved", "achievedOn"))],
        AbandonGoal c => [new GoalAbandoned(s.Id, c.GoalId, c.Reason, ActiveGoal(s, c.GoalId, c.By, c.AbandonedOn, "abandon", "abandonedOn"))],
        PlanAction c => PlanAnAction(s, c),
        RescheduleAction c => RescheduleAnAction(s, c),
        ReassignAction c => ReassignAnAction(s, c),
        DropAction c => DropAnAction(s, c),
        CompleteAction c => CompleteAnAction(s, c),
        _ => null,
    };

    private static IReadOnlyList<ICaseEvent> Need(CaseState s, IdentifyNeed c)
    {
        if (c.ResponsibleParty is { } party && !s.IsActiveParty(party))
        {
            throw new CaseRuleViolation("plan.responsible-not-on-case", $"{party} is not on the case, so it cannot answer for a need.");
        }

        return [Member(s, c.By, new NeedIdentified(s.Id, c.NeedId, c.Area, c.Description, c.By.Party, c.IdentifiedOn, c.ResponsibleParty))];
    }

    private static IReadOnlyList<ICaseEvent> Resolve(CaseState s, ResolveNeed c)
    {
        MustBeOnCase(s, c.By.Party);
        var need = s.Needs.GetValueOrDefault(c.NeedId);
        if (need is null || need.IdentifiedBy != c.By.Party)
        {
            throw new CaseEntryNotFound($"No need {c.NeedId} recorded by {c.By.Party} on this case; only the party that recorded a need marks it met.");
        }

        if (need.ResolvedOn is { } done)
        {
            throw new CaseRuleViolation("plan.need-already-resolved", $"The need was already met on {done:yyyy-MM-dd}.");
        }

        NotBefore(c.ResolvedOn, need.IdentifiedOn, "resolvedOn", "the day it was identified");
        return [new NeedResolved(s.Id, c.NeedId, c.Note, c.ResolvedOn)];
    }

    private static IReadOnlyList<ICaseEvent> SetAGoal(CaseState s, SetGoal c)
    {
        if (c.TargetOn is { } target && target < c.SetOn)
        {
            throw new CaseRuleViolation("plan.target-before-set", "A goal cannot be due before it is set.");
        }

        return [Member(s, c.By, new GoalSet(s.Id, c.GoalId, c.Area, c.StatedBy, c.Text, c.By.Party, c.SetOn, c.TargetOn))];
    }

    // The party that recorded a goal keeps it up (the person's own goal is recorded, and changed, by the
    // party that sat with them); it must still be active. Returns the checked business date.
    private static DateOnly ActiveGoal(CaseState s, Guid id, Actor by, DateOnly on, string verb, string field)
    {
        MustBeOnCase(s, by.Party);
        var goal = s.GoalStates.GetValueOrDefault(id);
        if (goal is null || goal.RecordedBy != by.Party)
        {
            throw new CaseEntryNotFound($"No goal {id} recorded by {by.Party} on this case; only the party that recorded a goal can {verb} it.");
        }

        if (goal.State != GoalState.Active)
        {
            throw new CaseRuleViolation("plan.goal-not-active", $"The goal is already {goal.State.ToString().ToLowerInvariant()}.");
        }

        NotBefore(on, goal.LastChangedOn, field, $"its previous change on {goal.LastChangedOn:yyyy-MM-dd}");
        return on;
    }

    // The party that planned an action and the party responsible for it keep it up; to others it
    // answers as if unknown. It must be neither done nor dropped.
    private static ActionStatus KeptUp(CaseState s, Guid id, Actor by, DateOnly on, string verb, string field)
    {
        MustBeOnCase(s, by.Party);
        var action = s.Actions.GetValueOrDefault(id);
        if (action is null || (action.PlannedBy != by.Party && s.AnsweringFor(id) != by.Party))
        {
            throw new CaseEntryNotFound($"No action {id} planned by or for {by.Party} on this case; only they can {verb} it.");
        }

        if (action.CompletedOn is { } done)
        {
            throw new CaseRuleViolation("plan.action-already-completed", $"The action was already completed on {done:yyyy-MM-dd}.");
        }

        if (action.DroppedOn is { } dropped)
        {
            throw new CaseRuleViolation("plan.action-dropped", $"The action was dropped on {dropped:yyyy-MM-dd}.");
        }

        NotBefore(on, action.LastChangedOn > action.PlannedOn ? action.LastChangedOn : action.PlannedOn, field, "its previous change");
        return action;
    }

    private static IReadOnlyList<ICaseEvent> RescheduleAnAction(CaseState s, RescheduleAction c)
    {
        var action = KeptUp(s, c.ActionId, c.By, c.RescheduledOn, "reschedule", "rescheduledOn");
        if (c.DueOn == action.DueOn)
        {
            throw new CaseRuleViolation("plan.same-due-date", $"The action is already due on {action.DueOn:yyyy-MM-dd}.");
        }

        if (c.DueOn < c.RescheduledOn)
        {
            throw new CaseRuleViolation("plan.due-before-planned", "An action cannot be moved to a day before the move.");
        }

        return [new ActionRescheduled(s.Id, c.ActionId, c.DueOn, action.DueOn, c.Reason, c.RescheduledOn)];
    }

    private static IReadOnlyList<ICaseEvent> DropAnAction(CaseState s, DropAction c)
    {
        KeptUp(s, c.ActionId, c.By, c.DroppedOn, "drop", "droppedOn");
        return [new ActionDropped(s.Id, c.ActionId, c.Reason, c.DroppedOn)];
    }

    private static IReadOnlyList<ICaseEvent> ReassignAnAction(CaseState s, ReassignAction c)
    {
        var action = KeptUp(s, c.ActionId, c.By, c.ReassignedOn, "reassign", "reassignedOn");
        if (c.ResponsibleParty is { } party)
        {
            if (!s.IsActiveParty(party))
            {
                throw new CaseRuleViolation("plan.responsible-not-on-case", $"{party} is not on the case, so it cannot be responsible for an action.");
            }

            if (party == action.ResponsibleParty)
            {
                throw new CaseRuleViolation("plan.responsible-unchanged", $"{party} is already responsible for the action.");
            }
        }

        var actor = ResponsibleActor(s, c.ResponsibleParty is null ? c.ResponsibleActorId : null);
        if (actor is not null && actor == action.ResponsibleActor)
        {
            throw new CaseRuleViolation("plan.responsible-unchanged", "That external actor is already responsible for the action.");
        }

        return [new ActionReassigned(s.Id, c.ActionId, c.ResponsibleParty, c.ResponsibleParty is null && actor is null ? c.ResponsibleOther : null, c.By.Party,
            c.ReassignedOn, actor)];
    }

    private static IReadOnlyList<ICaseEvent> Lead(CaseState s, AssignPlanLead c)
    {
        MustBeOnCase(s, c.By.Party);
        if (!s.IsActiveParty(c.Party))
        {
            throw new CaseRuleViolation("plan.lead-not-on-case", $"{c.Party} is not on the case, so it cannot hold the plan.");
        }

        if (s.PlanLead == c.Party)
        {
            throw new CaseRuleViolation("plan.lead-unchanged", $"{c.Party} is already planeringsansvarig.");
        }

        return [new PlanLeadAssigned(s.Id, c.Party, c.AssignedOn)];
    }

    private static IReadOnlyList<ICaseEvent> PlanAnAction(CaseState s, PlanAction c)
    {
        if (c.ResponsibleParty is { } party && !s.IsActiveParty(party))
        {
            throw new CaseRuleViolation("plan.responsible-not-on-case", $"{party} is not on the case, so it cannot be responsible for an action.");
        }

        if (c.GoalId is { } goal && !s.Goals.Contains(goal))
        {
            throw new CaseEntryNotFound($"No goal {goal} on this case.");
        }

        if (c.DueOn < c.PlannedOn)
        {
            throw new CaseRuleViolation("plan.due-before-planned", "An action cannot be due before it is planned.");
        }

        var actor = ResponsibleActor(s, c.ResponsibleParty is null ? c.ResponsibleActorId : null);
        return [Member(s, c.By, new ActionPlanned(s.Id, c.ActionId, c.Description, c.ResponsibleParty, c.GoalId, c.DueOn, c.PlannedOn, c.By.Party,
            c.ResponsibleParty is null && actor is null ? c.ResponsibleOther : null, actor))];
    }

    // An action given to an actor outside the förbund: the actor must be named on this case.
    private static Guid? ResponsibleActor(CaseState s, Guid? actorId) =>
        actorId is not { } id ? null
        : s.External.Actors.ContainsKey(id) ? id
        : throw new CaseRuleViolation("plan.responsible-actor-not-on-case", $"No external actor {id} is named on this case; name it first (POST …/external-actors).");

    private static IReadOnlyList<ICaseEvent> CompleteAnAction(CaseState s, CompleteAction c)
    {
        MustBeOnCase(s, c.By.Party);
        var action = s.Actions.GetValueOrDefault(c.ActionId) ?? throw new CaseEntryNotFound($"No action {c.ActionId} on this case.");
        // The responsible party marks it done; an external actor's action, the party working with the actor or the planner.
        if ((action.ResponsibleParty is { } responsible && responsible != c.By.Party)
            || (action.ResponsibleActor is not null && s.AnsweringFor(c.ActionId) != c.By.Party && action.PlannedBy != c.By.Party))
        {
            throw new CaseEntryNotFound($"No action {c.ActionId} of {c.By.Party} on this case; only the responsible party can mark it done.");
        }

        if (action.CompletedOn is { } done)
        {
            throw new CaseRuleViolation("plan.action-already-completed", $"The action was already completed on {done:yyyy-MM-dd}.");
        }

        if (action.DroppedOn is { } dropped)
        {
            throw new CaseRuleViolation("plan.action-dropped", $"The action was dropped on {dropped:yyyy-MM-dd}.");
        }

        NotBefore(c.CompletedOn, action.PlannedOn, "completedOn", "the day it was planned");
        return [new ActionCompleted(s.Id, c.ActionId, c.CompletedOn)];
    }
}

public sealed partial record CaseState
{
    /// <summary>The planeringsansvarig party.</summary>
    public PartyCode? PlanLead { get; init; }

    /// <summary>Ids of the plan's goals.</summary>
    public IReadOnlyList<Guid> Goals { get; init; } = [];

    /// <summary>Goals by id, with who recorded them and their state.</summary>
    public IReadOnlyDictionary<Guid, GoalStatus> GoalStates { get; init; } = new Dictionary<Guid, GoalStatus>();

    /// <summary>Needs by id.</summary>
    public IReadOnlyDictionary<Guid, NeedStatus> Needs { get; init; } = new Dictionary<Guid, NeedStatus>();

    /// <summary>Plan actions by id.</summary>
    public IReadOnlyDictionary<Guid, ActionStatus> Actions { get; init; } = new Dictionary<Guid, ActionStatus>();

    private static CaseState? EvolvePlan(CaseState s, ICaseEvent @event) => @event switch
    {
        NeedIdentified e => s with { Needs = s.Needs.With(e.NeedId, new NeedStatus(e.NeedId, e.IdentifiedBy, e.IdentifiedOn)) },
        NeedResolved e => s with { Needs = s.Needs.With(e.NeedId, s.Needs[e.NeedId] with { ResolvedOn = e.ResolvedOn }) },
        GoalRevised e => s.Goal(e.GoalId, g => g with { LastChangedOn = e.RevisedOn }),
        GoalAchieved e => s.Goal(e.GoalId, g => g with { State = GoalState.Achieved, LastChangedOn = e.AchievedOn }),
        GoalAbandoned e => s.Goal(e.GoalId, g => g with { State = GoalState.Abandoned, LastChangedOn = e.AbandonedOn }),
        ActionRescheduled e => s.Action(e.ActionId, a => a with { DueOn = e.DueOn, LastChangedOn = e.RescheduledOn }),
        ActionReassigned e => s.Action(e.ActionId, a => a with
        {
            ResponsibleParty = e.ResponsibleParty, ResponsibleActor = e.ResponsibleActorId, LastChangedOn = e.ReassignedOn,
        }),
        ActionDropped e => s.Action(e.ActionId, a => a with { DroppedOn = e.DroppedOn, LastChangedOn = e.DroppedOn }),
        PlanLeadAssigned e => s with { PlanLead = e.Party },
        GoalSet e => s with
        {
            Goals = [.. s.Goals, e.GoalId], GoalStates = s.GoalStates.With(e.GoalId, new GoalStatus(e.GoalId, e.RecordedBy, GoalState.Active, e.SetOn)),
        },
        ActionPlanned e => s with
        {
            Actions = s.Actions.With(e.ActionId, new ActionStatus(e.ActionId, e.ResponsibleParty, e.PlannedOn)
            {
                PlannedBy = e.PlannedBy, DueOn = e.DueOn, LastChangedOn = e.PlannedOn, ResponsibleActor = e.ResponsibleActorId,
            }),
        },
        ActionCompleted e => s.Action(e.ActionId, a => a with { CompletedOn = e.CompletedOn, LastChangedOn = e.CompletedOn }),
        _ => null,
    };

    private CaseState Goal(Guid id, Func<GoalStatus, GoalStatus> change) =>
        this with { GoalStates = GoalStates.With(id, change(GoalStates[id])) };

    private CaseState Action(Guid id, Func<ActionStatus, ActionStatus> change) =>
        this with { Actions = Actions.With(id, change(Actions[id])) };
}
