using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Flags;

/// <summary>Body of <c>POST /api/v1/cases/{id}/flags</c>.</summary>
/// <param name="Reason">What the caller sees: the concern in their words (no rule catches it yet).</param>
/// <param name="RaisedOn">Business date; today when left out.</param>
public sealed record RaiseConcernRequest(string? Reason, DateOnly? RaisedOn);

/// <summary>A handläggare or samverkansledare raises a concern flag by hand.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record RaiseConcern(Guid CaseId, RaiseConcernRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/flags</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/flags",
                (Guid id, RaiseConcernRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new RaiseConcern(id, body, w), ct))
            .CaseWrite("RaiseConcern", "Flags", "Raise a concern",
                "Raises a manual concern flag with a reason: someone is slipping in a way no stall rule catches (an age limit ahead, a stale assessment...). It shows in the review queue and is cleared by hand.", Infrastructure.Auth.Policies.Review);
    }

    /// <summary>Validator.</summary>
    public sealed class Validator : AbstractValidator<RaiseConcern>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Reason).RequiredLongText();
            RuleFor(c => c.Body.RaisedOn).Must(d => d is null || d <= calendar.Today).WithMessage("raisedOn cannot be in the future.");
        }
    }

    /// <summary>Handler.</summary>
    public sealed class Handler(CaseWriter writer, BusinessCalendar calendar) : FlagCommandHandler<RaiseConcern>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.FlagCommand, Guid) ToDomain(RaiseConcern r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.RaiseConcern(id, r.Body.Reason!.Trim(), r.Body.RaisedOn ?? calendar.Today) { By = r.Write.FlagActor }, id);
        }
    }
}
