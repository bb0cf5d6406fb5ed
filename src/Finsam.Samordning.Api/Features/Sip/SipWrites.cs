using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.Sip;

/// <summary>Someone at the SIP table from outside the förbund's parties (no account).</summary>
/// <param name="Kind">Narstaende, GodMan, School, OutsideUnit or Other.</param>
/// <param name="Name">Their name.</param>
/// <param name="Role">Their role, e.g. "mamma", "mentor".</param>
public sealed record OutsideParticipantRequest(OutsideParticipantKind? Kind, string? Name, string? Role)
{
    internal OutsideParticipant ToDomain() => new(Kind!.Value, Name!.Trim(), Role!.Trim());

    internal static IReadOnlyList<OutsideParticipant>? ToDomain(IReadOnlyList<OutsideParticipantRequest>? list) =>
        list is null ? null : [.. list.Select(p => p.ToDomain())];

    /// <summary>The rules for one participant.</summary>
    internal static readonly InlineValidator<OutsideParticipantRequest> Validator = Create();

    internal static void Rules<T>(IRuleBuilderInitialCollection<T, OutsideParticipantRequest> each) => each.NotNull().SetValidator(Validator);

    private static InlineValidator<OutsideParticipantRequest> Create()
    {
        var p = new InlineValidator<OutsideParticipantRequest>();
        p.RuleFor(x => x.Kind).RequiredEnum();
        p.RuleFor(x => x.Name).RequiredShortText();
        p.RuleFor(x => x.Role).RequiredShortText();
        return p;
    }
}

/// <summary>Body of <c>POST /api/v1/cases/{id}/sip-meetings</c>.</summary>
/// <param name="MeetingOn">The meeting's date.</param>
/// <param name="InvitedParties">Parties invited; each must be on the case and named in a consent in force for plan and meetings.</param>
/// <param name="ScheduledOn">Business date of the invitation (kallelse).</param>
/// <param name="Form">InPerson (default), Video or Phone.</param>
/// <param name="Place">Where, for a meeting in person.</param>
/// <param name="IndividualInvited">Whether the person is invited (default true: it is their plan).</param>
/// <param name="OtherParticipants">Others invited: närstående, god man, school, a unit outside the förbund.</param>
public sealed record ScheduleSipMeetingRequest(DateOnly? MeetingOn, IReadOnlyList<PartyCode>? InvitedParties, DateOnly? ScheduledOn,
    MeetingForm? Form = null, string? Place = null, bool? IndividualInvited = null, IReadOnlyList<OutsideParticipantRequest>? OtherParticipants = null);

/// <summary>Body of <c>POST /api/v1/cases/{id}/sip-meetings/{meetingId}/accept</c>.</summary>
/// <param name="AnsweredOn">Business date of the answer.</param>
public sealed record AcceptSipInvitationRequest(DateOnly? AnsweredOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/sip-meetings/{meetingId}/decline</c>.</summary>
/// <param name="Reason">Why the party will not come.</param>
/// <param name="AnsweredOn">Business date of the answer.</param>
public sealed record DeclineSipInvitationRequest(string? Reason, DateOnly? AnsweredOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/sip-meetings/{meetingId}/reschedule</c>.</summary>
/// <param name="MeetingOn">The new date.</param>
/// <param name="Reason">Why it moves.</param>
/// <param name="RescheduledOn">Business date.</param>
public sealed record RescheduleSipMeetingRequest(DateOnly? MeetingOn, string? Reason, DateOnly? RescheduledOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/sip-meetings/{meetingId}/cancel</c>.</summary>
/// <param name="Reason">Why it is called off.</param>
/// <param name="CancelledOn">Business date.</param>
public sealed record CancelSipMeetingRequest(string? Reason, DateOnly? CancelledOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/sip-meetings/{meetingId}/not-held</c>.</summary>
/// <param name="Reason">Why it did not take place.</param>
/// <param name="RecordedOn">Business date, on or after the meeting's date.</param>
public sealed record RecordSipMeetingNotHeldRequest(string? Reason, DateOnly? RecordedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/sip-meetings/{meetingId}/held</c>.</summary>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="Participants">Parties that took part.</param>
/// <param name="IndividualTookPart">Whether the person took part.</param>
/// <param name="Decisions">What was agreed.</param>
/// <param name="NextFollowUpOn">Next follow-up date.</param>
/// <param name="OthersPresent">Participants from outside the förbund's parties who were there.</param>
public sealed record RecordSipMeetingHeldRequest(DateOnly? HeldOn, IReadOnlyList<PartyCode>? Participants, bool? IndividualTookPart, string? Decisions,
    DateOnly? NextFollowUpOn, IReadOnlyList<OutsideParticipantRequest>? OthersPresent = null);

/// <summary>SIP meetings (samordnad individuell plan): called, answered, moved or cancelled, then held or not.</summary>
internal sealed class SipWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<ScheduleSipMeetingRequest>("sip-meetings", "ScheduleSipMeeting", "SIP", "Call a SIP meeting",
            "Calls a SIP meeting (kallelse): date, form (in person, video, phone), place, the invited parties, whether the person is invited, " +
            "and others invited from outside the förbund (närstående, god man, school, another unit: name and role). Consent comes before the " +
            "invitation: a party no consent in force names for plan and meetings cannot be invited (409 sip.party-not-covered-by-consent), and " +
            "the meeting lists the parties on the case left out for that reason.",
            (b, c) => new ScheduleSipMeeting(c.NewId(), b.MeetingOn!.Value, b.InvitedParties!, b.ScheduledOn!.Value, b.Form ?? MeetingForm.InPerson,
                Input.Optional(b.Place), b.IndividualInvited ?? true, OutsideParticipantRequest.ToDomain(b.OtherParticipants)) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.MeetingOn).NotNull().PlannedDate(calendar)
                    .Must((b, on) => on is null || b.ScheduledOn is null || on >= b.ScheduledOn).WithMessage("meetingOn cannot be before scheduledOn.");
                v.RuleFor(b => b.InvitedParties).NotEmpty().WithMessage("Invite at least one party.");
                v.RuleForEach(b => b.InvitedParties).IsInEnum();
                v.RuleFor(b => b.ScheduledOn).Happened(calendar);
                v.RuleFor(b => b.Form).IsInEnum();
                v.RuleFor(b => b.Place).MaximumLength(Limits.ShortText);
                OutsideParticipantRequest.Rules(v.RuleForEach(b => b.OtherParticipants));
            })
        .Write<AcceptSipInvitationRequest>("sip-meetings/{meetingId:guid}/accept", "AcceptSipInvitation", "SIP", "Accept an invitation to a SIP meeting",
            "The caller's party says it will come. Only an invited party answers, once per date (a rescheduled meeting asks again).",
            (b, c) => new AnswerSipInvitation(c.Id("meetingId"), true, null, b.AnsweredOn!.Value) { By = c.By },
            (v, calendar) => v.RuleFor(b => b.AnsweredOn).Happened(calendar))
        .Write<DeclineSipInvitationRequest>("sip-meetings/{meetingId:guid}/decline", "DeclineSipInvitation", "SIP", "Decline an invitation to a SIP meeting",
            "The caller's party says it will not come, and why. A party that declined is not counted as absent (PartyAbsentFromSip).",
            (b, c) => new AnswerSipInvitation(c.Id("meetingId"), false, b.Reason!.Trim(), b.AnsweredOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.AnsweredOn).Happened(calendar);
            })
        .Write<RescheduleSipMeetingRequest>("sip-meetings/{meetingId:guid}/reschedule", "RescheduleSipMeeting", "SIP", "Move a SIP meeting",
            "The party that called the meeting moves it to a new date, with a reason. The invited parties answer again for the new date.",
            (b, c) => new RescheduleSipMeeting(c.Id("meetingId"), b.MeetingOn!.Value, b.Reason!.Trim(), b.RescheduledOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.MeetingOn).NotNull().PlannedDate(calendar);
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.RescheduledOn).Happened(calendar);
            })
        .Write<CancelSipMeetingRequest>("sip-meetings/{meetingId:guid}/cancel", "CancelSipMeeting", "SIP", "Cancel a SIP meeting",
            "The party that called the meeting calls it off, with a reason. A cancelled meeting is never the next meeting.",
            (b, c) => new CancelSipMeeting(c.Id("meetingId"), b.Reason!.Trim(), b.CancelledOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.CancelledOn).Happened(calendar);
            })
        .Write<RecordSipMeetingNotHeldRequest>("sip-meetings/{meetingId:guid}/not-held", "RecordSipMeetingNotHeld", "SIP", "Record a SIP meeting as not held",
            "Records that the meeting's day came and it did not take place, and why. Not before the meeting's date.",
            (b, c) => new RecordSipMeetingNotHeld(c.Id("meetingId"), b.Reason!.Trim(), b.RecordedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.RecordedOn).Happened(calendar);
            })
        .Write<RecordSipMeetingHeldRequest>("sip-meetings/{meetingId:guid}/held", "RecordSipMeetingHeld", "SIP", "Record a SIP meeting as held",
            "Records that the meeting was held: the parties and others as they actually were there, whether the person took part, the decisions, and the next follow-up date.",
            (b, c) => new RecordSipMeetingHeld(c.Id("meetingId"), b.HeldOn!.Value, b.Participants!, b.IndividualTookPart!.Value, b.Decisions!.Trim(), b.NextFollowUpOn,
                OutsideParticipantRequest.ToDomain(b.OthersPresent)) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.HeldOn).Happened(calendar);
                v.RuleFor(b => b.Participants).NotEmpty().WithMessage("Name at least one participating party.");
                v.RuleForEach(b => b.Participants).IsInEnum();
                v.RuleFor(b => b.IndividualTookPart).NotNull();
                v.RuleFor(b => b.Decisions).RequiredLongText();
                v.RuleFor(b => b.NextFollowUpOn).PlannedDate(calendar)
                    .Must((b, next) => next is null || b.HeldOn is null || next > b.HeldOn).WithMessage("nextFollowUpOn must be after heldOn.");
                OutsideParticipantRequest.Rules(v.RuleForEach(b => b.OthersPresent));
            });
}
