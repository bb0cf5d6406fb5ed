using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Assessments;

/// <summary>Body of <c>POST /api/v1/cases/{id}/assessments</c>.</summary>
/// <param name="Conclusion">Conclusion.</param>
/// <param name="Note">Optional note.</param>
/// <param name="ValidFrom">From when it applies.</param>
public sealed record AssessWorkCapacityRequest(WorkCapacityConclusion? Conclusion, string? Note, DateOnly? ValidFrom);

/// <summary>Record a work capacity assessment.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record AssessWorkCapacity(Guid CaseId, AssessWorkCapacityRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/assessments</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/assessments",
                (Guid id, AssessWorkCapacityRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new AssessWorkCapacity(id, body, w), ct))
            .CaseWrite("AssessWorkCapacity", "Assessments", "Record a work capacity assessment",
                "The caller's party records its assessment of the person's work capacity. Assessments of different parties are shown side by side: the raw material of the FK/AF gap.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<AssessWorkCapacity>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Conclusion).RequiredEnum();
            RuleFor(c => c.Body.Note).OptionalLongText();
            RuleFor(c => c.Body.ValidFrom).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<AssessWorkCapacity>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(AssessWorkCapacity r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.AssessWorkCapacity(id, r.Body.Conclusion!.Value, r.Body.Note, r.Body.ValidFrom!.Value) { By = r.Write.By }, id);
        }
    }
}
