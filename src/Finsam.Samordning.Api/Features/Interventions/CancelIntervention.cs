using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Interventions;

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/cancel</c>.</summary>
/// <param name="Reason">Why; RegisteredByMistake for an entry that never existed.</param>
/// <param name="Note">Optional note.</param>
/// <param name="CancelledOn">Business date.</param>
public sealed record CancelInterventionRequest(InterventionCancelReason? Reason, string? Note, DateOnly? CancelledOn);

/// <summary>Cancel an insats.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="InterventionId">The insats.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record CancelIntervention(Guid CaseId, Guid InterventionId, CancelInterventionRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/interventions/{interventionId}/cancel</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/interventions/{interventionId:guid}/cancel",
                (Guid id, Guid interventionId, CancelInterventionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new CancelIntervention(id, interventionId, body, w), ct))
            .CaseWrite("CancelIntervention", "Interventions", "Cancel an insats",
                "Cancels an insats that has not ended, including one registered by mistake.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<CancelIntervention>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Reason).RequiredEnum();
            RuleFor(c => c.Body.Note).OptionalLongText();
            RuleFor(c => c.Body.CancelledOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<CancelIntervention>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(CancelIntervention r) =>
            (new Domain.Cases.CancelIntervention(r.InterventionId, r.Body.Reason!.Value, r.Body.Note, r.Body.CancelledOn!.Value) { By = r.Write.By }, r.InterventionId);
    }
}
