using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.Interventions;

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions</c>.</summary>
/// <param name="Kind">Kind code from the party's catalogue, or 'other'.</param>
/// <param name="Label">Name for 'other', or a more specific name.</param>
/// <param name="PlannedStart">When it is meant to start.</param>
/// <param name="PlannedOn">Business date of planning.</param>
public sealed record PlanInterventionRequest(string? Kind, string? Label, DateOnly? PlannedStart, DateOnly? PlannedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/start</c>.</summary>
/// <param name="StartedOn">Business date.</param>
public sealed record StartInterventionRequest(DateOnly? StartedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/pause</c>.</summary>
/// <param name="Reason">Why (e.g. summer break).</param>
/// <param name="PausedOn">Business date.</param>
public sealed record PauseInterventionRequest(string? Reason, DateOnly? PausedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/resume</c>.</summary>
/// <param name="ResumedOn">Business date.</param>
public sealed record ResumeInterventionRequest(DateOnly? ResumedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/complete</c>.</summary>
/// <param name="EndReason">Why it ended.</param>
/// <param name="Note">Optional note.</param>
/// <param name="CompletedOn">Business date.</param>
public sealed record CompleteInterventionRequest(InterventionEndReason? EndReason, string? Note, DateOnly? CompletedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/cancel</c>.</summary>
/// <param name="Reason">Why; RegisteredByMistake for an entry that never existed.</param>
/// <param name="Note">Optional note.</param>
/// <param name="CancelledOn">Business date.</param>
public sealed record CancelInterventionRequest(InterventionCancelReason? Reason, string? Note, DateOnly? CancelledOn);

/// <summary>The insatser of a case: planned by the caller's party, then moved through their life by it.</summary>
internal sealed class InterventionWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<PlanInterventionRequest>("interventions", "PlanIntervention", "Interventions", "Plan an insats",
            "The caller's party plans an insats of a kind from its catalogue (GET /api/v1/catalogue/interventions), or 'other' with a label. " +
            "The person now waits for it: the waiting clock starts. Any number of insatser of any parties may run at the same time.",
            (b, c) => new PlanIntervention(c.NewId(), b.Kind!.Trim(), Input.Optional(b.Label), b.PlannedStart!.Value, b.PlannedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Kind).RequiredShortText().Custom((kind, context) =>
                {
                    if (kind is not null && context.Caller().Party is { } party && !InterventionCatalogue.IsKnown(party, kind))
                    {
                        context.AddFailure($"'{kind}' is not an insats {party} offers. Use one of: " +
                            string.Join(", ", InterventionCatalogue.For(party).Select(k => k.Code)) + " (GET /api/v1/catalogue/interventions).");
                    }
                });
                v.RuleFor(b => b.Label).MaximumLength(Limits.ShortText)
                    .Must((b, label) => b.Kind != InterventionCatalogue.Other || !string.IsNullOrWhiteSpace(label)).WithMessage("label is required for kind 'other'.");
                v.RuleFor(b => b.PlannedStart).NotNull().PlannedDate(calendar);
                v.RuleFor(b => b.PlannedOn).Happened(calendar);
            })
        .Write<StartInterventionRequest>("interventions/{interventionId:guid}/start", "StartIntervention", "Interventions", "Start an insats",
            "Starts a planned insats; the waiting ends. Only the owning party can; an insats that is not planned answers 409 naming its state.",
            (b, c) => new StartIntervention(c.Id("interventionId"), b.StartedOn!.Value) { By = c.By },
            (v, calendar) => v.RuleFor(b => b.StartedOn).Happened(calendar))
        .Write<PauseInterventionRequest>("interventions/{interventionId:guid}/pause", "PauseIntervention", "Interventions", "Pause an insats",
            "Pauses an ongoing insats. A paused insats is not ongoing: the stall rules and the parallelism measure treat it as a gap.",
            (b, c) => new PauseIntervention(c.Id("interventionId"), b.Reason!.Trim(), b.PausedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.PausedOn).Happened(calendar);
            })
        .Write<ResumeInterventionRequest>("interventions/{interventionId:guid}/resume", "ResumeIntervention", "Interventions", "Resume an insats",
            "Resumes a paused insats.",
            (b, c) => new ResumeIntervention(c.Id("interventionId"), b.ResumedOn!.Value) { By = c.By },
            (v, calendar) => v.RuleFor(b => b.ResumedOn).Happened(calendar))
        .Write<CompleteInterventionRequest>("interventions/{interventionId:guid}/complete", "CompleteIntervention", "Interventions", "Complete an insats",
            "Ends an ongoing or paused insats with an end reason: goal reached, moved on to work or studies, moved to another insats, dropped out, moved away, other.",
            (b, c) => new CompleteIntervention(c.Id("interventionId"), b.EndReason!.Value, Input.Optional(b.Note), b.CompletedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.EndReason).RequiredEnum();
                v.RuleFor(b => b.Note).OptionalLongText();
                v.RuleFor(b => b.CompletedOn).Happened(calendar);
            })
        .Write<CancelInterventionRequest>("interventions/{interventionId:guid}/cancel", "CancelIntervention", "Interventions", "Cancel an insats",
            "Cancels an insats that has not ended, including one registered by mistake.",
            (b, c) => new CancelIntervention(c.Id("interventionId"), b.Reason!.Value, Input.Optional(b.Note), b.CancelledOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredEnum();
                v.RuleFor(b => b.Note).OptionalLongText();
                v.RuleFor(b => b.CancelledOn).Happened(calendar);
            });
}
