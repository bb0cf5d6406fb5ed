using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Plan;

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/actions/{actionId}/complete</c>.</summary>
/// <param name="CompletedOn">Business date.</param>
public sealed record CompleteActionRequest(DateOnly? CompletedOn);

/// <summary>Complete an action.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ActionId">The action.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record CompleteAction(Guid CaseId, Guid ActionId, CompleteActionRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/plan/actions/{actionId}/complete</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/plan/actions/{actionId:guid}/complete",
                (Guid id, Guid actionId, CompleteActionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new CompleteAction(id, actionId, body, w), ct))
            .CaseWrite("CompleteAction", "Plan", "Complete an action",
                "Marks an action done. Only the responsible party can, or any party on the case when the person was responsible.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<CompleteAction>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.CompletedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<CompleteAction>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(CompleteAction r) =>
            (new Domain.Cases.CompleteAction(r.ActionId, r.Body.CompletedOn!.Value) { By = r.Write.By }, r.ActionId);
    }
}
