using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Interventions;

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/complete</c>.</summary>
/// <param name="EndReason">Why it ended.</param>
/// <param name="Note">Optional note.</param>
/// <param name="CompletedOn">Business date.</param>
public sealed record CompleteInterventionRequest(InterventionEndReason? EndReason, string? Note, DateOnly? CompletedOn);

/// <summary>Complete an insats.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="InterventionId">The insats.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record CompleteIntervention(Guid CaseId, Guid InterventionId, CompleteInterventionRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/interventions/{interventionId}/complete</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/interventions/{interventionId:guid}/complete",
                (Guid id, Guid interventionId, CompleteInterventionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new CompleteIntervention(id, interventionId, body, w), ct))
            .CaseWrite("CompleteIntervention", "Interventions", "Complete an insats",
                "Ends an ongoing or paused insats with an end reason: goal reached, moved on to work or studies, moved to another insats, dropped out, moved away, other.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<CompleteIntervention>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.EndReason).RequiredEnum();
            RuleFor(c => c.Body.Note).OptionalLongText();
            RuleFor(c => c.Body.CompletedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<CompleteIntervention>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(CompleteIntervention r) =>
            (new Domain.Cases.CompleteIntervention(r.InterventionId, r.Body.EndReason!.Value, r.Body.Note, r.Body.CompletedOn!.Value) { By = r.Write.By }, r.InterventionId);
    }
}
