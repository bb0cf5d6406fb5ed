using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Contacts;

/// <summary>Body of <c>POST /api/v1/cases/{id}/contacts</c>.</summary>
/// <param name="Kind">Kind of contact.</param>
/// <param name="NoShow">The person did not come or answer.</param>
/// <param name="Note">Optional note.</param>
/// <param name="OccurredOn">Business date.</param>
public sealed record LogContactRequest(ContactKind? Kind, bool? NoShow, string? Note, DateOnly? OccurredOn);

/// <summary>Log a contact.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record LogContact(Guid CaseId, LogContactRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/contacts</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/contacts",
                (Guid id, LogContactRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new LogContact(id, body, w), ct))
            .CaseWrite("LogContact", "Contacts", "Log a contact",
                "The caller's party logs a contact with the person: meeting, phone, home visit, letter or digital, and whether the person did not show.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<LogContact>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Kind).RequiredEnum();
            RuleFor(c => c.Body.Note).OptionalLongText();
            RuleFor(c => c.Body.OccurredOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<LogContact>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(LogContact r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.LogContact(id, r.Body.Kind!.Value, r.Body.NoShow ?? false, r.Body.Note, r.Body.OccurredOn!.Value) { By = r.Write.By }, id);
        }
    }
}
