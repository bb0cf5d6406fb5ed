using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using FluentValidation;
using Marten;
using MediatR;

namespace Finsam.Samordning.Api.Features.Parties;

/// <summary>Body of <c>POST /api/v1/cases/{id}/parties</c>.</summary>
/// <param name="Unit">The joining party's unit, e.g. "Vårdcentralen Centrum".</param>
/// <param name="JoinedOn">Business date of joining.</param>
public sealed record JoinCaseRequest(string? Unit, DateOnly? JoinedOn);

/// <summary>The caller's party joins the case, with the caller as its caseworker.</summary>
public sealed record JoinCase(Guid CaseId, JoinCaseRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/parties",
                (Guid id, JoinCaseRequest body, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "If-Match")] string? ifMatch,
                    [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new JoinCase(id, body, w), ct))
            .CaseWrite("JoinCase", "Parties", "Join a case",
                "The caller's party (from the token) joins the case with the caller as its caseworker. A party that has not joined cannot record anything on the case.");
    }

    /// <summary>Validator.</summary>
    public sealed class Validator : AbstractValidator<JoinCase>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Unit).RequiredShortText();
            RuleFor(c => c.Body.JoinedOn).Happened(calendar);
        }
    }

    /// <summary>Handler.</summary>
    public sealed class Handler(IDocumentSession session) : CaseCommandHandler<JoinCase>(session)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(JoinCase r) =>
            (new Domain.Cases.JoinCase(r.Body.Unit!.Trim(), r.Body.JoinedOn!.Value) { By = r.Write.By }, null);
    }
}
