using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.Chairs;

/// <summary>Body of <c>POST /api/v1/cases/{id}/eligibility-ends</c>.</summary>
/// <param name="Label">The label: KaaAge, ActivityCompensationAge, EstablishmentPeriod, Lss or Other.</param>
/// <param name="EndsOn">The first day it no longer applies.</param>
/// <param name="RecordedOn">Business date; today when left out.</param>
public sealed record RecordEligibilityEndRequest(EligibilityLabel? Label, DateOnly? EndsOn, DateOnly? RecordedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/parties/{party}/caseworker/release</c>.</summary>
/// <param name="ReleasedOn">Business date; today when left out.</param>
public sealed record ReleaseCaseworkerRequest(DateOnly? ReleasedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/planned-end</c>.</summary>
/// <param name="PlannedEnd">The day the insats is known to end (a project or season that ends).</param>
/// <param name="RecordedOn">Business date; today when left out.</param>
public sealed record ScheduleInterventionEndRequest(DateOnly? PlannedEnd, DateOnly? RecordedOn);

/// <summary>The facts the between-chairs rules of issue 14 need: label ends, a party without a caseworker, an insats's known end.</summary>
internal sealed class ChairsWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<RecordEligibilityEndRequest>("eligibility-ends", "RecordEligibilityEnd", "Cases", "Record when a label ends",
            "Records the day a label the person's help depends on ends (establishment period, an LSS decision, ...). KAA's and aktivitetsersättning's " +
            "ends are derived from the birth date when a case is opened for a registered person. The EligibilityEnding rule warns ahead of the day.",
            (b, c) => new RecordEligibilityEnd(b.Label!.Value, b.EndsOn!.Value, b.RecordedOn ?? c.Today) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Label).RequiredEnum();
                v.RuleFor(b => b.EndsOn).NotNull().PlannedDate(calendar);
                v.RuleFor(b => b.RecordedOn).HappenedIfGiven(calendar);
            })
        .Write<ReleaseCaseworkerRequest>("parties/{party:alpha}/caseworker/release", "ReleaseCaseworker", "Parties", "Release a party's caseworker",
            "The party's caseworker no longer carries the case and nobody at the party does yet (a move, a vacancy). The CaseworkerMissing rule " +
            "flags the gap until a caseworker is assigned. Only the party itself can do this.",
            (b, c) => new ReleaseCaseworker(c.Party("party"), b.ReleasedOn ?? c.Today) { By = c.By },
            (v, calendar) => v.RuleFor(b => b.ReleasedOn).HappenedIfGiven(calendar))
        .Write<ScheduleInterventionEndRequest>("interventions/{interventionId:guid}/planned-end", "ScheduleInterventionEnd", "Interventions",
            "Record when an insats will end",
            "Records the day an open insats of the caller's party is known to end (the project or the season ends). The EndDateAhead rule warns " +
            "ahead of it when nothing else is planned to carry on after.",
            (b, c) => new ScheduleInterventionEnd(c.Id("interventionId"), b.PlannedEnd!.Value, b.RecordedOn ?? c.Today) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.PlannedEnd).NotNull().PlannedDate(calendar);
                v.RuleFor(b => b.RecordedOn).HappenedIfGiven(calendar);
            });
}
