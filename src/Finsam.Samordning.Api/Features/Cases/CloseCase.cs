using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>Body of <c>POST /api/v1/cases/{id}/close</c>.</summary>
/// <param name="Outcome">Outcome.</param>
/// <param name="Note">Optional note.</param>
/// <param name="EndOpenInterventionsAs">End reason for insatser still open; leave out to be told which are.</param>
/// <param name="ClosedOn">Business date.</param>
public sealed record CloseCaseRequest(CaseOutcome? Outcome, string? Note, InterventionEndReason? EndOpenInterventionsAs, DateOnly? ClosedOn);

/// <summary>Close a case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record CloseCase(Guid CaseId, CloseCaseRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/close</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/close",
                (Guid id, CloseCaseRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new CloseCase(id, body, w), ct))
            .CaseWrite("CloseCase", "Cases", "Close a case",
                "Closes the case with an outcome. Insatser still planned, ongoing or paused must be ended first (409 lists them), or give endOpenInterventionsAs: started ones then complete with that reason and planned ones are cancelled, in the same transaction.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<CloseCase>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Outcome).RequiredEnum();
            RuleFor(c => c.Body.Note).OptionalLongText();
            RuleFor(c => c.Body.EndOpenInterventionsAs).IsInEnum();
            RuleFor(c => c.Body.ClosedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<CloseCase>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(CloseCase r) =>
            (new Domain.Cases.CloseCase(r.Body.Outcome!.Value, r.Body.Note, r.Body.EndOpenInterventionsAs, r.Body.ClosedOn!.Value) { By = r.Write.By }, null);
    }
}
