using Finsam.Samordning.Api.Features.CaseWrites;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;

namespace Finsam.Samordning.Api.Features.Plan;

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/needs</c>.</summary>
/// <param name="Area">Life area.</param>
/// <param name="Description">The need.</param>
/// <param name="IdentifiedOn">Business date.</param>
public sealed record IdentifyNeedRequest(PlanArea? Area, string? Description, DateOnly? IdentifiedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/lead</c>.</summary>
/// <param name="Party">The plan lead.</param>
/// <param name="AssignedOn">Business date.</param>
public sealed record AssignPlanLeadRequest(PartyCode? Party, DateOnly? AssignedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/goals</c>.</summary>
/// <param name="Area">Life area.</param>
/// <param name="StatedBy">Individual or Professionals.</param>
/// <param name="Text">The goal, in the stater's words.</param>
/// <param name="SetOn">Business date.</param>
public sealed record SetGoalRequest(PlanArea? Area, GoalStatedBy? StatedBy, string? Text, DateOnly? SetOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/actions</c>.</summary>
/// <param name="Description">What is to be done.</param>
/// <param name="ResponsibleParty">The responsible party; leave out when the person is responsible.</param>
/// <param name="IndividualResponsible">True when the person themselves is responsible.</param>
/// <param name="GoalId">The goal it serves, if any.</param>
/// <param name="DueOn">Due date.</param>
/// <param name="PlannedOn">Business date.</param>
public sealed record PlanActionRequest(string? Description, PartyCode? ResponsibleParty, bool? IndividualResponsible, Guid? GoalId, DateOnly? DueOn, DateOnly? PlannedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/actions/{actionId}/complete</c>.</summary>
/// <param name="CompletedOn">Business date.</param>
public sealed record CompleteActionRequest(DateOnly? CompletedOn);

/// <summary>The shared plan: needs, the plan lead, both sides' goals, and who does what by when.</summary>
internal sealed class PlanWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<IdentifyNeedRequest>("plan/needs", "IdentifyNeed", "Plan", "Record a need",
            "Adds a need to the shared plan (what a SIP must state), by life area.",
            (b, c) => new IdentifyNeed(c.NewId(), b.Area!.Value, b.Description!.Trim(), b.IdentifiedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Area).RequiredEnum();
                v.RuleFor(b => b.Description).RequiredLongText();
                v.RuleFor(b => b.IdentifiedOn).Happened(calendar);
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
            (b, c) => new SetGoal(c.NewId(), b.Area!.Value, b.StatedBy!.Value, b.Text!.Trim(), b.SetOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Area).RequiredEnum();
                v.RuleFor(b => b.StatedBy).RequiredEnum();
                v.RuleFor(b => b.Text).RequiredLongText();
                v.RuleFor(b => b.SetOn).Happened(calendar);
            })
        .Write<PlanActionRequest>("plan/actions", "PlanAction", "Plan", "Plan an action",
            "Adds an action to the shared plan: what is to be done, by a party on the case or by the person themselves (individualResponsible), by when.",
            (b, c) => new PlanAction(c.NewId(), b.Description!.Trim(), b.ResponsibleParty, b.GoalId, b.DueOn!.Value, b.PlannedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Description).RequiredLongText();
                v.RuleFor(b => b.ResponsibleParty).IsInEnum()
                    .Must((b, p) => (p is null) == (b.IndividualResponsible == true)).WithMessage("Give either responsibleParty or individualResponsible: true.");
                v.RuleFor(b => b.DueOn).NotNull().PlannedDate(calendar);
                v.RuleFor(b => b.PlannedOn).Happened(calendar);
            })
        .Write<CompleteActionRequest>("plan/actions/{actionId:guid}/complete", "CompleteAction", "Plan", "Complete an action",
            "Marks an action done. Only the responsible party can, or any party on the case when the person was responsible.",
            (b, c) => new CompleteAction(c.Id("actionId"), b.CompletedOn!.Value) { By = c.By },
            (v, calendar) => v.RuleFor(b => b.CompletedOn).Happened(calendar));
}
