using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Consents;

/// <summary>Body of <c>POST /api/v1/cases/{id}/consents</c> and of an amendment: the consent as the person gave it.</summary>
/// <param name="Parties">Named parties: each discloses its own entries only once it has confirmed, and receives what the others confirmed.</param>
/// <param name="CoversForbund">Whether the förbund's samverkansledare is named as a recipient.</param>
/// <param name="Form">Written or oral.</param>
/// <param name="GivenOn">The day the person gave it (business date; asOf views show it from then).</param>
/// <param name="ValidFrom">First day it applies (not before givenOn).</param>
/// <param name="ValidUntil">Last day it applies, if limited.</param>
/// <param name="Categories">Kinds of information it opens: planAndMeetings, interventionsAndReferrals, contacts, assessments, benefitDecisions, notes. Omitted or empty: all.</param>
public sealed record RecordConsentRequest(
    IReadOnlyList<PartyCode>? Parties, bool? CoversForbund, ConsentForm? Form, DateOnly? GivenOn, DateOnly? ValidFrom, DateOnly? ValidUntil,
    IReadOnlyList<InformationCategory>? Categories = null)
{
    /// <summary>The domain's terms; call only after validation.</summary>
    public ConsentTerms ToTerms() => new(Parties!, CoversForbund!.Value, Form!.Value, GivenOn!.Value, ValidFrom!.Value, ValidUntil,
        Categories is { Count: > 0 } c ? c : Consent.AllCategories);
}

/// <summary>A command whose body is a consent's terms.</summary>
public interface IConsentCommand
{
    /// <summary>The consent as the person gave it.</summary>
    RecordConsentRequest Body { get; }
}

/// <summary>Validates a consent's terms, with the body's field names.</summary>
/// <typeparam name="T">The command.</typeparam>
public abstract class ConsentTermsValidator<T> : AbstractValidator<T>
    where T : IConsentCommand
{
    /// <summary>Creates the rules.</summary>
    protected ConsentTermsValidator(BusinessCalendar calendar)
    {
        RuleFor(c => c.Body.Parties).NotEmpty().WithMessage("Name at least one party the consent covers.");
        RuleForEach(c => c.Body.Parties).IsInEnum();
        RuleFor(c => c.Body.CoversForbund).NotNull();
        RuleFor(c => c.Body.Form).RequiredEnum();
        RuleFor(c => c.Body.GivenOn).NotNull().Happened(calendar);
        RuleFor(c => c.Body.ValidFrom).NotNull().PlannedDate(calendar)
            .Must((c, from) => from is null || c.Body.GivenOn is null || from >= c.Body.GivenOn).WithMessage("validFrom cannot be before givenOn.");
        RuleFor(c => c.Body.ValidUntil).PlannedDate(calendar)
            .Must((c, until) => until is null || c.Body.ValidFrom is null || until >= c.Body.ValidFrom).WithMessage("validUntil cannot be before validFrom.");
        RuleForEach(c => c.Body.Categories).IsInEnum();
    }
}

/// <summary>Record consent.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record RecordConsent(Guid CaseId, RecordConsentRequest Body, WriteContext Write) : ICaseCommand, IConsentCommand
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
                "Records the person's consent (samtycke) as given: the named parties, whether the förbund's samverkansledare is named, written or oral, " +
                "the day given, validity and the categories of information. Consent lifts the secrecy of the party that discloses: recording confirms it " +
                "for the recording party's own entries only; every other named party confirms (or declines) it itself.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator(BusinessCalendar calendar) : ConsentTermsValidator<RecordConsent>(calendar);

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer, BusinessCalendar calendar) : CaseCommandHandler<RecordConsent>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(RecordConsent r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.RecordConsent(id, r.Body.ToTerms(), calendar.Today) { By = r.Write.By }, id);
        }
    }
}

/// <summary>Amend or extend a consent: a new version linked to the one it replaces.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ConsentId">The version it replaces.</param>
/// <param name="Body">The consent as the person now gave it.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record AmendConsent(Guid CaseId, Guid ConsentId, RecordConsentRequest Body, WriteContext Write) : ICaseCommand, IConsentCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/consents/{consentId}/amend</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/consents/{consentId:guid}/amend",
                (Guid id, Guid consentId, RecordConsentRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new AmendConsent(id, consentId, body, w), ct))
            .CaseWrite("AmendConsent", "Consents", "Amend or extend a consent",
                "Records a new version of a consent (other parties, categories or dates) linked to the one it replaces, which ends on the day the new one " +
                "was given. The history keeps every version. Like a new consent, it is confirmed for the recording party only; the others confirm again. " +
                "Answers with the new version's id.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator(BusinessCalendar calendar) : ConsentTermsValidator<AmendConsent>(calendar);

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer, BusinessCalendar calendar) : CaseCommandHandler<AmendConsent>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(AmendConsent r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.AmendConsent(r.ConsentId, id, r.Body.ToTerms(), calendar.Today) { By = r.Write.By }, id);
        }
    }
}
