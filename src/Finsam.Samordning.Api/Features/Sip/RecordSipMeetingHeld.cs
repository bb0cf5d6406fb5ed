using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Sip;

/// <summary>Body of <c>POST /api/v1/cases/{id}/sip-meetings/{meetingId}/held</c>.</summary>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="Participants">Parties that took part.</param>
/// <param name="IndividualTookPart">Whether the person took part.</param>
/// <param name="Decisions">What was agreed.</param>
/// <param name="NextFollowUpOn">Next follow-up date.</param>
public sealed record RecordSipMeetingHeldRequest(DateOnly? HeldOn, IReadOnlyList<PartyCode>? Participants, bool? IndividualTookPart, string? Decisions, DateOnly? NextFollowUpOn);

/// <summary>Record a SIP meeting as held.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Body">The request body.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record RecordSipMeetingHeld(Guid CaseId, Guid MeetingId, RecordSipMeetingHeldRequest Body, WriteContext Write) : ICaseCommand
{
    /// <summary>Endpoint: <c>POST /api/v1/cases/{id}/sip-meetings/{meetingId}/held</c>.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases/{id:guid}/sip-meetings/{meetingId:guid}/held",
                (Guid id, Guid meetingId, RecordSipMeetingHeldRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    CaseWriteEndpoint.Send(http, mediator, w => new RecordSipMeetingHeld(id, meetingId, body, w), ct))
            .CaseWrite("RecordSipMeetingHeld", "SIP", "Record a SIP meeting as held",
                "Records that the meeting was held: participants, whether the person took part, the decisions, and the next follow-up date.");
    }

    /// <summary>Validates the body.</summary>
    public sealed class Validator : AbstractValidator<RecordSipMeetingHeld>
    {
        /// <summary>Rules.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.HeldOn).Happened(calendar);
            RuleFor(c => c.Body.Participants).NotEmpty().WithMessage("Name at least one participating party.");
            RuleForEach(c => c.Body.Participants).IsInEnum();
            RuleFor(c => c.Body.IndividualTookPart).NotNull();
            RuleFor(c => c.Body.Decisions).RequiredLongText();
            RuleFor(c => c.Body.NextFollowUpOn).PlannedDate(calendar)
                .Must((c, next) => next is null || c.Body.HeldOn is null || next > c.Body.HeldOn).WithMessage("nextFollowUpOn must be after heldOn.");
        }
    }

    /// <summary>Maps the request to the domain command.</summary>
    public sealed class Handler(CaseWriter writer) : CaseCommandHandler<RecordSipMeetingHeld>(writer)
    {
        /// <inheritdoc />
        protected override (Domain.Cases.CaseCommand, Guid?) ToDomain(RecordSipMeetingHeld r) =>
            (new Domain.Cases.RecordSipMeetingHeld(r.MeetingId, r.Body.HeldOn!.Value, r.Body.Participants!, r.Body.IndividualTookPart!.Value, r.Body.Decisions!.Trim(), r.Body.NextFollowUpOn) { By = r.Write.By }, r.MeetingId);
    }
}
