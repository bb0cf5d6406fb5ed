using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Sip;

/// <summary>Body of <c>POST /api/v1/cases/{id}/sip-meetings</c>.</summary>
/// <param name="MeetingOn">The meeting's date.</param>
/// <param name="InvitedParties">Parties invited.</param>
/// <param name="ScheduledOn">Business date of scheduling.</param>
public sealed record ScheduleSipMeetingRequest(DateOnly? MeetingOn, IReadOnlyList<PartyCode>? InvitedParties, DateOnly? ScheduledOn);

/// <summary>Schedule a SIP meeting.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record ScheduleSipMeeting(Guid CaseId, ScheduleSipMeetingRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/sip-meetings</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/sip-meetings",
                (Guid id, ScheduleSipMeetingRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new ScheduleSipMeeting(id, body, w), ct))
            .CaseWrite("ScheduleSipMeeting", "SIP", "Schedule a SIP meeting",
                "Schedules a SIP meeting (samordnad individuell plan) and names the invited parties.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<ScheduleSipMeeting>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.MeetingOn).NotNull().PlannedDate(calendar)
                .Must((c, on) => on is null || c.Body.ScheduledOn is null || on >= c.Body.ScheduledOn).WithMessage("meetingOn cannot be before scheduledOn.");
            RuleFor(c => c.Body.InvitedParties).NotEmpty().WithMessage("Invite at least one party.");
            RuleForEach(c => c.Body.InvitedParties).IsInEnum();
            RuleFor(c => c.Body.ScheduledOn).Happened(calendar);
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<ScheduleSipMeeting>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(ScheduleSipMeeting r)
        {
            var id = Guid.CreateVersion7();
            return (new Domain.Cases.ScheduleSipMeeting(id, r.Body.MeetingOn!.Value, r.Body.InvitedParties!, r.Body.ScheduledOn!.Value) { By = r.Write.By }, id);
        }
    }
}
