using Finsam.Samordning.Api.Features.CaseWrites;
using Finsam.Samordning.Api.Features.Sip;

namespace Finsam.Samordning.Api.Features.Plan;

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/needs</c>.</summary>
/// <param name="Area">Life area.</param>
/// <param name="Description">The need.</param>
/// <param name="IdentifiedOn">Business date.</param>
/// <param name="ResponsibleParty">The party on the case that answers for meeting the need, if agreed.</param>
public sealed record IdentifyNeedRequest(PlanArea? Area, string? Description, DateOnly? IdentifiedOn, PartyCode? ResponsibleParty = null);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/needs/{needId}/resolve</c>.</summary>
/// <param name="Note">How it was met, if said.</param>
/// <param name="ResolvedOn">Business date.</param>
public sealed record ResolveNeedRequest(string? Note, DateOnly? ResolvedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/lead</c>.</summary>
/// <param name="Party">The plan lead.</param>
/// <param name="AssignedOn">Business date.</param>
public sealed record AssignPlanLeadRequest(PartyCode? Party, DateOnly? AssignedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/goals</c>.</summary>
/// <param name="Area">Life area.</param>
/// <param name="StatedBy">Individual or Professionals.</param>
/// <param name="Text">The goal, in the stater's words.</param>
/// <param name="SetOn">Business date.</param>
/// <param name="TargetOn">When it should be reached, if a day is agreed.</param>
public sealed record SetGoalRequest(PlanArea? Area, GoalStatedBy? StatedBy, string? Text, DateOnly? SetOn, DateOnly? TargetOn = null);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/goals/{goalId}/revise</c>.</summary>
/// <param name="Text">The goal as now stated.</param>
/// <param name="TargetOn">When it should now be reached; leave out for undated.</param>
/// <param name="RevisedOn">Business date.</param>
public sealed record ReviseGoalRequest(string? Text, DateOnly? TargetOn, DateOnly? RevisedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/goals/{goalId}/achieve</c>.</summary>
/// <param name="AchievedOn">Business date.</param>
public sealed record AchieveGoalRequest(DateOnly? AchievedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/goals/{goalId}/abandon</c>.</summary>
/// <param name="Reason">Why it is given up.</param>
/// <param name="AbandonedOn">Business date.</param>
public sealed record AbandonGoalRequest(string? Reason, DateOnly? AbandonedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/actions</c>.</summary>
/// <param name="Description">What is to be done.</param>
/// <param name="ResponsibleParty">The responsible party; leave out when the person is responsible.</param>
/// <param name="IndividualResponsible">True when the person themselves is responsible.</param>
/// <param name="GoalId">The goal it serves, if any.</param>
/// <param name="DueOn">Due date.</param>
/// <param name="PlannedOn">Business date.</param>
/// <param name="ResponsibleOther">A named participant from outside the förbund who is responsible (närstående, school, ...).</param>
/// <param name="ResponsibleActorId">An actor outside the förbund named on the case (<c>POST …/external-actors</c>) that is responsible; the party that named it answers for it.</param>
public sealed record PlanActionRequest(string? Description, PartyCode? ResponsibleParty, bool? IndividualResponsible, Guid? GoalId, DateOnly? DueOn, DateOnly? PlannedOn,
    OutsideParticipantRequest? ResponsibleOther = null, Guid? ResponsibleActorId = null) : IResponsibleRequest;

/// <summary>Who answers for an action: exactly one of a party, the person, an outside participant, or an external actor named on the case.</summary>
public interface IResponsibleRequest
{
    /// <summary>A party on the case.</summary>
    PartyCode? ResponsibleParty { get; }

    /// <summary>The person themselves.</summary>
    bool? IndividualResponsible { get; }

    /// <summary>A named participant from outside the förbund.</summary>
    OutsideParticipantRequest? ResponsibleOther { get; }

    /// <summary>An actor outside the förbund named on the case.</summary>
    Guid? ResponsibleActorId { get; }
}

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/actions/{actionId}/reschedule</c>.</summary>
/// <param name="DueOn">The new due date.</param>
/// <param name="Reason">Why it moves.</param>
/// <param name="RescheduledOn">Business date.</param>
public sealed record RescheduleActionRequest(DateOnly? DueOn, string? Reason, DateOnly? RescheduledOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/actions/{actionId}/reassign</c>.</summary>
/// <param name="ResponsibleParty">The new responsible party on the case.</param>
/// <param name="IndividualResponsible">True when the person themselves takes it on.</param>
/// <param name="ResponsibleOther">A named participant from outside the förbund who takes it on.</param>
/// <param name="ReassignedOn">Business date.</param>
/// <param name="ResponsibleActorId">An actor outside the förbund named on the case that takes it on.</param>
public sealed record ReassignActionRequest(PartyCode? ResponsibleParty, bool? IndividualResponsible, OutsideParticipantRequest? ResponsibleOther, DateOnly? ReassignedOn,
    Guid? ResponsibleActorId = null)
    : IResponsibleRequest;

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/actions/{actionId}/drop</c>.</summary>
/// <param name="Reason">Why it is no longer to be done.</param>
/// <param name="DroppedOn">Business date.</param>
public sealed record DropActionRequest(string? Reason, DateOnly? DroppedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/actions/{actionId}/complete</c>.</summary>
/// <param name="CompletedOn">Business date.</param>
public sealed record CompleteActionRequest(DateOnly? CompletedOn);

/// <summary>The shared plan: needs, the plan lead, both sides' goals, and who does what by when.</summary>
internal sealed class PlanWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<IdentifyNeedRequest>("plan/needs", "IdentifyNeed", "Plan", "Record a need",
            "Adds a need to the shared plan (what a SIP must state), by life area.",
            (b, c) => new IdentifyNeed(c.NewId(), b.Area!.Value, b.Description!.Trim(), b.IdentifiedOn!.Value, b.ResponsibleParty) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Area).RequiredEnum();
                v.RuleFor(b => b.Description).RequiredLongText();
                v.RuleFor(b => b.IdentifiedOn).Happened(calendar);
                v.RuleFor(b => b.ResponsibleParty).IsInEnum();
            })
        .Write<ResolveNeedRequest>("plan/needs/{needId:guid}/resolve", "ResolveNeed", "Plan", "Mark a need as met",
            "The party that recorded the need marks it met, optionally saying how.",
            (b, c) => new ResolveNeed(c.Id("needId"), Input.Optional(b.Note), b.ResolvedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Note).OptionalLongText();
                v.RuleFor(b => b.ResolvedOn).Happened(calendar);
            })
        .Write<AssignPlanLeadRequest>("plan/lead", "AssignPlanLead", "Plan", "Assign the plan lead",
            "Makes a party on the case planeringsansvarig: the one holding the plan together, so somebody owns the problem.",
            (b, c) => new AssignPlanLead(b.Party!.Value, b.AssignedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Party).RequiredEnum();
                v.RuleFor(b => b.AssignedOn).Happened(calendar);
            })
        .Write<SetGoalRequest>("plan/goals", "SetGoal", "Plan", "Set a goal",
            "Adds a goal by life area (arbete, studier, hälsa, försörjning, boende, vardag), stated by the person themselves or by the professionals. Both are kept and shown side by side.",
            (b, c) => new SetGoal(c.NewId(), b.Area!.Value, b.StatedBy!.Value, b.Text!.Trim(), b.SetOn!.Value, b.TargetOn) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Area).RequiredEnum();
                v.RuleFor(b => b.StatedBy).RequiredEnum();
                v.RuleFor(b => b.Text).RequiredLongText();
                v.RuleFor(b => b.SetOn).Happened(calendar);
                v.RuleFor(b => b.TargetOn).PlannedDate(calendar);
            })
        .Write<ReviseGoalRequest>("plan/goals/{goalId:guid}/revise", "ReviseGoal", "Plan", "Revise a goal",
            "The party that recorded the goal rewords or re-dates it; the earlier wording stays in the history.",
            (b, c) => new ReviseGoal(c.Id("goalId"), b.Text!.Trim(), b.TargetOn, b.RevisedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Text).RequiredLongText();
                v.RuleFor(b => b.TargetOn).PlannedDate(calendar)
                    .Must((b, t) => t is null || b.RevisedOn is null || t >= b.RevisedOn).WithMessage("targetOn cannot be before revisedOn.");
                v.RuleFor(b => b.RevisedOn).Happened(calendar);
            })
        .Write<AchieveGoalRequest>("plan/goals/{goalId:guid}/achieve", "AchieveGoal", "Plan", "Mark a goal as achieved",
            "The party that recorded the goal marks it reached.",
            (b, c) => new AchieveGoal(c.Id("goalId"), b.AchievedOn!.Value) { By = c.By },
            (v, calendar) => v.RuleFor(b => b.AchievedOn).Happened(calendar))
        .Write<AbandonGoalRequest>("plan/goals/{goalId:guid}/abandon", "AbandonGoal", "Plan", "Abandon a goal",
            "The party that recorded the goal gives it up, with a reason.",
            (b, c) => new AbandonGoal(c.Id("goalId"), b.Reason!.Trim(), b.AbandonedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.AbandonedOn).Happened(calendar);
            })
        .Write<PlanActionRequest>("plan/actions", "PlanAction", "Plan", "Plan an action",
            "Adds an action to the shared plan: what is to be done, by a party on the case, by the person themselves (individualResponsible), " +
            "by a named participant from outside the förbund (responsibleOther), or by an actor outside the förbund named on the case (responsibleActorId: " +
            "409 plan.responsible-actor-not-on-case if it is not; the party that named it answers for it and hears when it is due), by when.",
            (b, c) => new PlanAction(c.NewId(), b.Description!.Trim(), b.ResponsibleParty, b.GoalId, b.DueOn!.Value, b.PlannedOn!.Value, b.ResponsibleOther?.ToDomain(),
                b.ResponsibleActorId) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Description).RequiredLongText();
                Responsible(v);
                v.RuleFor(b => b.DueOn).NotNull().PlannedDate(calendar);
                v.RuleFor(b => b.PlannedOn).Happened(calendar);
            })
        .Write<CompleteActionRequest>("plan/actions/{actionId:guid}/complete", "CompleteAction", "Plan", "Complete an action",
            "Marks an action done. Only the responsible party can, or any party on the case when the person was responsible.",
            (b, c) => new CompleteAction(c.Id("actionId"), b.CompletedOn!.Value) { By = c.By },
            (v, calendar) => v.RuleFor(b => b.CompletedOn).Happened(calendar))
        .Write<RescheduleActionRequest>("plan/actions/{actionId:guid}/reschedule", "RescheduleAction", "Plan", "Give an action a new due date",
            "The party that planned the action, or the one responsible, moves its due date, with a reason; overdue and OverdueAction follow the new date.",
            (b, c) => new RescheduleAction(c.Id("actionId"), b.DueOn!.Value, b.Reason!.Trim(), b.RescheduledOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.DueOn).NotNull().PlannedDate(calendar);
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.RescheduledOn).Happened(calendar);
            })
        .Write<ReassignActionRequest>("plan/actions/{actionId:guid}/reassign", "ReassignAction", "Plan", "Reassign an action",
            "The party that planned the action, or the one responsible, passes it to another party on the case, the person, a named participant from " +
            "outside the förbund, or an actor outside the förbund named on the case (responsibleActorId).",
            (b, c) => new ReassignAction(c.Id("actionId"), b.ResponsibleParty, b.ResponsibleOther?.ToDomain(), b.ReassignedOn!.Value, b.ResponsibleActorId) { By = c.By },
            (v, calendar) =>
            {
                Responsible(v);
                v.RuleFor(b => b.ReassignedOn).Happened(calendar);
            })
        .Write<DropActionRequest>("plan/actions/{actionId:guid}/drop", "DropAction", "Plan", "Drop an action",
            "The party that planned the action, or the one responsible, drops it with a reason: it is no longer to be done and never overdue.",
            (b, c) => new DropAction(c.Id("actionId"), b.Reason!.Trim(), b.DroppedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.DroppedOn).Happened(calendar);
            });

    // Exactly one of: a party, the person, an outside participant, an external actor.
    private static void Responsible<T>(InlineValidator<T> v)
        where T : IResponsibleRequest
    {
        v.RuleFor(b => b.ResponsibleParty).IsInEnum()
            .Must((b, p) => (p is null ? 0 : 1) + (b.IndividualResponsible == true ? 1 : 0) + (b.ResponsibleOther is null ? 0 : 1)
                            + (b.ResponsibleActorId is null ? 0 : 1) == 1)
            .WithMessage("Give exactly one of responsibleParty, individualResponsible: true, responsibleOther, or responsibleActorId.");
        v.RuleFor(b => b.ResponsibleActorId).NotEqual(Guid.Empty).WithMessage("responsibleActorId must be an external actor's id.");
        v.RuleFor(b => b.ResponsibleOther!).SetValidator(OutsideParticipantRequest.Validator).When(b => b.ResponsibleOther is not null);
    }
}
