using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Flags;

/// <summary>Body of <c>POST /api/v1/cases/{id}/flags/{flagId}/acknowledge</c>.</summary>
/// <param name="Note">What is being done about it.</param>
/// <param name="AcknowledgedOn">Business date; today when left out.</param>
public sealed record AcknowledgeFlagRequest(string? Note, DateOnly? AcknowledgedOn);

/// <summary>Acknowledge a flag with a note; it stays visible until cleared.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="FlagId">The flag.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record AcknowledgeFlag(Guid CaseId, Guid FlagId, AcknowledgeFlagRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/flags/{flagId}/acknowledge</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/flags/{flagId:guid}/acknowledge",
                (Guid id, Guid flagId, AcknowledgeFlagRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new AcknowledgeFlag(id, flagId, body, w), ct))
            .CaseWrite("AcknowledgeFlag", "Flags", "Acknowledge a flag",
                "Notes who looked at the flag and what is being done. The flag stays in the review queue, marked acknowledged, until the scan clears it (or, for a concern, someone clears it by hand).", Infrastructure.Auth.Policies.Review);
    }

    /// <summary>Validator.</summary>
    public sealed class Validator : AbstractValidator<AcknowledgeFlag>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Note).RequiredLongText();
            RuleFor(c => c.Body.AcknowledgedOn).Must(d => d is null || d <= calendar.Today).WithMessage("acknowledgedOn cannot be in the future.");
        }
    }

    /// <summary>Handler.</summary>
    public sealed class Handler(CaseWriter writer, BusinessCalendar calendar) : FlagCommandHandler<AcknowledgeFlag>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.FlagCommand, Guid) ToDomain(AcknowledgeFlag r) =>
            (new Domain.Cases.AcknowledgeFlag(r.FlagId, r.Body.Note!.Trim(), r.Body.AcknowledgedOn ?? calendar.Today) { By = r.Write.FlagActor }, r.FlagId);
    }
}
