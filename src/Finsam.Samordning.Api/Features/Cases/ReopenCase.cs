using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>Body of <c>POST /api/v1/cases/{id}/reopen</c>.</summary>
/// <param name="Reason">Why.</param>
/// <param name="ReopenedOn">Business date.</param>
public sealed record ReopenCaseRequest(string? Reason, DateOnly? ReopenedOn);

/// <summary>Reopen a case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record ReopenCase(Guid CaseId, ReopenCaseRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/reopen</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/reopen",
                (Guid id, ReopenCaseRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new ReopenCase(id, body, w), ct))
            .CaseWrite("ReopenCase", "Cases", "Reopen a case",
                "Reopens a closed case, with a reason.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<ReopenCase>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Reason).RequiredShortText();
            RuleFor(c => c.Body.ReopenedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<ReopenCase>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(ReopenCase r) =>
            (new Domain.Cases.ReopenCase(r.Body.Reason!.Trim(), r.Body.ReopenedOn!.Value) { By = r.Write.By }, null);
    }
}
