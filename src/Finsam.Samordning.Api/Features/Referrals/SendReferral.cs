using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Referrals;

/// <summary>Body of <c>POST /api/v1/cases/{id}/referrals</c>.</summary>
/// <param name="Kind">Kind of referral.</param>
/// <param name="To">Receiving party.</param>
/// <param name="Reason">What is asked and why.</param>
/// <param name="RespondBy">When an answer is expected.</param>
/// <param name="SentOn">Business date.</param>
public sealed record SendReferralRequest(ReferralKind? Kind, PartyCode? To, string? Reason, DateOnly? RespondBy, DateOnly? SentOn);

/// <summary>Send a referral.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record SendReferral(Guid CaseId, SendReferralRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/referrals</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/referrals",
                (Guid id, SendReferralRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new SendReferral(id, body, w), ct))
            .CaseWrite("SendReferral", "Referrals", "Send a referral",
                "The caller's party refers the person to, or asks something of, another party: remiss, begäran om underlag, intyg or konsultation. A party cannot refer to itself.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<SendReferral>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Kind).RequiredEnum();
            RuleFor(c => c.Body.To).RequiredEnum();
            RuleFor(c => c.Body.Reason).RequiredLongText();
            RuleFor(c => c.Body.RespondBy).PlannedDate(calendar)
                .Must((c, by) => by is null || c.Body.SentOn is null || by >= c.Body.SentOn).WithMessage("respondBy cannot be before sentOn.");
            RuleFor(c => c.Body.SentOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<SendReferral>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(SendReferral r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.SendReferral(id, r.Body.Kind!.Value, r.Body.To!.Value, r.Body.Reason!.Trim(), r.Body.RespondBy, r.Body.SentOn!.Value) { By = r.Write.By }, id);
        }
    }
}
