using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Consents;

/// <summary>Body of <c>POST /api/v1/cases/{id}/consents/{consentId}/revoke</c>.</summary>
/// <param name="EffectiveOn">First day the consent no longer applies.</param>
public sealed record RevokeConsentRequest(DateOnly? EffectiveOn);

/// <summary>Revoke consent.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ConsentId">The consent.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record RevokeConsent(Guid CaseId, Guid ConsentId, RevokeConsentRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/consents/{consentId}/revoke</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/consents/{consentId:guid}/revoke",
                (Guid id, Guid consentId, RevokeConsentRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new RevokeConsent(id, consentId, body, w), ct))
            .CaseWrite("RevokeConsent", "Consents", "Revoke consent",
                "Records that the person withdrew a consent. Sharing under it ends from the effective date.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<RevokeConsent>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.EffectiveOn).NotNull().PlannedDate(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer, BusinessCalendar calendar) : CaseCommandHandler<RevokeConsent>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(RevokeConsent r) =>
            (new Domain.Cases.RevokeConsent(r.ConsentId, r.Body.EffectiveOn!.Value, calendar.Today) { By = r.Write.By }, r.ConsentId);
    }
}
