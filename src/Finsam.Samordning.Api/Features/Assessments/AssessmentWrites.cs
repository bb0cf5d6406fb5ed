using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.Assessments;

/// <summary>Body of <c>POST /api/v1/cases/{id}/assessments</c>.</summary>
/// <param name="Conclusion">Conclusion.</param>
/// <param name="Note">Optional note.</param>
/// <param name="ValidFrom">First day it is valid for.</param>
/// <param name="AssessedOn">The day it was made; when left out, validFrom (or today, if validFrom lies ahead).</param>
/// <param name="ValidUntil">Last day it is valid for, if limited.</param>
public sealed record AssessWorkCapacityRequest(WorkCapacityConclusion? Conclusion, string? Note, DateOnly? ValidFrom, DateOnly? AssessedOn = null, DateOnly? ValidUntil = null);

/// <summary>Each party's assessment of the person's work capacity.</summary>
internal sealed class AssessmentWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<AssessWorkCapacityRequest>("assessments", "AssessWorkCapacity", "Assessments", "Record a work capacity assessment",
            "The caller's party records its assessment of the person's work capacity: the day it was made and the period it is valid for. " +
            "Assessments of different parties are shown side by side: the raw material of the FK/AF gap. The assessment is known in asOf views " +
            "from the day it was made; after validUntil it no longer counts for AssessmentGap.",
            (b, c) => new AssessWorkCapacity(c.NewId(), b.Conclusion!.Value, Input.Optional(b.Note), b.ValidFrom!.Value,
                b.AssessedOn ?? (b.ValidFrom <= c.Today ? b.ValidFrom : c.Today), b.ValidUntil) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Conclusion).RequiredEnum();
                v.RuleFor(b => b.Note).OptionalLongText();
                v.RuleFor(b => b.ValidFrom).NotNull().PlannedDate(calendar);
                v.RuleFor(b => b.AssessedOn).HappenedIfGiven(calendar);
                v.RuleFor(b => b.ValidUntil).PlannedDate(calendar)
                    .Must((b, u) => u is null || b.ValidFrom is null || u >= b.ValidFrom).WithMessage("validUntil cannot be before validFrom.");
            });
}
