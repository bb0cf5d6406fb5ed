using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Parties;

/// <summary>Body of <c>PUT /api/v1/cases/{id}/parties/{party}/caseworker</c>.</summary>
/// <param name="CaseworkerId">The new caseworker's user id.</param>
/// <param name="CaseworkerName">The new caseworker's display name.</param>
/// <param name="AssignedOn">Business date.</param>
public sealed record AssignCaseworkerRequest(string? CaseworkerId, string? CaseworkerName, DateOnly? AssignedOn);

/// <summary>Assign a caseworker.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Party">The party whose caseworker changes.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record AssignCaseworker(Guid CaseId, PartyCode Party, AssignCaseworkerRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>PUT /api/v1/cases/{id}/parties/{party}/caseworker</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPut("/cases/{id:guid}/parties/{party:alpha}/caseworker",
                (Guid id, PartyCode party, AssignCaseworkerRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new AssignCaseworker(id, party, body, w), ct))
            .CaseWrite("AssignCaseworker", "Parties", "Assign a caseworker",
                "Another caseworker of the same party takes over the party's part of the case (staff turnover must not leave the person alone). Only the party itself can do this.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<AssignCaseworker>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            // Route values parse numbers into enums too ("/parties/3/..."): only named parties count.
            RuleFor(c => c.Party).IsInEnum().WithName("party");
            RuleFor(c => c.Body.CaseworkerId).RequiredShortText();
            RuleFor(c => c.Body.CaseworkerName).RequiredShortText();
            RuleFor(c => c.Body.AssignedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<AssignCaseworker>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(AssignCaseworker r) =>
            (new Domain.Cases.AssignCaseworker(r.Party, r.Body.CaseworkerId!.Trim(), r.Body.CaseworkerName!.Trim(), r.Body.AssignedOn!.Value) { By = r.Write.By }, null);
    }
}
