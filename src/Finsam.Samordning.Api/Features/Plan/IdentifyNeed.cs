using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Plan;

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/needs</c>.</summary>
/// <param name="Area">Life area.</param>
/// <param name="Description">The need.</param>
/// <param name="IdentifiedOn">Business date.</param>
public sealed record IdentifyNeedRequest(PlanArea? Area, string? Description, DateOnly? IdentifiedOn);

/// <summary>Record a need.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record IdentifyNeed(Guid CaseId, IdentifyNeedRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/plan/needs</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/plan/needs",
                (Guid id, IdentifyNeedRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new IdentifyNeed(id, body, w), ct))
            .CaseWrite("IdentifyNeed", "Plan", "Record a need",
                "Adds a need to the shared plan (what a SIP must state), by life area.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<IdentifyNeed>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Area).RequiredEnum();
            RuleFor(c => c.Body.Description).RequiredLongText();
            RuleFor(c => c.Body.IdentifiedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<IdentifyNeed>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(IdentifyNeed r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.IdentifyNeed(id, r.Body.Area!.Value, r.Body.Description!.Trim(), r.Body.IdentifiedOn!.Value) { By = r.Write.By }, id);
        }
    }
}
