using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Referrals;

/// <summary>Body of <c>POST /api/v1/cases/{id}/referrals/{referralId}/decline</c>.</summary>
/// <param name="Reason">Why.</param>
/// <param name="DeclinedOn">Business date.</param>
public sealed record DeclineReferralRequest(string? Reason, DateOnly? DeclinedOn);

/// <summary>Decline a referral.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record DeclineReferral(Guid CaseId, Guid ReferralId, DeclineReferralRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/referrals/{referralId}/decline</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/referrals/{referralId:guid}/decline",
                (Guid id, Guid referralId, DeclineReferralRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new DeclineReferral(id, referralId, body, w), ct))
            .CaseWrite("DeclineReferral", "Referrals", "Decline a referral",
                "The receiving party declines, with a reason the sender can act on (e.g. wrong unit).");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<DeclineReferral>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Reason).RequiredLongText();
            RuleFor(c => c.Body.DeclinedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<DeclineReferral>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(DeclineReferral r) =>
            (new Domain.Cases.DeclineReferral(r.ReferralId, r.Body.Reason!.Trim(), r.Body.DeclinedOn!.Value) { By = r.Write.By }, r.ReferralId);
    }
}
