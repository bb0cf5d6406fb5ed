namespace Finsam.Samordning.Domain.Cases;

// SIP meetings: calling, answering, moving, cancelling, and what happened.
// One area of the case: its events, commands and decisions, and the part of the decider's state
// they read. README, "How to add a command".

/// <summary>
/// Someone at the SIP table from outside the förbund's parties: a närstående, a god man, the
/// school, another unit. They have no account; name and role are free text about the person's
/// circle, so both are sealed like notes.
/// </summary>
/// <param name="Kind">Who they are to the person.</param>
/// <param name="Name">Their name.</param>
/// <param name="Role">Their role in their own words (e.g. "mamma", "mentor").</param>
public sealed record OutsideParticipant(OutsideParticipantKind Kind, string Name, string Role)
{
    /// <summary>The participant with name and role passed through <paramref name="map"/>.</summary>
    public OutsideParticipant MapText(Func<string?, string?> map) => this with { Name = map(Name)!, Role = map(Role)! };

    /// <summary>Every participant of a list through <paramref name="map"/>; null stays null.</summary>
    public static IReadOnlyList<OutsideParticipant>? MapAll(IReadOnlyList<OutsideParticipant>? list, Func<string?, string?> map) =>
        list is null ? null : [.. list.Select(p => p.MapText(map))];
}

/// <summary>A SIP meeting was called (kallelse).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="MeetingId">Meeting id.</param>
/// <param name="MeetingOn">The meeting's date.</param>
/// <param name="InvitedParties">Parties invited.</param>
/// <param name="ScheduledOn">Business date of scheduling.</param>
/// <param name="ScheduledBy">The party that called it (the organiser).</param>
/// <param name="Form">In person, video or phone.</param>
/// <param name="Place">Where, if in person.</param>
/// <param name="IndividualInvited">Whether the person was invited (they should be: it is their plan).</param>
/// <param name="OthersInvited">Invited participants from outside the förbund's parties.</param>
/// <param name="NotCoveredByConsent">Parties on the case that could not be invited because no consent in force names them.</param>
[SecretAs(InformationCategory.PlanAndMeetings)]
public sealed record SipMeetingScheduled(
    Guid CaseId, Guid MeetingId, DateOnly MeetingOn, IReadOnlyList<PartyCode> InvitedParties, DateOnly ScheduledOn, PartyCode ScheduledBy,
    MeetingForm Form = MeetingForm.InPerson, string? Place = null, bool IndividualInvited = false,
    IReadOnlyList<OutsideParticipant>? OthersInvited = null, IReadOnlyList<PartyCode>? NotCoveredByConsent = null) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Place = map(Place), OthersInvited = OutsideParticipant.MapAll(OthersInvited, map) };

    /// <inheritdoc />
    public DateOnly BusinessDate => ScheduledOn;
}

/// <summary>An invited party said it will come.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="MeetingId">Meeting id.</param>
/// <param name="Party">The answering party.</param>
/// <param name="AnsweredOn">Business date.</param>
[SecretAs(InformationCategory.PlanAndMeetings)]
public sealed record SipInvitationAccepted(Guid CaseId, Guid MeetingId, PartyCode Party, DateOnly AnsweredOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AnsweredOn;
}

/// <summary>An invited party said it will not come.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="MeetingId">Meeting id.</param>
/// <param name="Party">The answering party.</param>
/// <param name="Reason">Why.</param>
/// <param name="AnsweredOn">Business date.</param>
[SecretAs(InformationCategory.PlanAndMeetings)]
public sealed record SipInvitationDeclined(Guid CaseId, Guid MeetingId, PartyCode Party, string Reason, DateOnly AnsweredOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => AnsweredOn;
}

/// <summary>A SIP meeting was moved to another day; the invited parties answer again.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="MeetingId">Meeting id.</param>
/// <param name="MeetingOn">The new date.</param>
/// <param name="PreviousOn">The date it had.</param>
/// <param name="Reason">Why.</param>
/// <param name="RescheduledOn">Business date.</param>
[SecretAs(InformationCategory.PlanAndMeetings)]
public sealed record SipMeetingRescheduled(Guid CaseId, Guid MeetingId, DateOnly MeetingOn, DateOnly PreviousOn, string Reason, DateOnly RescheduledOn)
    : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => RescheduledOn;
}

/// <summary>A SIP meeting was called off before its day.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="MeetingId">Meeting id.</param>
/// <param name="Reason">Why.</param>
/// <param name="CancelledOn">Business date.</param>
[SecretAs(InformationCategory.PlanAndMeetings)]
public sealed record SipMeetingCancelled(Guid CaseId, Guid MeetingId, string Reason, DateOnly CancelledOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => CancelledOn;
}

/// <summary>A SIP meeting's day came and it did not take place.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="MeetingId">Meeting id.</param>
/// <param name="Reason">Why.</param>
/// <param name="RecordedOn">Business date (on or after the meeting's date).</param>
[SecretAs(InformationCategory.PlanAndMeetings)]
public sealed record SipMeetingNotHeld(Guid CaseId, Guid MeetingId, string Reason, DateOnly RecordedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => RecordedOn;
}

/// <summary>A SIP meeting was held.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="MeetingId">Meeting id.</param>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="Participants">Parties that took part.</param>
/// <param name="IndividualTookPart">Whether the person took part.</param>
/// <param name="Decisions">What was agreed.</param>
/// <param name="NextFollowUpOn">Next follow-up date.</param>
/// <param name="OthersPresent">Participants from outside the förbund's parties who were there.</param>
[SecretAs(InformationCategory.PlanAndMeetings)]
public sealed record SipMeetingHeld(
    Guid CaseId, Guid MeetingId, DateOnly HeldOn, IReadOnlyList<PartyCode> Participants, bool IndividualTookPart,
    string Decisions, DateOnly? NextFollowUpOn, IReadOnlyList<OutsideParticipant>? OthersPresent = null) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Decisions = map(Decisions)!, OthersPresent = OutsideParticipant.MapAll(OthersPresent, map) };

    /// <inheritdoc />
    public DateOnly BusinessDate => HeldOn;
}

/// <summary>Call a SIP meeting: the parties (each covered by a consent in force), the person and others invited.</summary>
public sealed record ScheduleSipMeeting(
    Guid MeetingId, DateOnly MeetingOn, IReadOnlyList<PartyCode> InvitedParties, DateOnly ScheduledOn,
    MeetingForm Form = MeetingForm.InPerson, string? Place = null, bool IndividualInvited = false,
    IReadOnlyList<OutsideParticipant>? OthersInvited = null) : CaseCommand;

/// <summary>The actor's party answers its invitation to a SIP meeting: it comes, or it does not (with a reason).</summary>
public sealed record AnswerSipInvitation(Guid MeetingId, bool Accept, string? Reason, DateOnly AnsweredOn) : CaseCommand;

/// <summary>The organiser moves a SIP meeting to another day.</summary>
public sealed record RescheduleSipMeeting(Guid MeetingId, DateOnly MeetingOn, string Reason, DateOnly RescheduledOn) : CaseCommand;

/// <summary>The organiser calls a SIP meeting off.</summary>
public sealed record CancelSipMeeting(Guid MeetingId, string Reason, DateOnly CancelledOn) : CaseCommand;

/// <summary>Record that a SIP meeting's day came and it did not take place.</summary>
public sealed record RecordSipMeetingNotHeld(Guid MeetingId, string Reason, DateOnly RecordedOn) : CaseCommand;

/// <summary>Record that a SIP meeting was held, with who was actually there.</summary>
public sealed record RecordSipMeetingHeld(
    Guid MeetingId, DateOnly HeldOn, IReadOnlyList<PartyCode> Participants, bool IndividualTookPart, string Decisions, DateOnly? NextFollowUpOn,
    IReadOnlyList<OutsideParticipant>? OthersPresent = null) : CaseCommand;

/// <summary>A SIP meeting as the decider needs it.</summary>
/// <param name="Id">Meeting id.</param>
/// <param name="MeetingOn">Scheduled date.</param>
/// <param name="ScheduledOn">Business date scheduled.</param>
/// <param name="HeldOn">When held, if it was.</param>
public sealed record MeetingStatus(Guid Id, DateOnly MeetingOn, DateOnly ScheduledOn, DateOnly? HeldOn = null)
{
    /// <summary>The party that called it: only it moves or cancels it.</summary>
    public PartyCode ScheduledBy { get; init; }

    /// <summary>Scheduled, held, not held or cancelled.</summary>
    public MeetingState State { get; init; } = MeetingState.Scheduled;

    /// <summary>Parties invited.</summary>
    public IReadOnlyList<PartyCode> Invited { get; init; } = [];

    /// <summary>Invited parties that have answered the current date.</summary>
    public IReadOnlyList<PartyCode> Answered { get; init; } = [];

    /// <summary>Business date of the latest change (later ones may not precede it).</summary>
    public DateOnly LastChangedOn { get; init; }
}

public static partial class CaseDecider
{
    private static IReadOnlyList<ICaseEvent>? DecideSip(CaseCommand command, CaseState s) => command switch
    {
        ScheduleSipMeeting c => Schedule(s, c),
        AnswerSipInvitation c => AnswerInvitation(s, c),
        RescheduleSipMeeting c => Reschedule(s, c),
        CancelSipMeeting c => CancelMeeting(s, c),
        RecordSipMeetingNotHeld c => NotHeld(s, c),
        RecordSipMeetingHeld c => Held(s, c),
        _ => null,
    };

    // Consent must be in place before the invitation (SIP guidance): a party no consent in force names
    // for plan and meetings cannot be invited, and the meeting records that it was left out for that.
    private static IReadOnlyList<ICaseEvent> Schedule(CaseState s, ScheduleSipMeeting c)
    {
        MustBeOnCase(s, c.By.Party);
        var invited = c.InvitedParties.Distinct().Order().ToArray();
        foreach (var party in invited.Where(p => p != c.By.Party))
        {
            if (!s.IsActiveParty(party))
            {
                throw new CaseRuleViolation("sip.party-not-on-case", $"{party} is not on the case; invite it to the case before inviting it to a SIP meeting.");
            }

            if (!CoveredForSip(s, party, c.ScheduledOn))
            {
                throw new CaseRuleViolation("sip.party-not-covered-by-consent",
                    $"No consent in force on {c.ScheduledOn:yyyy-MM-dd} names {party} for plan and meetings, so {party} cannot be invited. Record the person's consent first.");
            }
        }

        var notCovered = s.Parties.Values.Where(m => m.Active && m.Party != c.By.Party && !invited.Contains(m.Party) && !CoveredForSip(s, m.Party, c.ScheduledOn))
            .Select(m => m.Party).Order().ToArray();
        return [Member(s, c.By, new SipMeetingScheduled(s.Id, c.MeetingId, c.MeetingOn, invited, c.ScheduledOn, c.By.Party,
            c.Form, c.Place, c.IndividualInvited, c.OthersInvited is { Count: > 0 } others ? others : null, notCovered.Length > 0 ? notCovered : null))];
    }

    /// <summary>Whether a consent in force on <paramref name="day"/> names <paramref name="party"/> for plan and meetings.</summary>
    public static bool CoveredForSip(CaseState s, PartyCode party, DateOnly day) =>
        s.Consents.Any(c => c.ActiveOn(day) && c.Parties.Contains(party) && c.Categories.Contains(InformationCategory.PlanAndMeetings));

    private static MeetingStatus ExistingMeeting(CaseState s, Guid id) =>
        s.Meetings.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No SIP meeting {id} on this case.");

    private static void StillScheduled(MeetingStatus meeting, string verb)
    {
        if (meeting.State == MeetingState.Held)
        {
            throw new CaseRuleViolation("sip.already-held", $"The meeting was already recorded as held on {meeting.HeldOn:yyyy-MM-dd}.");
        }

        if (meeting.State != MeetingState.Scheduled)
        {
            throw new CaseRuleViolation("sip.meeting-not-scheduled",
                $"Cannot {verb} a meeting that was {(meeting.State == MeetingState.Cancelled ? "cancelled" : "recorded as not held")}.");
        }
    }

    // Only the organiser moves or calls off its meeting; to anyone else it answers as if unknown,
    // as another party's insats does: the caller may not be allowed to see it.
    private static MeetingStatus OrganisersMeeting(CaseState s, Guid id, Actor by, DateOnly on, string verb, string field)
    {
        MustBeOnCase(s, by.Party);
        var meeting = ExistingMeeting(s, id);
        if (meeting.ScheduledBy != by.Party)
        {
            throw new CaseEntryNotFound($"No SIP meeting {id} called by {by.Party} on this case; only the party that called it can {verb} it.");
        }

        StillScheduled(meeting, verb);
        NotBefore(on, meeting.LastChangedOn, field, $"its previous change on {meeting.LastChangedOn:yyyy-MM-dd}");
        return meeting;
    }

    private static IReadOnlyList<ICaseEvent> AnswerInvitation(CaseState s, AnswerSipInvitation c)
    {
        MustBeOnCase(s, c.By.Party);
        var meeting = ExistingMeeting(s, c.MeetingId);
        if (!meeting.Invited.Contains(c.By.Party))
        {
            throw new CaseEntryNotFound($"No SIP meeting {c.MeetingId} to which {c.By.Party} is invited on this case.");
        }

        StillScheduled(meeting, "answer an invitation to");
        if (meeting.Answered.Contains(c.By.Party))
        {
            throw new CaseRuleViolation("sip.invitation-already-answered", $"{c.By.Party} has already answered the invitation to the meeting on {meeting.MeetingOn:yyyy-MM-dd}.");
        }

        NotBefore(c.AnsweredOn, meeting.LastChangedOn, "answeredOn", $"the invitation or its latest change on {meeting.LastChangedOn:yyyy-MM-dd}");
        if (!c.Accept && string.IsNullOrWhiteSpace(c.Reason))
        {
            throw new CaseRuleViolation("sip.decline-reason-required", "Say why the party will not come, so the organiser can plan without it.");
        }

        return c.Accept
            ? [new SipInvitationAccepted(s.Id, c.MeetingId, c.By.Party, c.AnsweredOn)]
            : [new SipInvitationDeclined(s.Id, c.MeetingId, c.By.Party, c.Reason!, c.AnsweredOn)];
    }

    private static IReadOnlyList<ICaseEvent> Reschedule(CaseState s, RescheduleSipMeeting c)
    {
        var meeting = OrganisersMeeting(s, c.MeetingId, c.By, c.RescheduledOn, "reschedule", "rescheduledOn");
        if (c.MeetingOn == meeting.MeetingOn)
        {
            throw new CaseRuleViolation("sip.same-date", $"The meeting is already on {meeting.MeetingOn:yyyy-MM-dd}.");
        }

        NotBefore(c.MeetingOn, c.RescheduledOn, "meetingOn", "the day it is moved");
        return [new SipMeetingRescheduled(s.Id, c.MeetingId, c.MeetingOn, meeting.MeetingOn, c.Reason, c.RescheduledOn)];
    }

    private static IReadOnlyList<ICaseEvent> CancelMeeting(CaseState s, CancelSipMeeting c)
    {
        OrganisersMeeting(s, c.MeetingId, c.By, c.CancelledOn, "cancel", "cancelledOn");
        return [new SipMeetingCancelled(s.Id, c.MeetingId, c.Reason, c.CancelledOn)];
    }

    private static IReadOnlyList<ICaseEvent> NotHeld(CaseState s, RecordSipMeetingNotHeld c)
    {
        MustBeOnCase(s, c.By.Party);
        var meeting = ExistingMeeting(s, c.MeetingId);
        StillScheduled(meeting, "record as not held");
        NotBefore(c.RecordedOn, meeting.MeetingOn, "recordedOn", "the meeting's date: until then it can still take place");
        return [new SipMeetingNotHeld(s.Id, c.MeetingId, c.Reason, c.RecordedOn)];
    }

    private static IReadOnlyList<ICaseEvent> Held(CaseState s, RecordSipMeetingHeld c)
    {
        MustBeOnCase(s, c.By.Party);
        var meeting = ExistingMeeting(s, c.MeetingId);
        StillScheduled(meeting, "record as held");
        NotBefore(c.HeldOn, meeting.ScheduledOn, "heldOn", "the day it was scheduled");
        if (c.NextFollowUpOn is { } next && next <= c.HeldOn)
        {
            throw new CaseRuleViolation("sip.follow-up-not-after-meeting", "The next follow-up must come after the meeting.");
        }

        return [new SipMeetingHeld(s.Id, c.MeetingId, c.HeldOn, c.Participants.Distinct().Order().ToArray(), c.IndividualTookPart, c.Decisions, c.NextFollowUpOn,
            c.OthersPresent is { Count: > 0 } others ? others : null)];
    }
}

public sealed partial record CaseState
{
    /// <summary>SIP meetings by id.</summary>
    public IReadOnlyDictionary<Guid, MeetingStatus> Meetings { get; init; } = new Dictionary<Guid, MeetingStatus>();

    private static CaseState? EvolveSip(CaseState s, ICaseEvent @event) => @event switch
    {
        SipMeetingScheduled e => s with
        {
            Meetings = s.Meetings.With(e.MeetingId, new MeetingStatus(e.MeetingId, e.MeetingOn, e.ScheduledOn)
            {
                ScheduledBy = e.ScheduledBy, Invited = e.InvitedParties, LastChangedOn = e.ScheduledOn,
                // The organiser calls the meeting and so comes to it: only the others answer.
                Answered = e.InvitedParties.Contains(e.ScheduledBy) ? [e.ScheduledBy] : [],
            }),
        },
        SipInvitationAccepted e => s.Meeting(e.MeetingId, m => m with { Answered = [.. m.Answered, e.Party], LastChangedOn = Later(m.LastChangedOn, e.AnsweredOn) }),
        SipInvitationDeclined e => s.Meeting(e.MeetingId, m => m with { Answered = [.. m.Answered, e.Party], LastChangedOn = Later(m.LastChangedOn, e.AnsweredOn) }),
        // A new date needs new answers: who could come on the old day may not on the new one.
        SipMeetingRescheduled e => s.Meeting(e.MeetingId, m => m with
        {
            MeetingOn = e.MeetingOn, Answered = m.Invited.Contains(m.ScheduledBy) ? [m.ScheduledBy] : [], LastChangedOn = e.RescheduledOn,
        }),
        SipMeetingCancelled e => s.Meeting(e.MeetingId, m => m with { State = MeetingState.Cancelled, LastChangedOn = e.CancelledOn }),
        SipMeetingNotHeld e => s.Meeting(e.MeetingId, m => m with { State = MeetingState.NotHeld, LastChangedOn = e.RecordedOn }),
        SipMeetingHeld e => s.Meeting(e.MeetingId, m => m with { HeldOn = e.HeldOn, State = MeetingState.Held, LastChangedOn = e.HeldOn }),
        _ => null,
    };

    private CaseState Meeting(Guid id, Func<MeetingStatus, MeetingStatus> change) =>
        this with { Meetings = Meetings.With(id, change(Meetings[id])) };

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
