using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Parties;

/// <summary>Body of <c>POST /api/v1/cases/{id}/invitations</c>.</summary>
/// <param name="Party">The party invited to join.</param>
/// <param name="Reason">Why it is asked to join (it sees this before it answers).</param>
/// <param name="InvitedOn">Business date.</param>
public sealed record InvitePartyRequest(PartyCode? Party, string? Reason, DateOnly? InvitedOn);

/// <summary>Invite another party to the case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record InviteParty(Guid CaseId, InvitePartyRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/invitations</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/invitations",
                (Guid id, InvitePartyRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new InviteParty(id, body, w), ct))
            .CaseWrite("InviteParty", "Parties", "Invite a party to the case",
                "A party on the case invites another party. Until it answers, the invited party sees that the case exists, who is on it and the " +
                "invitation, nothing else; it joins only by accepting. Joining needs an accepted invitation or referral: no party puts itself on a case.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<InviteParty>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Party).RequiredEnum();
            RuleFor(c => c.Body.Reason).RequiredShortText();
            RuleFor(c => c.Body.InvitedOn).NotNull().Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<InviteParty>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(InviteParty r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.InviteParty(id, r.Body.Party!.Value, r.Body.Reason!.Trim(), r.Body.InvitedOn!.Value) { By = r.Write.By }, id);
        }
    }
}

/// <summary>Body of an answer to an invitation.</summary>
/// <param name="Unit">The unit that takes the case on (required to accept).</param>
/// <param name="Reason">Why the party declines (required to decline).</param>
/// <param name="AnsweredOn">Business date.</param>
public sealed record AnswerInvitationRequest(string? Unit, string? Reason, DateOnly? AnsweredOn);

/// <summary>The invited party accepts (and joins) or declines.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="InvitationId">The invitation.</param>
/// <param name="Accept">True to accept, false to decline.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record AnswerInvitation(Guid CaseId, Guid InvitationId, bool Accept, AnswerInvitationRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoints: <c>POST /api/v1/cases/{id}/invitations/{invitationId}/accept</c> and <c>…/decline</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api)
        {
            api.MapPost("/cases/{id:guid}/invitations/{invitationId:guid}/accept",
                    (Guid id, Guid invitationId, AnswerInvitationRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                        CaseWriteEndpoint.Send(http, mediator, w => new AnswerInvitation(id, invitationId, true, body, w), ct))
                .CaseWrite("AcceptInvitation", "Parties", "Accept an invitation",
                    "The invited party accepts and joins the case, with the caller as caseworker and the given unit.");
            api.MapPost("/cases/{id:guid}/invitations/{invitationId:guid}/decline",
                    (Guid id, Guid invitationId, AnswerInvitationRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                        CaseWriteEndpoint.Send(http, mediator, w => new AnswerInvitation(id, invitationId, false, body, w), ct))
                .CaseWrite("DeclineInvitation", "Parties", "Decline an invitation",
                    "The invited party declines, with a reason. It then has no relation to the case unless it was on it before.");
        }
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<AnswerInvitation>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Unit).RequiredShortText().MaximumLength(Limits.Unit).When(c => c.Accept);
            RuleFor(c => c.Body.Reason).RequiredShortText().When(c => !c.Accept);
            RuleFor(c => c.Body.AnsweredOn).NotNull().Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<AnswerInvitation>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(AnswerInvitation r) => r.Accept
            ? (new Domain.Cases.AcceptInvitation(r.InvitationId, r.Body.Unit!.Trim(), r.Body.AnsweredOn!.Value) { By = r.Write.By }, r.InvitationId)
            : (new Domain.Cases.DeclineInvitation(r.InvitationId, r.Body.Reason!.Trim(), r.Body.AnsweredOn!.Value) { By = r.Write.By }, r.InvitationId);
    }
}
