using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Consents;

/// <summary>Body of <c>POST /api/v1/cases/{id}/consents</c>.</summary>
/// <param name="Parties">Parties the consent covers.</param>
/// <param name="CoversForbund">Whether the förbund's samverkansledare may read.</param>
/// <param name="Form">Written or oral.</param>
/// <param name="ValidFrom">First day it applies.</param>
/// <param name="ValidUntil">Last day it applies, if limited.</param>
public sealed record RecordConsentRequest(IReadOnlyList<PartyCode>? Parties, bool? CoversForbund, ConsentForm? Form, DateOnly? ValidFrom, DateOnly? ValidUntil);

/// <summary>Record consent.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record RecordConsent(Guid CaseId, RecordConsentRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/consents</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/consents",
                (Guid id, RecordConsentRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new RecordConsent(id, body, w), ct))
            .CaseWrite("RecordConsent", "Consents", "Record consent",
                "Records the person's consent (samtycke) to sharing between the named parties, and whether it covers the förbund's samverkansledare. Written or oral; oral consent is allowed but recorded.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<RecordConsent>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Parties).NotEmpty().WithMessage("Name at least one party the consent covers.");
            RuleForEach(c => c.Body.Parties).IsInEnum();
            RuleFor(c => c.Body.CoversForbund).NotNull();
            RuleFor(c => c.Body.Form).RequiredEnum();
            RuleFor(c => c.Body.ValidFrom).NotNull().PlannedDate(calendar);
            RuleFor(c => c.Body.ValidUntil).PlannedDate(calendar)
                .Must((c, until) => until is null || c.Body.ValidFrom is null || until >= c.Body.ValidFrom).WithMessage("validUntil cannot be before validFrom.");
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(IDocumentSession session, BusinessCalendar calendar) : CaseCommandHandler<RecordConsent>(session)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(RecordConsent r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.RecordConsent(id, r.Body.Parties!, r.Body.CoversForbund!.Value, r.Body.Form!.Value, r.Body.ValidFrom!.Value, r.Body.ValidUntil, calendar.Today) { By = r.Write.By }, id);
        }
    }
}
