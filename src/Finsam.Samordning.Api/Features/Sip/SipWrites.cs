using Finsam.Samordning.Api.Features.CaseWrites;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;

namespace Finsam.Samordning.Api.Features.Sip;

/// <summary>Body of <c>POST /api/v1/cases/{id}/sip-meetings</c>.</summary>
/// <param name="MeetingOn">The meeting's date.</param>
/// <param name="InvitedParties">Parties invited.</param>
/// <param name="ScheduledOn">Business date of scheduling.</param>
public sealed record ScheduleSipMeetingRequest(DateOnly? MeetingOn, IReadOnlyList<PartyCode>? InvitedParties, DateOnly? ScheduledOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/sip-meetings/{meetingId}/held</c>.</summary>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="Participants">Parties that took part.</param>
/// <param name="IndividualTookPart">Whether the person took part.</param>
/// <param name="Decisions">What was agreed.</param>
/// <param name="NextFollowUpOn">Next follow-up date.</param>
public sealed record RecordSipMeetingHeldRequest(DateOnly? HeldOn, IReadOnlyList<PartyCode>? Participants, bool? IndividualTookPart, string? Decisions, DateOnly? NextFollowUpOn);

/// <summary>SIP meetings (samordnad individuell plan): scheduled, then recorded as held.</summary>
internal sealed class SipWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<ScheduleSipMeetingRequest>("sip-meetings", "ScheduleSipMeeting", "SIP", "Schedule a SIP meeting",
            "Schedules a SIP meeting (samordnad individuell plan) and names the invited parties.",
            (b, c) => new ScheduleSipMeeting(c.NewId(), b.MeetingOn!.Value, b.InvitedParties!, b.ScheduledOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.MeetingOn).NotNull().PlannedDate(calendar)
                    .Must((b, on) => on is null || b.ScheduledOn is null || on >= b.ScheduledOn).WithMessage("meetingOn cannot be before scheduledOn.");
                v.RuleFor(b => b.InvitedParties).NotEmpty().WithMessage("Invite at least one party.");
                v.RuleForEach(b => b.InvitedParties).IsInEnum();
                v.RuleFor(b => b.ScheduledOn).Happened(calendar);
            })
        .Write<RecordSipMeetingHeldRequest>("sip-meetings/{meetingId:guid}/held", "RecordSipMeetingHeld", "SIP", "Record a SIP meeting as held",
            "Records that the meeting was held: participants, whether the person took part, the decisions, and the next follow-up date.",
            (b, c) => new RecordSipMeetingHeld(c.Id("meetingId"), b.HeldOn!.Value, b.Participants!, b.IndividualTookPart!.Value, b.Decisions!.Trim(), b.NextFollowUpOn) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.HeldOn).Happened(calendar);
                v.RuleFor(b => b.Participants).NotEmpty().WithMessage("Name at least one participating party.");
                v.RuleForEach(b => b.Participants).IsInEnum();
                v.RuleFor(b => b.IndividualTookPart).NotNull();
                v.RuleFor(b => b.Decisions).RequiredLongText();
                v.RuleFor(b => b.NextFollowUpOn).PlannedDate(calendar)
                    .Must((b, next) => next is null || b.HeldOn is null || next > b.HeldOn).WithMessage("nextFollowUpOn must be after heldOn.");
            });
}
