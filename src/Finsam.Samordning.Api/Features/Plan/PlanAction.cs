using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Plan;

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/actions</c>.</summary>
/// <param name="Description">What is to be done.</param>
/// <param name="ResponsibleParty">The responsible party; leave out when the person is responsible.</param>
/// <param name="IndividualResponsible">True when the person themselves is responsible.</param>
/// <param name="GoalId">The goal it serves, if any.</param>
/// <param name="DueOn">Due date.</param>
/// <param name="PlannedOn">Business date.</param>
public sealed record PlanActionRequest(string? Description, PartyCode? ResponsibleParty, bool? IndividualResponsible, Guid? GoalId, DateOnly? DueOn, DateOnly? PlannedOn);

/// <summary>Plan an action.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record PlanAction(Guid CaseId, PlanActionRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/plan/actions</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/plan/actions",
                (Guid id, PlanActionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new PlanAction(id, body, w), ct))
            .CaseWrite("PlanAction", "Plan", "Plan an action",
                "Adds an action to the shared plan: what is to be done, by a party on the case or by the person themselves (individualResponsible), by when.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<PlanAction>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Description).RequiredLongText();
            RuleFor(c => c.Body.ResponsibleParty).IsInEnum()
                .Must((c, p) => (p is null) == (c.Body.IndividualResponsible == true)).WithMessage("Give either responsibleParty or individualResponsible: true.");
            RuleFor(c => c.Body.DueOn).NotNull().PlannedDate(calendar);
            RuleFor(c => c.Body.PlannedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<PlanAction>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(PlanAction r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.PlanAction(id, r.Body.Description!.Trim(), r.Body.ResponsibleParty, r.Body.GoalId, r.Body.DueOn!.Value, r.Body.PlannedOn!.Value) { By = r.Write.By }, id);
        }
    }
}
