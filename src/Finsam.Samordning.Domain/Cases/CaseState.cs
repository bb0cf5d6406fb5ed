namespace Finsam.Samordning.Domain.Cases;

/// <summary>A party's membership of a case as the decider needs it.</summary>
/// <param name="Party">Party code.</param>
/// <param name="Unit">Unit of the party.</param>
/// <param name="CaseworkerId">Current caseworker's user id.</param>
/// <param name="JoinedOn">When the party (last) joined.</param>
/// <param name="LeftOn">When it left, if it has.</param>
public sealed record PartyMembership(PartyCode Party, string Unit, string CaseworkerId, DateOnly JoinedOn, DateOnly? LeftOn = null)
{
    /// <summary>True while the party is on the case.</summary>
    public bool Active => LeftOn is null;
}

/// <summary>An invitation to join the case as the decider needs it.</summary>
/// <param name="Id">Invitation id.</param>
/// <param name="Party">The invited party.</param>
/// <param name="InvitedBy">The inviting party.</param>
/// <param name="InvitedOn">Business date.</param>
/// <param name="Answered">Accepted or declined.</param>
public sealed record InvitationStatus(Guid Id, PartyCode Party, PartyCode InvitedBy, DateOnly InvitedOn, bool Answered = false);

/// <summary>An insats as the decider needs it.</summary>
/// <param name="Id">Insats id.</param>
/// <param name="Party">Owning party.</param>
/// <param name="Kind">Kind code.</param>
/// <param name="State">Current state.</param>
/// <param name="LastChangedOn">Business date of the latest transition (later ones may not precede it).</param>
public sealed record InterventionStatus(Guid Id, PartyCode Party, string Kind, InterventionState State, DateOnly LastChangedOn)
{
    /// <summary>Planned, ongoing or paused: not yet ended.</summary>
    public bool IsOpen => State is InterventionState.Planned or InterventionState.Ongoing or InterventionState.Paused;
}

/// <summary>A referral as the decider needs it.</summary>
/// <param name="Id">Referral id.</param>
/// <param name="From">Sending party.</param>
/// <param name="To">Receiving party.</param>
/// <param name="State">Pending, accepted or declined.</param>
/// <param name="SentOn">Business date sent.</param>
public sealed record ReferralStatus(Guid Id, PartyCode From, PartyCode To, ReferralState State, DateOnly SentOn)
{
    /// <summary>Business date of the latest change by the sender (reminder, new respond-by).</summary>
    public DateOnly? LastChangedOn { get; init; }
}

/// <summary>A plan action as the decider needs it.</summary>
/// <param name="Id">Action id.</param>
/// <param name="ResponsibleParty">Responsible party, or null for the person.</param>
/// <param name="PlannedOn">Business date planned.</param>
/// <param name="CompletedOn">When completed, if it is.</param>
public sealed record ActionStatus(Guid Id, PartyCode? ResponsibleParty, DateOnly PlannedOn, DateOnly? CompletedOn = null)
{
    /// <summary>The party that planned it: it and the responsible party keep it up.</summary>
    public PartyCode? PlannedBy { get; init; }

    /// <summary>The due date.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>When it was dropped, if it was.</summary>
    public DateOnly? DroppedOn { get; init; }

    /// <summary>Business date of the latest change.</summary>
    public DateOnly LastChangedOn { get; init; }

    /// <summary>The actor outside the förbund responsible for it, if one is.</summary>
    public Guid? ResponsibleActor { get; init; }

    /// <summary>Neither done nor dropped.</summary>
    public bool IsOpen => CompletedOn is null && DroppedOn is null;
}

/// <summary>A goal as the decider needs it.</summary>
/// <param name="Id">Goal id.</param>
/// <param name="RecordedBy">The party that recorded it: only it changes it.</param>
/// <param name="State">Active, achieved or abandoned.</param>
/// <param name="LastChangedOn">Business date of the latest change.</param>
public sealed record GoalStatus(Guid Id, PartyCode RecordedBy, GoalState State, DateOnly LastChangedOn);

/// <summary>A need as the decider needs it.</summary>
/// <param name="Id">Need id.</param>
/// <param name="IdentifiedBy">The party that recorded it.</param>
/// <param name="IdentifiedOn">Business date.</param>
/// <param name="ResolvedOn">When it was met, if it was.</param>
public sealed record NeedStatus(Guid Id, PartyCode IdentifiedBy, DateOnly IdentifiedOn, DateOnly? ResolvedOn = null);

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

/// <summary>
/// The write model of a case: only what decisions need. Immutable; <see cref="Evolve"/> folds
/// one event into a new state.
/// </summary>
public sealed record CaseState
{
    /// <summary>Case id.</summary>
    public Guid Id { get; init; }

    /// <summary>Stream version this state reflects (set by the event store).</summary>
    public long Version { get; set; }

    /// <summary>The individual the case is about, if registered: their key seals the case's free text.</summary>
    public Guid? IndividualId { get; init; }

    /// <summary>Open or closed.</summary>
    public CaseStatus Status { get; init; }

    /// <summary>Business date the case was opened.</summary>
    public DateOnly OpenedOn { get; init; }

    /// <summary>Business date the case was (last) closed.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>Business date the case was last reopened.</summary>
    public DateOnly? ReopenedOn { get; init; }

    /// <summary>The target groups now.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];

    /// <summary>The insatser the last close ended, which a reopening names.</summary>
    public IReadOnlyList<Guid> EndedByLastClose { get; init; } = [];

    /// <summary>Every party that has been on the case, including those that left.</summary>
    public IReadOnlyDictionary<PartyCode, PartyMembership> Parties { get; init; } = new Dictionary<PartyCode, PartyMembership>();

    /// <summary>The planeringsansvarig party.</summary>
    public PartyCode? PlanLead { get; init; }

    /// <summary>Every consent version, revoked and replaced ones included.</summary>
    public IReadOnlyList<Consent> Consents { get; init; } = [];

    /// <summary>Invitations by id.</summary>
    public IReadOnlyDictionary<Guid, InvitationStatus> Invitations { get; init; } = new Dictionary<Guid, InvitationStatus>();

    /// <summary>Insatser by id.</summary>
    public IReadOnlyDictionary<Guid, InterventionStatus> Interventions { get; init; } = new Dictionary<Guid, InterventionStatus>();

    /// <summary>Referrals by id.</summary>
    public IReadOnlyDictionary<Guid, ReferralStatus> Referrals { get; init; } = new Dictionary<Guid, ReferralStatus>();

    /// <summary>Ids of the plan's goals.</summary>
    public IReadOnlyList<Guid> Goals { get; init; } = [];

    /// <summary>Goals by id, with who recorded them and their state.</summary>
    public IReadOnlyDictionary<Guid, GoalStatus> GoalStates { get; init; } = new Dictionary<Guid, GoalStatus>();

    /// <summary>Needs by id.</summary>
    public IReadOnlyDictionary<Guid, NeedStatus> Needs { get; init; } = new Dictionary<Guid, NeedStatus>();

    /// <summary>Plan actions by id.</summary>
    public IReadOnlyDictionary<Guid, ActionStatus> Actions { get; init; } = new Dictionary<Guid, ActionStatus>();

    /// <summary>SIP meetings by id.</summary>
    public IReadOnlyDictionary<Guid, MeetingStatus> Meetings { get; init; } = new Dictionary<Guid, MeetingStatus>();

    /// <summary>Open flags by id.</summary>
    public IReadOnlyDictionary<Guid, OpenFlag> Flags { get; init; } = new Dictionary<Guid, OpenFlag>();

    /// <summary>Follow-up records (SUS start and end data) by insats id.</summary>
    public IReadOnlyDictionary<Guid, FollowUp.ParticipantRecords> Participants { get; init; } = new Dictionary<Guid, FollowUp.ParticipantRecords>();

    /// <summary>Actors outside the förbund and referrals to them (issue 14).</summary>
    public ExternalActorsState External { get; init; } = new();

    /// <summary>
    /// The party that answers for a plan action: the responsible party, or for an action of an actor
    /// outside the förbund the party that named the actor (it works with them); null for the person.
    /// </summary>
    public PartyCode? AnsweringFor(Guid actionId) => Actions.GetValueOrDefault(actionId) is not { } a ? null
        : a.ResponsibleParty ?? (a.ResponsibleActor is { } actor ? External.Actors.GetValueOrDefault(actor)?.NamedBy : null);

    /// <summary>Whether <paramref name="party"/> is on the case now.</summary>
    public bool IsActiveParty(PartyCode party) => Parties.TryGetValue(party, out var m) && m.Active;

    /// <summary>How <paramref name="party"/> stands to the case.</summary>
    public RelationKind RelationOf(PartyCode party) => Relation.Of(party,
        Parties.Values.Select(m => (m.Party, m.Active)),
        Referrals.Values.Where(r => r.State == ReferralState.Pending).Select(r => r.To)
            .Concat(Invitations.Values.Where(i => !i.Answered).Select(i => i.Party)));

    /// <summary>Starts the state from the first event of the stream.</summary>
    public static CaseState Open(CaseOpened e) => new()
    {
        Id = e.CaseId,
        IndividualId = e.IndividualId,
        Status = CaseStatus.Open,
        OpenedOn = e.OpenedOn,
        TargetGroups = e.TargetGroups,
    };

    /// <summary>Folds one event into the state. Unknown events leave it unchanged.</summary>
    public static CaseState? Evolve(CaseState? state, object @event) => (state, @event) switch
    {
        (_, CaseOpened e) => Open(e),
        (null, _) => null,
        (var s, PartyJoined e) => s with { Parties = s.Parties.With(e.Party, new PartyMembership(e.Party, e.Unit, e.CaseworkerId, e.JoinedOn)) },
        (var s, CaseworkerAssigned e) => s with { Parties = s.Parties.With(e.Party, s.Parties[e.Party] with { CaseworkerId = e.CaseworkerId }) },
        // Issue 14: a party whose caseworker moved on carries the case with nobody until one is assigned.
        (var s, IExternalActorEvent e) => s with { External = s.External.Evolve(e) },
        (var s, CaseworkerReleased e) => s with { Parties = s.Parties.With(e.Party, s.Parties[e.Party] with { CaseworkerId = "" }) },
        (var s, PartyLeft e) => s with
        {
            Parties = s.Parties.With(e.Party, s.Parties[e.Party] with { LeftOn = e.LeftOn }),
            PlanLead = s.PlanLead == e.Party ? null : s.PlanLead,
        },
        (var s, ConsentRecorded or ConsentConfirmed or ConsentDeclined or ConsentRevoked) => s with { Consents = Cases.ConsentLedger.Apply(s.Consents, (ICaseEvent)@event) },
        (var s, PartyInvited e) => s with { Invitations = s.Invitations.With(e.InvitationId, new InvitationStatus(e.InvitationId, e.Party, e.InvitedBy, e.InvitedOn)) },
        (var s, InvitationAccepted e) => s with { Invitations = s.Invitations.With(e.InvitationId, s.Invitations[e.InvitationId] with { Answered = true }) },
        (var s, InvitationDeclined e) => s with { Invitations = s.Invitations.With(e.InvitationId, s.Invitations[e.InvitationId] with { Answered = true }) },
        (var s, InterventionPlanned e) => s with
        {
            Interventions = s.Interventions.With(e.InterventionId,
                new InterventionStatus(e.InterventionId, e.Party, e.Kind, InterventionState.Planned, e.PlannedOn)),
        },
        (var s, InterventionStarted e) => s.Move(e.InterventionId, InterventionState.Ongoing, e.StartedOn),
        (var s, InterventionPaused e) => s.Move(e.InterventionId, InterventionState.Paused, e.PausedOn),
        (var s, InterventionResumed e) => s.Move(e.InterventionId, InterventionState.Ongoing, e.ResumedOn),
        (var s, InterventionCompleted e) => s.Move(e.InterventionId, InterventionState.Completed, e.CompletedOn),
        (var s, InterventionCancelled e) => s.Move(e.InterventionId, InterventionState.Cancelled, e.CancelledOn),
        (var s, ReferralSent e) => s with
        {
            Referrals = s.Referrals.With(e.ReferralId, new ReferralStatus(e.ReferralId, e.From, e.To, ReferralState.Pending, e.SentOn)),
        },
        (var s, ReferralAccepted e) => s with { Referrals = s.Referrals.With(e.ReferralId, s.Referrals[e.ReferralId] with { State = ReferralState.Accepted }) },
        (var s, ReferralDeclined e) => s with { Referrals = s.Referrals.With(e.ReferralId, s.Referrals[e.ReferralId] with { State = ReferralState.Declined }) },
        (var s, ReferralWithdrawn e) => s with { Referrals = s.Referrals.With(e.ReferralId, s.Referrals[e.ReferralId] with { State = ReferralState.Withdrawn }) },
        (var s, ReferralReminded e) => s with { Referrals = s.Referrals.With(e.ReferralId, s.Referrals[e.ReferralId] with { LastChangedOn = e.RemindedOn }) },
        (var s, ReferralRespondByChanged e) => s with { Referrals = s.Referrals.With(e.ReferralId, s.Referrals[e.ReferralId] with { LastChangedOn = e.ChangedOn }) },
        (var s, NeedIdentified e) => s with { Needs = s.Needs.With(e.NeedId, new NeedStatus(e.NeedId, e.IdentifiedBy, e.IdentifiedOn)) },
        (var s, NeedResolved e) => s with { Needs = s.Needs.With(e.NeedId, s.Needs[e.NeedId] with { ResolvedOn = e.ResolvedOn }) },
        (var s, GoalRevised e) => s.Goal(e.GoalId, g => g with { LastChangedOn = e.RevisedOn }),
        (var s, GoalAchieved e) => s.Goal(e.GoalId, g => g with { State = GoalState.Achieved, LastChangedOn = e.AchievedOn }),
        (var s, GoalAbandoned e) => s.Goal(e.GoalId, g => g with { State = GoalState.Abandoned, LastChangedOn = e.AbandonedOn }),
        (var s, ActionRescheduled e) => s.Action(e.ActionId, a => a with { DueOn = e.DueOn, LastChangedOn = e.RescheduledOn }),
        (var s, ActionReassigned e) => s.Action(e.ActionId, a => a with
        {
            ResponsibleParty = e.ResponsibleParty, ResponsibleActor = e.ResponsibleActorId, LastChangedOn = e.ReassignedOn,
        }),
        (var s, ActionDropped e) => s.Action(e.ActionId, a => a with { DroppedOn = e.DroppedOn, LastChangedOn = e.DroppedOn }),
        (var s, PlanLeadAssigned e) => s with { PlanLead = e.Party },
        (var s, GoalSet e) => s with
        {
            Goals = [.. s.Goals, e.GoalId], GoalStates = s.GoalStates.With(e.GoalId, new GoalStatus(e.GoalId, e.RecordedBy, GoalState.Active, e.SetOn)),
        },
        (var s, ActionPlanned e) => s with
        {
            Actions = s.Actions.With(e.ActionId, new ActionStatus(e.ActionId, e.ResponsibleParty, e.PlannedOn)
            {
                PlannedBy = e.PlannedBy, DueOn = e.DueOn, LastChangedOn = e.PlannedOn, ResponsibleActor = e.ResponsibleActorId,
            }),
        },
        (var s, ActionCompleted e) => s.Action(e.ActionId, a => a with { CompletedOn = e.CompletedOn, LastChangedOn = e.CompletedOn }),
        (var s, SipMeetingScheduled e) => s with
        {
            Meetings = s.Meetings.With(e.MeetingId, new MeetingStatus(e.MeetingId, e.MeetingOn, e.ScheduledOn)
            {
                ScheduledBy = e.ScheduledBy, Invited = e.InvitedParties, LastChangedOn = e.ScheduledOn,
                // The organiser calls the meeting and so comes to it: only the others answer.
                Answered = e.InvitedParties.Contains(e.ScheduledBy) ? [e.ScheduledBy] : [],
            }),
        },
        (var s, SipInvitationAccepted e) => s.Meeting(e.MeetingId, m => m with { Answered = [.. m.Answered, e.Party], LastChangedOn = Later(m.LastChangedOn, e.AnsweredOn) }),
        (var s, SipInvitationDeclined e) => s.Meeting(e.MeetingId, m => m with { Answered = [.. m.Answered, e.Party], LastChangedOn = Later(m.LastChangedOn, e.AnsweredOn) }),
        // A new date needs new answers: who could come on the old day may not on the new one.
        (var s, SipMeetingRescheduled e) => s.Meeting(e.MeetingId, m => m with
        {
            MeetingOn = e.MeetingOn, Answered = m.Invited.Contains(m.ScheduledBy) ? [m.ScheduledBy] : [], LastChangedOn = e.RescheduledOn,
        }),
        (var s, SipMeetingCancelled e) => s.Meeting(e.MeetingId, m => m with { State = MeetingState.Cancelled, LastChangedOn = e.CancelledOn }),
        (var s, SipMeetingNotHeld e) => s.Meeting(e.MeetingId, m => m with { State = MeetingState.NotHeld, LastChangedOn = e.RecordedOn }),
        (var s, SipMeetingHeld e) => s.Meeting(e.MeetingId, m => m with { HeldOn = e.HeldOn, State = MeetingState.Held, LastChangedOn = e.HeldOn }),
        (var s, StallFlagRaised e) => s with { Flags = s.Flags.With(e.FlagId, OpenFlags.From(e)) },
        (var s, StallFlagAcknowledged e) when s.Flags.ContainsKey(e.FlagId) => s with { Flags = s.Flags.With(e.FlagId, OpenFlags.Acknowledge(s.Flags[e.FlagId], e)) },
        (var s, StallFlagCleared e) => s with { Flags = s.Flags.Without(e.FlagId) },
        (var s, CaseClosed e) => s with { Status = CaseStatus.Closed, ClosedOn = e.ClosedOn, EndedByLastClose = e.EndedInterventions ?? [] },
        (var s, TargetGroupsChanged e) => s with { TargetGroups = e.TargetGroups },
        (var s, CaseReopened e) => s with { Status = CaseStatus.Open, ReopenedOn = e.ReopenedOn },
        (var s, FollowUp.IFollowUpEvent e) => s with { Participants = FollowUp.ParticipantRecords.Apply(s.Participants, e) },
        var (s, _) => s,
    };

    private CaseState Goal(Guid id, Func<GoalStatus, GoalStatus> change) =>
        this with { GoalStates = GoalStates.With(id, change(GoalStates[id])) };

    private CaseState Action(Guid id, Func<ActionStatus, ActionStatus> change) =>
        this with { Actions = Actions.With(id, change(Actions[id])) };

    private CaseState Meeting(Guid id, Func<MeetingStatus, MeetingStatus> change) =>
        this with { Meetings = Meetings.With(id, change(Meetings[id])) };

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private CaseState Move(Guid id, InterventionState to, DateOnly on) =>
        this with { Interventions = Interventions.With(id, Interventions[id] with { State = to, LastChangedOn = on }) };
}

/// <summary>Open flags folded from flag events; shared by the decider state and the read models.</summary>
public static class OpenFlags
{
    /// <summary>The open flag a raise creates.</summary>
    public static OpenFlag From(StallFlagRaised e) =>
        new(e.FlagId, e.Rule, e.Subject, e.Severity, e.Reason, e.ReasonEn, e.Since, e.RaisedOn, e.RaisedBy, Describes: e.Describes);

    /// <summary>The flag after an acknowledgement.</summary>
    public static OpenFlag Acknowledge(OpenFlag flag, StallFlagAcknowledged e) =>
        flag with { AcknowledgedOn = e.AcknowledgedOn, AcknowledgedBy = e.AcknowledgedBy, AcknowledgeNote = e.Note, SnoozedUntil = e.SnoozedUntil };

    /// <summary>Applies a flag event to a list of open flags.</summary>
    public static IReadOnlyList<OpenFlag> Apply(IReadOnlyList<OpenFlag> flags, IFlagEvent @event) => @event switch
    {
        StallFlagRaised e => [.. flags.Where(f => f.Id != e.FlagId), From(e)],
        StallFlagAcknowledged e => [.. flags.Select(f => f.Id == e.FlagId ? Acknowledge(f, e) : f)],
        StallFlagCleared e => [.. flags.Where(f => f.Id != e.FlagId)],
        _ => flags,
    };
}

internal static class DictionaryExtensions
{
    public static IReadOnlyDictionary<TKey, TValue> Without<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> source, TKey key)
        where TKey : notnull
    {
        var copy = new Dictionary<TKey, TValue>(source);
        copy.Remove(key);
        return copy;
    }

    public static IReadOnlyDictionary<TKey, TValue> With<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> source, TKey key, TValue value)
        where TKey : notnull =>
        new Dictionary<TKey, TValue>(source) { [key] = value };
}
