namespace Finsam.Samordning.Domain.Cases;

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
public sealed record SipMeetingHeld(
    Guid CaseId, Guid MeetingId, DateOnly HeldOn, IReadOnlyList<PartyCode> Participants, bool IndividualTookPart,
    string Decisions, DateOnly? NextFollowUpOn, IReadOnlyList<OutsideParticipant>? OthersPresent = null) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Decisions = map(Decisions)!, OthersPresent = OutsideParticipant.MapAll(OthersPresent, map) };

    /// <inheritdoc />
    public DateOnly BusinessDate => HeldOn;
}
