using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Benefits;

/// <summary>Body of <c>POST /api/v1/cases/{id}/benefit-decisions</c>.</summary>
/// <param name="Benefit">The benefit.</param>
/// <param name="Decision">Granted, Refused, Ended or NoneForLackOfSgi.</param>
/// <param name="From">From when.</param>
/// <param name="Until">Until when, if limited.</param>
/// <param name="DecidedOn">Business date of the decision.</param>
public sealed record RecordBenefitDecisionRequest(Benefit? Benefit, BenefitDecisionKind? Decision, DateOnly? From, DateOnly? Until, DateOnly? DecidedOn);

/// <summary>Record a benefit decision.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record RecordBenefitDecision(Guid CaseId, RecordBenefitDecisionRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/benefit-decisions</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/benefit-decisions",
                (Guid id, RecordBenefitDecisionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new RecordBenefitDecision(id, body, w), ct))
            .CaseWrite("RecordBenefitDecision", "Benefits", "Record a benefit decision",
                "Records a benefit decision of the caller's party (försörjningsstöd by SOC; sjukpenning, aktivitetsersättning, sjukersättning, aktivitetsstöd, SGI status by FK). Income support is a benefit, never an insats.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<RecordBenefitDecision>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Benefit).RequiredEnum();
            RuleFor(c => c.Body.Decision).RequiredEnum();
            RuleFor(c => c.Body.From).NotNull().PlannedDate(calendar);
            RuleFor(c => c.Body.Until).PlannedDate(calendar)
                .Must((c, until) => until is null || c.Body.From is null || until >= c.Body.From).WithMessage("until cannot be before from.");
            RuleFor(c => c.Body.DecidedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<RecordBenefitDecision>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(RecordBenefitDecision r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.RecordBenefitDecision(id, r.Body.Benefit!.Value, r.Body.Decision!.Value, r.Body.From!.Value, r.Body.Until, r.Body.DecidedOn!.Value) { By = r.Write.By }, id);
        }
    }
}
