using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Interventions;

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/pause</c>.</summary>
/// <param name="Reason">Why (e.g. summer break).</param>
/// <param name="PausedOn">Business date.</param>
public sealed record PauseInterventionRequest(string? Reason, DateOnly? PausedOn);

/// <summary>Pause an insats.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="InterventionId">The insats.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record PauseIntervention(Guid CaseId, Guid InterventionId, PauseInterventionRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/interventions/{interventionId}/pause</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/interventions/{interventionId:guid}/pause",
                (Guid id, Guid interventionId, PauseInterventionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new PauseIntervention(id, interventionId, body, w), ct))
            .CaseWrite("PauseIntervention", "Interventions", "Pause an insats",
                "Pauses an ongoing insats. A paused insats is not ongoing: the stall rules and the parallelism measure treat it as a gap.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<PauseIntervention>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Reason).RequiredShortText();
            RuleFor(c => c.Body.PausedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<PauseIntervention>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(PauseIntervention r) =>
            (new Domain.Cases.PauseIntervention(r.InterventionId, r.Body.Reason!.Trim(), r.Body.PausedOn!.Value) { By = r.Write.By }, r.InterventionId);
    }
}
