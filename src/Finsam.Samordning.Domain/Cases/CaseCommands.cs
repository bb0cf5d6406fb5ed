namespace Finsam.Samordning.Domain.Cases;

/// <summary>Who is acting: the caseworker and the party they act for.</summary>
/// <param name="UserId">The caseworker's user id (token subject).</param>
/// <param name="DisplayName">The caseworker's display name.</param>
/// <param name="Party">The party the caseworker acts for.</param>
public sealed record Actor(string UserId, string DisplayName, PartyCode Party);

/// <summary>Commands the case decider understands. Every command names who acts.</summary>
public abstract record CaseCommand
{
    /// <summary>The acting caseworker.</summary>
    public required Actor By { get; init; }
}

/// <summary>Open a new case. The opening party joins it at once with the acting caseworker.</summary>
public sealed record OpenCaseCommand(
    Guid CaseId, Guid? IndividualId, string MunicipalityCode, IReadOnlyList<TargetGroup> TargetGroups,
    PartyCode OpeningParty, string OpeningUnit, DateOnly OpenedOn) : CaseCommand
{
    /// <summary>
    /// The registered person's birth date, read from their sealed data when the case is opened: the
    /// ends of age-bound labels are derived from it, and it never enters an event itself.
    /// </summary>
    public DateOnly? BirthDate { get; init; }
}

/// <summary>Invite another party to join the case; it joins only by accepting.</summary>
public sealed record InviteParty(Guid InvitationId, PartyCode Party, string Reason, DateOnly InvitedOn) : CaseCommand;

/// <summary>Accept an invitation to the actor's party; the party joins the case with the unit that takes it on.</summary>
public sealed record AcceptInvitation(Guid InvitationId, string Unit, DateOnly AcceptedOn) : CaseCommand;

/// <summary>Decline an invitation to the actor's party.</summary>
public sealed record DeclineInvitation(Guid InvitationId, string Reason, DateOnly DeclinedOn) : CaseCommand;

/// <summary>Another caseworker takes over the actor's party's part of the case.</summary>
public sealed record AssignCaseworker(PartyCode Party, string CaseworkerId, string CaseworkerName, DateOnly AssignedOn) : CaseCommand;

/// <summary>The actor's party leaves the case.</summary>
public sealed record LeaveCase(PartyCode Party, string Reason, PartyCode? HandedOverTo, DateOnly LeftOn) : CaseCommand;

/// <summary>The terms of a consent as the person gave them.</summary>
/// <param name="Parties">Named parties.</param>
/// <param name="CoversForbund">Whether the förbund's samverkansledare is named.</param>
/// <param name="Form">Written or oral.</param>
/// <param name="GivenOn">The day the person gave it.</param>
/// <param name="ValidFrom">First day it applies.</param>
/// <param name="ValidUntil">Last day it applies, if limited.</param>
/// <param name="Categories">Kinds of information it opens.</param>
public sealed record ConsentTerms(
    IReadOnlyList<PartyCode> Parties, bool CoversForbund, ConsentForm Form, DateOnly GivenOn, DateOnly ValidFrom, DateOnly? ValidUntil,
    IReadOnlyList<InformationCategory> Categories);

/// <summary>Record the person's consent; it confirms it for the actor's party only.</summary>
public sealed record RecordConsent(Guid ConsentId, ConsentTerms Terms, DateOnly RecordedOn) : CaseCommand;

/// <summary>Record an amended or extended consent as a new version replacing <paramref name="Replaces"/>.</summary>
public sealed record AmendConsent(Guid Replaces, Guid ConsentId, ConsentTerms Terms, DateOnly RecordedOn) : CaseCommand;

/// <summary>The actor's party confirms a consent that names it: it discloses its own entries under it from now on.</summary>
public sealed record ConfirmConsent(Guid ConsentId, DateOnly ConfirmedOn) : CaseCommand;

/// <summary>The actor's party declines to disclose under a consent that names it.</summary>
public sealed record DeclineConsent(Guid ConsentId, string Reason, DateOnly DeclinedOn) : CaseCommand;

/// <summary>Record that the person withdrew a consent.</summary>
public sealed record RevokeConsent(Guid ConsentId, DateOnly EffectiveOn, DateOnly RecordedOn) : CaseCommand;

/// <summary>Plan an insats of the actor's party.</summary>
public sealed record PlanIntervention(Guid InterventionId, string Kind, string? Label, DateOnly PlannedStart, DateOnly PlannedOn) : CaseCommand;

/// <summary>Start a planned insats.</summary>
public sealed record StartIntervention(Guid InterventionId, DateOnly StartedOn) : CaseCommand;

/// <summary>Pause an ongoing insats.</summary>
public sealed record PauseIntervention(Guid InterventionId, string Reason, DateOnly PausedOn) : CaseCommand;

/// <summary>Resume a paused insats.</summary>
public sealed record ResumeIntervention(Guid InterventionId, DateOnly ResumedOn) : CaseCommand;

/// <summary>End an ongoing or paused insats.</summary>
public sealed record CompleteIntervention(Guid InterventionId, InterventionEndReason EndReason, string? Note, DateOnly CompletedOn) : CaseCommand;

/// <summary>Cancel an insats that has not ended.</summary>
public sealed record CancelIntervention(Guid InterventionId, InterventionCancelReason Reason, string? Note, DateOnly CancelledOn) : CaseCommand;

/// <summary>Send a referral from the actor's party to another.</summary>
public sealed record SendReferral(Guid ReferralId, ReferralKind Kind, PartyCode To, string Reason, DateOnly? RespondBy, DateOnly SentOn) : CaseCommand;

/// <summary>Accept a referral sent to the actor's party; the party joins the case if it had not.</summary>
public sealed record AcceptReferral(Guid ReferralId, string? Unit, DateOnly AcceptedOn) : CaseCommand;

/// <summary>Decline a referral sent to the actor's party, with a reason code and the receiver's words.</summary>
public sealed record DeclineReferral(Guid ReferralId, string Reason, DateOnly DeclinedOn, ReferralDeclineReason Code = ReferralDeclineReason.Other) : CaseCommand;

/// <summary>The sending party withdraws a referral not yet answered.</summary>
public sealed record WithdrawReferral(Guid ReferralId, string Reason, DateOnly WithdrawnOn) : CaseCommand;

/// <summary>The sending party reminds the receiver of an unanswered referral (logged).</summary>
public sealed record RemindReferral(Guid ReferralId, string? Note, DateOnly RemindedOn) : CaseCommand;

/// <summary>The sending party changes when an answer is expected.</summary>
public sealed record ChangeReferralRespondBy(Guid ReferralId, DateOnly? RespondBy, DateOnly ChangedOn) : CaseCommand;

/// <summary>Record a need in the shared plan, and the party that answers for it if agreed.</summary>
public sealed record IdentifyNeed(Guid NeedId, PlanArea Area, string Description, DateOnly IdentifiedOn, PartyCode? ResponsibleParty = null) : CaseCommand;

/// <summary>Record that a need is met.</summary>
public sealed record ResolveNeed(Guid NeedId, string? Note, DateOnly ResolvedOn) : CaseCommand;

/// <summary>Make a party planeringsansvarig.</summary>
public sealed record AssignPlanLead(PartyCode Party, DateOnly AssignedOn) : CaseCommand;

/// <summary>Set a goal in the shared plan, dated if a target day is agreed.</summary>
public sealed record SetGoal(Guid GoalId, PlanArea Area, GoalStatedBy StatedBy, string Text, DateOnly SetOn, DateOnly? TargetOn = null) : CaseCommand;

/// <summary>Reword or re-date a goal.</summary>
public sealed record ReviseGoal(Guid GoalId, string Text, DateOnly? TargetOn, DateOnly RevisedOn) : CaseCommand;

/// <summary>Record that a goal was reached.</summary>
public sealed record AchieveGoal(Guid GoalId, DateOnly AchievedOn) : CaseCommand;

/// <summary>Record that a goal was given up.</summary>
public sealed record AbandonGoal(Guid GoalId, string Reason, DateOnly AbandonedOn) : CaseCommand;

/// <summary>Plan an action: a party, the person, or a named outside participant does something by a date.</summary>
public sealed record PlanAction(Guid ActionId, string Description, PartyCode? ResponsibleParty, Guid? GoalId, DateOnly DueOn, DateOnly PlannedOn,
    OutsideParticipant? ResponsibleOther = null, Guid? ResponsibleActorId = null) : CaseCommand;

/// <summary>Give an action a new due date.</summary>
public sealed record RescheduleAction(Guid ActionId, DateOnly DueOn, string Reason, DateOnly RescheduledOn) : CaseCommand;

/// <summary>Pass an action to another party on the case, the person (all null), a named outside participant, or an external actor named on the case.</summary>
public sealed record ReassignAction(Guid ActionId, PartyCode? ResponsibleParty, OutsideParticipant? ResponsibleOther, DateOnly ReassignedOn,
    Guid? ResponsibleActorId = null) : CaseCommand;

/// <summary>Drop an action that is no longer to be done.</summary>
public sealed record DropAction(Guid ActionId, string Reason, DateOnly DroppedOn) : CaseCommand;

/// <summary>Mark an action done.</summary>
public sealed record CompleteAction(Guid ActionId, DateOnly CompletedOn) : CaseCommand;

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

/// <summary>Log a contact of the actor's party with the person, linked to its own insats or a SIP meeting if it was part of one.</summary>
public sealed record LogContact(Guid ContactId, ContactKind Kind, bool NoShow, string? Note, DateOnly OccurredOn,
    Guid? InterventionId = null, Guid? MeetingId = null) : CaseCommand;

/// <summary>Record the actor's party's work capacity assessment: the day made and the period it is valid for.</summary>
public sealed record AssessWorkCapacity(Guid AssessmentId, WorkCapacityConclusion Conclusion, string? Note, DateOnly ValidFrom,
    DateOnly? AssessedOn = null, DateOnly? ValidUntil = null) : CaseCommand;

/// <summary>Change the case's target groups from a business date on.</summary>
public sealed record ChangeTargetGroups(IReadOnlyList<TargetGroup> TargetGroups, DateOnly ChangedOn) : CaseCommand;

/// <summary>Record a benefit decision of the actor's party.</summary>
public sealed record RecordBenefitDecision(
    Guid DecisionId, Benefit Benefit, BenefitDecisionKind Decision, DateOnly From, DateOnly? Until, DateOnly DecidedOn) : CaseCommand;

/// <summary>
/// Close the case. Open insatser must have ended, or <paramref name="EndOpenInterventionsAs"/>
/// ends them with the close: started ones complete with that reason, planned ones are cancelled.
/// </summary>
public sealed record CloseCase(CaseOutcome Outcome, string? Note, InterventionEndReason? EndOpenInterventionsAs, DateOnly ClosedOn) : CaseCommand;

/// <summary>Reopen a closed case.</summary>
public sealed record ReopenCase(string Reason, DateOnly ReopenedOn) : CaseCommand;
