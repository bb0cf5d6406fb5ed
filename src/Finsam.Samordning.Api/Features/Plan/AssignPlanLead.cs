using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Plan;

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/lead</c>.</summary>
/// <param name="Party">The plan lead.</param>
/// <param name="AssignedOn">Business date.</param>
public sealed record AssignPlanLeadRequest(PartyCode? Party, DateOnly? AssignedOn);

/// <summary>Assign the plan lead.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record AssignPlanLead(Guid CaseId, AssignPlanLeadRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/plan/lead</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/plan/lead",
                (Guid id, AssignPlanLeadRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new AssignPlanLead(id, body, w), ct))
            .CaseWrite("AssignPlanLead", "Plan", "Assign the plan lead",
                "Makes a party on the case planeringsansvarig: the one holding the plan together, so somebody owns the problem.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<AssignPlanLead>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Party).RequiredEnum();
            RuleFor(c => c.Body.AssignedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<AssignPlanLead>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(AssignPlanLead r) =>
            (new Domain.Cases.AssignPlanLead(r.Body.Party!.Value, r.Body.AssignedOn!.Value) { By = r.Write.By }, null);
    }
}
