using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Interventions;

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions</c>.</summary>
/// <param name="Kind">Kind code from the party's catalogue, or 'other'.</param>
/// <param name="Label">Name for 'other', or a more specific name.</param>
/// <param name="PlannedStart">When it is meant to start.</param>
/// <param name="PlannedOn">Business date of planning.</param>
public sealed record PlanInterventionRequest(string? Kind, string? Label, DateOnly? PlannedStart, DateOnly? PlannedOn);

/// <summary>Plan an insats.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record PlanIntervention(Guid CaseId, PlanInterventionRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/interventions</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/interventions",
                (Guid id, PlanInterventionRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new PlanIntervention(id, body, w), ct))
            .CaseWrite("PlanIntervention", "Interventions", "Plan an insats",
                "The caller's party plans an insats of a kind from its catalogue (GET /api/v1/catalogue/interventions), or 'other' with a label. The person now waits for it: the waiting clock starts. Any number of insatser of any parties may run at the same time.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<PlanIntervention>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Kind).RequiredShortText()
                .Must((c, kind) => c.Write.Caller.Party is not { } party || InterventionCatalogue.IsKnown(party, kind))
                .WithMessage(c => $"'{c.Body.Kind}' is not an insats {c.Write.Caller.Party} offers. Use one of: " +
                    string.Join(", ", InterventionCatalogue.For(c.Write.Caller.Party ?? PartyCode.AF).Select(k => k.Code)) + " (GET /api/v1/catalogue/interventions).");
            RuleFor(c => c.Body.Label).MaximumLength(Limits.ShortText)
                .Must((c, label) => c.Body.Kind != InterventionCatalogue.Other || !string.IsNullOrWhiteSpace(label)).WithMessage("label is required for kind 'other'.");
            RuleFor(c => c.Body.PlannedStart).NotNull().PlannedDate(calendar);
            RuleFor(c => c.Body.PlannedOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<PlanIntervention>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(PlanIntervention r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.PlanIntervention(id, r.Body.Kind!.Trim(), string.IsNullOrWhiteSpace(r.Body.Label) ? null : r.Body.Label.Trim(), r.Body.PlannedStart!.Value, r.Body.PlannedOn!.Value) { By = r.Write.By }, id);
        }
    }
}
