namespace Finsam.Samordning.Domain.Cases;

// Parties ---------------------------------------------------------------------------------

/// <summary>Another caseworker now carries a party's part of the case.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Party">The party.</param>
/// <param name="CaseworkerId">New caseworker's user id.</param>
/// <param name="CaseworkerName">New caseworker's display name.</param>
/// <param name="AssignedOn">Business date.</param>
public sealed record CaseworkerAssigned(Guid CaseId, PartyCode Party, string CaseworkerId, string CaseworkerName, DateOnly AssignedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AssignedOn;
}

/// <summary>A party left the case, handing over to another party or to nobody.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Party">The leaving party.</param>
/// <param name="Reason">Why it left.</param>
/// <param name="HandedOverTo">The party that takes over its part, if any.</param>
/// <param name="LeftOn">Business date.</param>
public sealed record PartyLeft(Guid CaseId, PartyCode Party, string Reason, PartyCode? HandedOverTo, DateOnly LeftOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => LeftOn;
}

/// <summary>A party on the case invited another party to join it.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InvitationId">Invitation id.</param>
/// <param name="Party">The invited party.</param>
/// <param name="InvitedBy">The inviting party.</param>
/// <param name="Reason">Why it is asked to join.</param>
/// <param name="InvitedOn">Business date.</param>
public sealed record PartyInvited(Guid CaseId, Guid InvitationId, PartyCode Party, PartyCode InvitedBy, string Reason, DateOnly InvitedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => InvitedOn;
}

/// <summary>The invited party accepted; it joins the case in the same command.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InvitationId">Invitation id.</param>
/// <param name="AcceptedOn">Business date.</param>
public sealed record InvitationAccepted(Guid CaseId, Guid InvitationId, DateOnly AcceptedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AcceptedOn;
}

/// <summary>The invited party declined.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InvitationId">Invitation id.</param>
/// <param name="Reason">Why.</param>
/// <param name="DeclinedOn">Business date.</param>
public sealed record InvitationDeclined(Guid CaseId, Guid InvitationId, string Reason, DateOnly DeclinedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => DeclinedOn;
}

// Consent ---------------------------------------------------------------------------------

/// <summary>
/// The person consented to sharing between the named parties (samtycke / medgivande), or amended an
/// earlier consent (<paramref name="Replaces"/>): a new version, which the earlier one ends at.
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ConsentId">Consent (version) id.</param>
/// <param name="Parties">Named parties: each discloses only once it has confirmed, and receives from those that have.</param>
/// <param name="CoversForbund">Whether the förbund's samverkansledare is named as a recipient.</param>
/// <param name="Form">Written or oral.</param>
/// <param name="ValidFrom">First day it applies.</param>
/// <param name="ValidUntil">Last day it applies, if limited.</param>
/// <param name="RecordedBy">The party that recorded it; recording confirms it for that party's own entries.</param>
/// <param name="RecordedOn">The day it was recorded.</param>
/// <param name="GivenOn">The day the person gave it: its place on the timeline (default: the day recorded).</param>
/// <param name="Categories">The kinds of information it opens (empty: all).</param>
/// <param name="Replaces">The consent version this one amends, if any.</param>
public sealed record ConsentRecorded(
    Guid CaseId, Guid ConsentId, IReadOnlyList<PartyCode> Parties, bool CoversForbund, ConsentForm Form,
    DateOnly ValidFrom, DateOnly? ValidUntil, PartyCode RecordedBy, DateOnly RecordedOn,
    DateOnly? GivenOn = null, IReadOnlyList<InformationCategory>? Categories = null, Guid? Replaces = null) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => GivenOn ?? RecordedOn;
}

/// <summary>A named party confirmed a consent: from now on it discloses its entries under it.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ConsentId">Consent (version) id.</param>
/// <param name="Party">The confirming party.</param>
/// <param name="ConfirmedOn">Business date.</param>
public sealed record ConsentConfirmed(Guid CaseId, Guid ConsentId, PartyCode Party, DateOnly ConfirmedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => ConfirmedOn;
}

/// <summary>A named party declined to disclose under a consent (e.g. it finds the consent does not cover its information).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ConsentId">Consent (version) id.</param>
/// <param name="Party">The declining party.</param>
/// <param name="Reason">Why.</param>
/// <param name="DeclinedOn">Business date.</param>
public sealed record ConsentDeclined(Guid CaseId, Guid ConsentId, PartyCode Party, string Reason, DateOnly DeclinedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => DeclinedOn;
}

/// <summary>The person withdrew a consent.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ConsentId">Consent id.</param>
/// <param name="EffectiveOn">First day it no longer applies.</param>
/// <param name="RecordedOn">The day the withdrawal was recorded.</param>
public sealed record ConsentRevoked(Guid CaseId, Guid ConsentId, DateOnly EffectiveOn, DateOnly RecordedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => RecordedOn;
}

// Interventions (insatser) ----------------------------------------------------------------

/// <summary>A party planned an insats; the person now waits for it.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="Party">Owning party.</param>
/// <param name="Kind">Kind code from the party's catalogue, or <c>other</c>.</param>
/// <param name="Label">Label for <c>other</c>, or a more specific name.</param>
/// <param name="PlannedStart">When it is meant to start.</param>
/// <param name="PlannedOn">Business date of planning: the waiting clock starts.</param>
public sealed record InterventionPlanned(
    Guid CaseId, Guid InterventionId, PartyCode Party, string Kind, string? Label, DateOnly PlannedStart, DateOnly PlannedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => PlannedOn;
}

/// <summary>An insats started.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="StartedOn">Business date.</param>
public sealed record InterventionStarted(Guid CaseId, Guid InterventionId, DateOnly StartedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => StartedOn;
}

/// <summary>An insats was paused.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="Reason">Why.</param>
/// <param name="PausedOn">Business date.</param>
public sealed record InterventionPaused(Guid CaseId, Guid InterventionId, string Reason, DateOnly PausedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => PausedOn;
}

/// <summary>A paused insats resumed.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="ResumedOn">Business date.</param>
public sealed record InterventionResumed(Guid CaseId, Guid InterventionId, DateOnly ResumedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => ResumedOn;
}

/// <summary>An insats ended.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="EndReason">Why it ended.</param>
/// <param name="Note">Optional note.</param>
/// <param name="CompletedOn">Business date.</param>
public sealed record InterventionCompleted(Guid CaseId, Guid InterventionId, InterventionEndReason EndReason, string? Note, DateOnly CompletedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => CompletedOn;
}

/// <summary>An insats was cancelled.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="Reason">Why.</param>
/// <param name="Note">Optional note.</param>
/// <param name="CancelledOn">Business date.</param>
public sealed record InterventionCancelled(Guid CaseId, Guid InterventionId, InterventionCancelReason Reason, string? Note, DateOnly CancelledOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => CancelledOn;
}

// Referrals -------------------------------------------------------------------------------

/// <summary>One party referred the person, or asked something, of another.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="Kind">Kind of referral.</param>
/// <param name="From">Sending party.</param>
/// <param name="To">Receiving party.</param>
/// <param name="Reason">What is asked and why.</param>
/// <param name="RespondBy">When an answer is expected.</param>
/// <param name="SentOn">Business date.</param>
public sealed record ReferralSent(
    Guid CaseId, Guid ReferralId, ReferralKind Kind, PartyCode From, PartyCode To, string Reason, DateOnly? RespondBy, DateOnly SentOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => SentOn;
}

/// <summary>The receiving party accepted a referral.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="AcceptedOn">Business date.</param>
public sealed record ReferralAccepted(Guid CaseId, Guid ReferralId, DateOnly AcceptedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AcceptedOn;
}

/// <summary>The receiving party declined a referral.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="Reason">Why.</param>
/// <param name="DeclinedOn">Business date.</param>
public sealed record ReferralDeclined(Guid CaseId, Guid ReferralId, string Reason, DateOnly DeclinedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => DeclinedOn;
}

// Shared plan -----------------------------------------------------------------------------

/// <summary>A need was identified in the shared plan.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="NeedId">Need id.</param>
/// <param name="Area">Life area.</param>
/// <param name="Description">The need.</param>
/// <param name="IdentifiedBy">The party that recorded it.</param>
/// <param name="IdentifiedOn">Business date.</param>
public sealed record NeedIdentified(Guid CaseId, Guid NeedId, PlanArea Area, string Description, PartyCode IdentifiedBy, DateOnly IdentifiedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Description = map(Description)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => IdentifiedOn;
}

/// <summary>A party became planeringsansvarig: the one holding the plan together.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Party">The plan lead.</param>
/// <param name="AssignedOn">Business date.</param>
public sealed record PlanLeadAssigned(Guid CaseId, PartyCode Party, DateOnly AssignedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AssignedOn;
}

/// <summary>A goal was set, in the person's own words or the professionals'.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="GoalId">Goal id.</param>
/// <param name="Area">Life area.</param>
/// <param name="StatedBy">Who stated it.</param>
/// <param name="Text">The goal.</param>
/// <param name="RecordedBy">The party that recorded it.</param>
/// <param name="SetOn">Business date.</param>
public sealed record GoalSet(Guid CaseId, Guid GoalId, PlanArea Area, GoalStatedBy StatedBy, string Text, PartyCode RecordedBy, DateOnly SetOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Text = map(Text)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => SetOn;
}

/// <summary>An action was planned: who does what by when.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ActionId">Action id.</param>
/// <param name="Description">What is to be done.</param>
/// <param name="ResponsibleParty">The responsible party, or null when the person is responsible.</param>
/// <param name="GoalId">The goal it serves, if any.</param>
/// <param name="DueOn">Due date.</param>
/// <param name="PlannedOn">Business date.</param>
/// <param name="PlannedBy">The party that recorded it.</param>
public sealed record ActionPlanned(
    Guid CaseId, Guid ActionId, string Description, PartyCode? ResponsibleParty, Guid? GoalId, DateOnly DueOn, DateOnly PlannedOn, PartyCode PlannedBy) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Description = map(Description)! };

    /// <summary>True when the person themselves is responsible.</summary>
    public bool IndividualResponsible => ResponsibleParty is null;

    /// <inheritdoc />
    public DateOnly BusinessDate => PlannedOn;
}

/// <summary>An action was done.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ActionId">Action id.</param>
/// <param name="CompletedOn">Business date.</param>
public sealed record ActionCompleted(Guid CaseId, Guid ActionId, DateOnly CompletedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => CompletedOn;
}

// SIP meetings ----------------------------------------------------------------------------

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

// Contacts, assessments, benefit decisions -------------------------------------------------

/// <summary>A party had (or tried to have) contact with the person.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ContactId">Contact id.</param>
/// <param name="Party">The party.</param>
/// <param name="Kind">Kind of contact.</param>
/// <param name="NoShow">The person did not come / answer.</param>
/// <param name="Note">Optional note.</param>
/// <param name="OccurredOn">Business date.</param>
public sealed record ContactLogged(Guid CaseId, Guid ContactId, PartyCode Party, ContactKind Kind, bool NoShow, string? Note, DateOnly OccurredOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => OccurredOn;
}

/// <summary>A party assessed the person's work capacity.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="AssessmentId">Assessment id.</param>
/// <param name="Party">The assessing party.</param>
/// <param name="Conclusion">Conclusion.</param>
/// <param name="Note">Optional note.</param>
/// <param name="ValidFrom">From when it applies.</param>
public sealed record WorkCapacityAssessed(Guid CaseId, Guid AssessmentId, PartyCode Party, WorkCapacityConclusion Conclusion, string? Note, DateOnly ValidFrom) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => ValidFrom;
}

/// <summary>A benefit decision was made (recorded for coordination; not an insats).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="DecisionId">Decision id.</param>
/// <param name="Party">The deciding party.</param>
/// <param name="Benefit">The benefit.</param>
/// <param name="Decision">What was decided.</param>
/// <param name="From">From when.</param>
/// <param name="Until">Until when, if limited.</param>
/// <param name="DecidedOn">Business date of the decision.</param>
public sealed record BenefitDecisionRecorded(
    Guid CaseId, Guid DecisionId, PartyCode Party, Benefit Benefit, BenefitDecisionKind Decision, DateOnly From, DateOnly? Until, DateOnly DecidedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => DecidedOn;
}

// Close and reopen -------------------------------------------------------------------------

/// <summary>The case was closed with an outcome.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Outcome">Outcome.</param>
/// <param name="Note">Optional note.</param>
/// <param name="ClosedOn">Business date.</param>
public sealed record CaseClosed(Guid CaseId, CaseOutcome Outcome, string? Note, DateOnly ClosedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => ClosedOn;
}

/// <summary>A closed case was reopened.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Reason">Why.</param>
/// <param name="ReopenedOn">Business date.</param>
public sealed record CaseReopened(Guid CaseId, string Reason, DateOnly ReopenedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => ReopenedOn;
}
