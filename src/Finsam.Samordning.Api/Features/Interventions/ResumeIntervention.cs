using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Interventions;

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/resume</c>.</summary>
/// <param name="ResumedOn">Business date.</param>
public sealed record ResumeInterventionRequest(DateOnly? ResumedOn);

/// <summary>Resume an insats.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="InterventionId">The insats.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record ResumeIntervention(Guid CaseId, Guid InterventionId, ResumeInterventionRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/interventions/{interventionId}/resume</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/interventions/{interventionId:guid}/resume",
                (Guid id, Guid interventionId, ResumeInterventionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new ResumeIntervention(id, interventionId, body, w), ct))
            .CaseWrite("ResumeIntervention", "Interventions", "Resume an insats",
                "Resumes a paused insats.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<ResumeIntervention>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.ResumedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<ResumeIntervention>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(ResumeIntervention r) =>
            (new Domain.Cases.ResumeIntervention(r.InterventionId, r.Body.ResumedOn!.Value) { By = r.Write.By }, r.InterventionId);
    }
}
