using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Plan;

/// <summary>Body of <c>POST /api/v1/cases/{id}/plan/goals</c>.</summary>
/// <param name="Area">Life area.</param>
/// <param name="StatedBy">Individual or Professionals.</param>
/// <param name="Text">The goal, in the stater's words.</param>
/// <param name="SetOn">Business date.</param>
public sealed record SetGoalRequest(PlanArea? Area, GoalStatedBy? StatedBy, string? Text, DateOnly? SetOn);

/// <summary>Set a goal.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record SetGoal(Guid CaseId, SetGoalRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/plan/goals</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/plan/goals",
                (Guid id, SetGoalRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new SetGoal(id, body, w), ct))
            .CaseWrite("SetGoal", "Plan", "Set a goal",
                "Adds a goal by life area (arbete, studier, hälsa, försörjning, boende, vardag), stated by the person themselves or by the professionals. Both are kept and shown side by side.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<SetGoal>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Area).RequiredEnum();
            RuleFor(c => c.Body.StatedBy).RequiredEnum();
            RuleFor(c => c.Body.Text).RequiredLongText();
            RuleFor(c => c.Body.SetOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<SetGoal>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(SetGoal r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.SetGoal(id, r.Body.Area!.Value, r.Body.StatedBy!.Value, r.Body.Text!.Trim(), r.Body.SetOn!.Value) { By = r.Write.By }, id);
        }
    }
}
