namespace Finsam.Samordning.Domain.Cases;

/// <summary>A SIP meeting was scheduled.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="MeetingId">Meeting id.</param>
/// <param name="MeetingOn">The meeting's date.</param>
/// <param name="InvitedParties">Parties invited.</param>
/// <param name="ScheduledOn">Business date of scheduling.</param>
/// <param name="ScheduledBy">The party that scheduled it.</param>
public sealed record SipMeetingScheduled(Guid CaseId, Guid MeetingId, DateOnly MeetingOn, IReadOnlyList<PartyCode> InvitedParties, DateOnly ScheduledOn, PartyCode ScheduledBy) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => ScheduledOn;
}

/// <summary>A SIP meeting was held.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="MeetingId">Meeting id.</param>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="Participants">Parties that took part.</param>
/// <param name="IndividualTookPart">Whether the person took part.</param>
/// <param name="Decisions">What was agreed.</param>
/// <param name="NextFollowUpOn">Next follow-up date.</param>
public sealed record SipMeetingHeld(
    Guid CaseId, Guid MeetingId, DateOnly HeldOn, IReadOnlyList<PartyCode> Participants, bool IndividualTookPart,
    string Decisions, DateOnly? NextFollowUpOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Decisions = map(Decisions)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => HeldOn;
}
