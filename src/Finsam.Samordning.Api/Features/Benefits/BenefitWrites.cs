using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.Benefits;

/// <summary>Body of <c>POST /api/v1/cases/{id}/benefit-decisions</c>.</summary>
/// <param name="Benefit">The benefit.</param>
/// <param name="Decision">Granted, Refused, Ended or NoneForLackOfSgi.</param>
/// <param name="From">From when.</param>
/// <param name="Until">Until when, if limited.</param>
/// <param name="DecidedOn">Business date of the decision.</param>
public sealed record RecordBenefitDecisionRequest(Benefit? Benefit, BenefitDecisionKind? Decision, DateOnly? From, DateOnly? Until, DateOnly? DecidedOn);

/// <summary>Benefit decisions, recorded for coordination by the party that decides them.</summary>
internal sealed class BenefitWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<RecordBenefitDecisionRequest>("benefit-decisions", "RecordBenefitDecision", "Benefits", "Record a benefit decision",
            "Records a benefit decision of the caller's party (försörjningsstöd by SOC; sjukpenning, aktivitetsersättning, sjukersättning, aktivitetsstöd, SGI status by FK). Income support is a benefit, never an insats.",
            (b, c) => new RecordBenefitDecision(c.NewId(), b.Benefit!.Value, b.Decision!.Value, b.From!.Value, b.Until, b.DecidedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Benefit).RequiredEnum();
                v.RuleFor(b => b.Decision).RequiredEnum();
                v.RuleFor(b => b.From).NotNull().PlannedDate(calendar);
                v.RuleFor(b => b.Until).PlannedDate(calendar)
                    .Must((b, until) => until is null || b.From is null || until >= b.From).WithMessage("until cannot be before from.");
                v.RuleFor(b => b.DecidedOn).Happened(calendar);
            });
}
