using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Interventions;

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/start</c>.</summary>
/// <param name="StartedOn">Business date.</param>
public sealed record StartInterventionRequest(DateOnly? StartedOn);

/// <summary>Start an insats.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="InterventionId">The insats.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record StartIntervention(Guid CaseId, Guid InterventionId, StartInterventionRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/interventions/{interventionId}/start</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/interventions/{interventionId:guid}/start",
                (Guid id, Guid interventionId, StartInterventionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new StartIntervention(id, interventionId, body, w), ct))
            .CaseWrite("StartIntervention", "Interventions", "Start an insats",
                "Starts a planned insats; the waiting ends. Only the owning party can; an insats that is not planned answers 409 naming its state.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<StartIntervention>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.StartedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<StartIntervention>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(StartIntervention r) =>
            (new Domain.Cases.StartIntervention(r.InterventionId, r.Body.StartedOn!.Value) { By = r.Write.By }, r.InterventionId);
    }
}
