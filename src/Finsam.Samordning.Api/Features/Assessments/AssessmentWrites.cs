using Finsam.Samordning.Api.Features.CaseWrites;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;

namespace Finsam.Samordning.Api.Features.Assessments;

/// <summary>Body of <c>POST /api/v1/cases/{id}/assessments</c>.</summary>
/// <param name="Conclusion">Conclusion.</param>
/// <param name="Note">Optional note.</param>
/// <param name="ValidFrom">From when it applies.</param>
public sealed record AssessWorkCapacityRequest(WorkCapacityConclusion? Conclusion, string? Note, DateOnly? ValidFrom);

/// <summary>Each party's assessment of the person's work capacity.</summary>
internal sealed class AssessmentWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<AssessWorkCapacityRequest>("assessments", "AssessWorkCapacity", "Assessments", "Record a work capacity assessment",
            "The caller's party records its assessment of the person's work capacity. Assessments of different parties are shown side by side: the raw material of the FK/AF gap.",
            (b, c) => new AssessWorkCapacity(c.NewId(), b.Conclusion!.Value, Input.Optional(b.Note), b.ValidFrom!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Conclusion).RequiredEnum();
                v.RuleFor(b => b.Note).OptionalLongText();
                v.RuleFor(b => b.ValidFrom).Happened(calendar);
            });
}
