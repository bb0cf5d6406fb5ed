using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Parties;

/// <summary>Body of <c>POST /api/v1/cases/{id}/parties/{party}/leave</c>.</summary>
/// <param name="Reason">Why the party leaves.</param>
/// <param name="HandedOverTo">The party that takes over, if any.</param>
/// <param name="LeftOn">Business date.</param>
public sealed record LeaveCaseRequest(string? Reason, PartyCode? HandedOverTo, DateOnly? LeftOn);

/// <summary>Leave a case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Party">The leaving party.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record LeaveCase(Guid CaseId, PartyCode Party, LeaveCaseRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/parties/{party}/leave</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/parties/{party:alpha}/leave",
                (Guid id, PartyCode party, LeaveCaseRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new LeaveCase(id, party, body, w), ct))
            .CaseWrite("LeaveCase", "Parties", "Leave a case",
                "The party leaves the case, handing over to another party on the case or to nobody. Its own insatser must have ended first.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<LeaveCase>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            // Route values parse numbers into enums too ("/parties/3/..."): only named parties count.
            RuleFor(c => c.Party).IsInEnum().WithName("party");
            RuleFor(c => c.Body.Reason).RequiredShortText();
            RuleFor(c => c.Body.HandedOverTo).IsInEnum();
            RuleFor(c => c.Body.LeftOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<LeaveCase>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(LeaveCase r) =>
            (new Domain.Cases.LeaveCase(r.Party, r.Body.Reason!.Trim(), r.Body.HandedOverTo, r.Body.LeftOn!.Value) { By = r.Write.By }, null);
    }
}
