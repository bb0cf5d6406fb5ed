using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Consents;

/// <summary>Body of a named party's answer to a consent.</summary>
/// <param name="Reason">Why it declines (required to decline, ignored when confirming).</param>
public sealed record AnswerConsentRequest(string? Reason);

/// <summary>A named party confirms or declines disclosing its entries under a consent.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ConsentId">The consent version.</param>
/// <param name="Confirm">True to confirm, false to decline.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record AnswerConsent(Guid CaseId, Guid ConsentId, bool Confirm, AnswerConsentRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoints: <c>POST /api/v1/cases/{id}/consents/{consentId}/confirm</c> and <c>…/decline</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api)
        {
            api.MapPost("/cases/{id:guid}/consents/{consentId:guid}/confirm",
                    (Guid id, Guid consentId, AnswerConsentRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                        CaseWriteEndpoint.Send(http, mediator, w => new AnswerConsent(id, consentId, true, body, w), ct))
                .CaseWrite("ConfirmConsent", "Consents", "Confirm a consent for your party",
                    "Your party, named in the consent, confirms it: from now on, while the consent is active, the other named parties (and the förbund, " +
                    "if named) see your party's entries of the categories it covers. Nobody can open another party's entries for it.");
            api.MapPost("/cases/{id:guid}/consents/{consentId:guid}/decline",
                    (Guid id, Guid consentId, AnswerConsentRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                        CaseWriteEndpoint.Send(http, mediator, w => new AnswerConsent(id, consentId, false, body, w), ct))
                .CaseWrite("DeclineConsent", "Consents", "Decline a consent for your party",
                    "Your party, named in the consent, declines to disclose under it (with a reason); your entries stay withheld from the others.");
        }
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<AnswerConsent>
    {
        /// <summary>Rules.</summary>
        public Validator() => RuleFor(c => c.Body.Reason).RequiredShortText().When(c => !c.Confirm).OverridePropertyName("reason");
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer, BusinessCalendar calendar) : CaseCommandHandler<AnswerConsent>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(AnswerConsent r) => r.Confirm
            ? (new Domain.Cases.ConfirmConsent(r.ConsentId, calendar.Today) { By = r.Write.By }, r.ConsentId)
            : (new Domain.Cases.DeclineConsent(r.ConsentId, r.Body.Reason!.Trim(), calendar.Today) { By = r.Write.By }, r.ConsentId);
    }
}
