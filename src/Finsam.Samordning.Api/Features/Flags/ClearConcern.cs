using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Flags;

/// <summary>Body of <c>POST /api/v1/cases/{id}/flags/{flagId}/clear</c>.</summary>
/// <param name="Reason">Why the concern no longer holds.</param>
/// <param name="ClearedOn">Business date; today when left out.</param>
public sealed record ClearConcernRequest(string? Reason, DateOnly? ClearedOn);

/// <summary>Clear a concern raised by hand. Rule flags are cleared by the scan.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="FlagId">The flag.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record ClearConcern(Guid CaseId, Guid FlagId, ClearConcernRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/flags/{flagId}/clear</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/flags/{flagId:guid}/clear",
                (Guid id, Guid flagId, ClearConcernRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new ClearConcern(id, flagId, body, w), ct))
            .CaseWrite("ClearConcern", "Flags", "Clear a concern",
                "Clears a concern raised by hand, with a reason. A flag raised by a stall rule answers 409: the scan clears it when the situation no longer holds.", Infrastructure.Auth.Policies.Review);
    }

    /// <summary>Validator.</summary>
    public sealed class Validator : AbstractValidator<ClearConcern>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Reason).RequiredLongText();
            RuleFor(c => c.Body.ClearedOn).Must(d => d is null || d <= calendar.Today).WithMessage("clearedOn cannot be in the future.");
        }
    }

    /// <summary>Handler.</summary>
    public sealed class Handler(CaseWriter writer, BusinessCalendar calendar) : FlagCommandHandler<ClearConcern>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.FlagCommand, Guid) ToDomain(ClearConcern r) =>
            (new Domain.Cases.ClearConcern(r.FlagId, r.Body.Reason!.Trim(), r.Body.ClearedOn ?? calendar.Today) { By = r.Write.FlagActor }, r.FlagId);
    }
}
