using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Referrals;

/// <summary>Body of <c>POST /api/v1/cases/{id}/referrals/{referralId}/accept</c>.</summary>
/// <param name="Unit">The receiving party's unit; required when the party joins by accepting.</param>
/// <param name="AcceptedOn">Business date.</param>
public sealed record AcceptReferralRequest(string? Unit, DateOnly? AcceptedOn);

/// <summary>Accept a referral.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record AcceptReferral(Guid CaseId, Guid ReferralId, AcceptReferralRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/referrals/{referralId}/accept</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/referrals/{referralId:guid}/accept",
                (Guid id, Guid referralId, AcceptReferralRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new AcceptReferral(id, referralId, body, w), ct))
            .CaseWrite("AcceptReferral", "Referrals", "Accept a referral",
                "The receiving party accepts. If it was not on the case it joins it, with the caller as caseworker and the given unit.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<AcceptReferral>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Unit).MaximumLength(Limits.Unit);
            RuleFor(c => c.Body.AcceptedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<AcceptReferral>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(AcceptReferral r) =>
            (new Domain.Cases.AcceptReferral(r.ReferralId, string.IsNullOrWhiteSpace(r.Body.Unit) ? null : r.Body.Unit.Trim(), r.Body.AcceptedOn!.Value) { By = r.Write.By }, r.ReferralId);
    }
}
