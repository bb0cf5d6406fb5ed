namespace Finsam.Samordning.Domain.Cases;

#pragma warning disable CS1591 // The overview's member records are documented by their responses in GetCaseOverview.

public sealed record OverviewParty(PartyCode Party, string Unit, string CaseworkerId, string CaseworkerName, DateOnly JoinedOn,
    DateOnly? LeftOn = null, string? LeaveReason = null, PartyCode? HandedOverTo = null)
{
    /// <summary>Since when the party has had no caseworker on the case (its caseworker was released and none assigned yet).</summary>
    public DateOnly? CaseworkerReleasedOn { get; init; }
}

/// <summary>An actor outside the förbund named on the case (issue 14).</summary>
/// <param name="Id">Actor id on this case.</param>
/// <param name="Kind">Kind of actor.</param>
/// <param name="Unit">The unit's name: an organisation, never a person.</param>
/// <param name="NamedBy">The party that named it and works with it.</param>
/// <param name="NamedOn">When named.</param>
public sealed record OverviewExternalActor(Guid Id, ExternalActorKind Kind, string Unit, PartyCode NamedBy, DateOnly NamedOn);

/// <summary>A referral or request to an actor outside the förbund.</summary>
/// <param name="Id">Referral id.</param>
/// <param name="ActorId">The actor (see externalActors).</param>
/// <param name="Kind">Kind of referral.</param>
/// <param name="From">The sending party.</param>
/// <param name="SentOn">When sent.</param>
/// <param name="RespondBy">Answer asked for by, if any.</param>
/// <param name="AnsweredOn">When the answer was recorded, if it was.</param>
/// <param name="Accepted">The answer: accepted (true) or declined (false); null while unanswered.</param>
public sealed record OverviewExternalReferral(Guid Id, Guid ActorId, ReferralKind Kind, PartyCode From, DateOnly SentOn, DateOnly? RespondBy,
    DateOnly? AnsweredOn = null, bool? Accepted = null);

/// <summary>The known end of a label the person's help depends on, the latest recorded per label.</summary>
/// <param name="Label">The label (KaaAge: KAA ends; ActivityCompensationAge: aktivitetsersättning ends; EstablishmentPeriod, Lss, Other).</param>
/// <param name="EndsOn">The first day it no longer applies.</param>
/// <param name="RecordedBy">The party that recorded or derived it.</param>
/// <param name="RecordedOn">When.</param>
public sealed record OverviewEligibilityEnd(EligibilityLabel Label, DateOnly EndsOn, PartyCode RecordedBy, DateOnly RecordedOn);

public sealed record OverviewInvitation(Guid Id, PartyCode Party, PartyCode InvitedBy, string Reason, DateOnly InvitedOn,
    InvitationState State = InvitationState.Pending, DateOnly? AnsweredOn = null, string? DeclineReason = null);

public enum InvitationState
{
    Pending,
    Accepted,
    Declined,
}

public sealed record OverviewPause(DateOnly From, DateOnly? To, string Reason);

public sealed record OverviewIntervention(Guid Id, PartyCode Party, string Kind, string Name, string? Label, DateOnly PlannedStart,
    DateOnly PlannedOn, InterventionState State, DateOnly? StartedOn = null, DateOnly? EndedOn = null,
    InterventionEndReason? EndReason = null, InterventionCancelReason? CancelReason = null, string? Note = null)
{
    public IReadOnlyList<OverviewPause> Pauses { get; init; } = [];
}

public sealed record OverviewReferral(Guid Id, ReferralKind Kind, PartyCode From, PartyCode To, string Reason, DateOnly SentOn,
    DateOnly? RespondBy, ReferralState State, DateOnly? AnsweredOn = null, string? DeclineReason = null)
{
    /// <summary>Why it was declined, as a code (null if recorded before codes, or not declined).</summary>
    public ReferralDeclineReason? DeclineCode { get; init; }

    /// <summary>Why the sender withdrew it.</summary>
    public string? WithdrawReason { get; init; }

    /// <summary>Reminders the sender sent.</summary>
    public IReadOnlyList<OverviewReminder> Reminders { get; init; } = [];
}

public sealed record OverviewReminder(DateOnly RemindedOn, string? Note);

public sealed record OverviewNeed(Guid Id, PlanArea Area, string Description, PartyCode IdentifiedBy, DateOnly IdentifiedOn)
{
    /// <summary>The party that answers for meeting the need, if agreed.</summary>
    public PartyCode? ResponsibleParty { get; init; }

    public DateOnly? ResolvedOn { get; init; }

    public string? ResolveNote { get; init; }
}

public sealed record OverviewGoal(Guid Id, PlanArea Area, GoalStatedBy StatedBy, string Text, PartyCode RecordedBy, DateOnly SetOn)
{
    /// <summary>When it should be reached, if dated.</summary>
    public DateOnly? TargetOn { get; init; }

    public GoalState State { get; init; } = GoalState.Active;

    /// <summary>When it was last reworded or re-dated.</summary>
    public DateOnly? RevisedOn { get; init; }

    /// <summary>When it was achieved or abandoned.</summary>
    public DateOnly? ClosedOn { get; init; }

    public string? AbandonReason { get; init; }
}

public sealed record OverviewAction(Guid Id, string Description, PartyCode? ResponsibleParty, bool IndividualResponsible, Guid? GoalId,
    DateOnly DueOn, DateOnly PlannedOn, PartyCode PlannedBy, DateOnly? CompletedOn = null)
{
    /// <summary>A named participant from outside the förbund who is responsible.</summary>
    public OutsideParticipant? ResponsibleOther { get; init; }

    /// <summary>The actor outside the förbund named on the case that is responsible (see externalActors).</summary>
    public Guid? ResponsibleActorId { get; init; }

    public IReadOnlyList<OverviewActionReschedule> Reschedules { get; init; } = [];

    public DateOnly? ReassignedOn { get; init; }

    public DateOnly? DroppedOn { get; init; }

    public string? DropReason { get; init; }

    /// <summary>Neither done nor dropped.</summary>
    public bool IsOpen => CompletedOn is null && DroppedOn is null;
}

public sealed record OverviewActionReschedule(DateOnly From, DateOnly To, string Reason, DateOnly RescheduledOn);

public sealed record OverviewMeeting(Guid Id, DateOnly MeetingOn, IReadOnlyList<PartyCode> InvitedParties, DateOnly ScheduledOn, PartyCode ScheduledBy,
    DateOnly? HeldOn = null, IReadOnlyList<PartyCode>? Participants = null, bool? IndividualTookPart = null, string? Decisions = null,
    DateOnly? NextFollowUpOn = null)
{
    public MeetingState State { get; init; } = MeetingState.Scheduled;

    public MeetingForm Form { get; init; }

    public string? Place { get; init; }

    public bool IndividualInvited { get; init; }

    public IReadOnlyList<OutsideParticipant> OthersInvited { get; init; } = [];

    /// <summary>Each invited party's answer to the current date.</summary>
    public IReadOnlyList<OverviewSipAnswer> Answers { get; init; } = [];

    /// <summary>Parties on the case left out because no consent in force named them.</summary>
    public IReadOnlyList<PartyCode> NotCoveredByConsent { get; init; } = [];

    public IReadOnlyList<OverviewReschedule> Reschedules { get; init; } = [];

    /// <summary>Why it was cancelled or not held.</summary>
    public string? EndReason { get; init; }

    /// <summary>When it was cancelled or recorded as not held.</summary>
    public DateOnly? EndedOn { get; init; }

    public IReadOnlyList<OutsideParticipant> OthersPresent { get; init; } = [];
}

public sealed record OverviewSipAnswer(PartyCode Party, InvitationState Answer = InvitationState.Pending, DateOnly? AnsweredOn = null, string? DeclineReason = null);

public sealed record OverviewReschedule(DateOnly From, DateOnly To, string Reason, DateOnly RescheduledOn);

public sealed record OverviewContact(Guid Id, PartyCode Party, ContactKind Kind, bool NoShow, string? Note, DateOnly OccurredOn)
{
    /// <summary>The party's insats the contact was part of.</summary>
    public Guid? InterventionId { get; init; }

    /// <summary>The SIP meeting it was about.</summary>
    public Guid? MeetingId { get; init; }
}

/// <summary>One party's contacts on the case in figures: how many, how many with a note, the latest, and the recent no-shows.</summary>
/// <param name="Party">The party that logged them.</param>
/// <param name="Count">Contacts it logged.</param>
/// <param name="LastOn">Its latest contact.</param>
/// <param name="NoShows">
/// The dates of its no-shows within <see cref="ContactsView.NoShowWindowDays"/> days of its latest
/// contact: no view of today (never before a contact's date) can count an older one.
/// </param>
/// <param name="WithNotes">Contacts it logged with a note (a reader not open to its notes is told how many).</param>
public sealed record ContactTally(PartyCode Party, int Count, DateOnly LastOn, IReadOnlyList<DateOnly> NoShows, int WithNotes = 0)
{
    /// <summary>The tallies of a full list of contacts.</summary>
    public static IReadOnlyList<ContactTally> Of(IEnumerable<OverviewContact> contacts) =>
    [
        .. contacts.GroupBy(c => c.Party).Select(g => g.Skip(1).Aggregate(Start(g.First()), (t, c) => t.Add(c))),
    ];

    /// <summary>The tally of a party's first contact.</summary>
    public static ContactTally Start(OverviewContact contact) =>
        new(contact.Party, 1, contact.OccurredOn, contact.NoShow ? [contact.OccurredOn] : [], contact.Note is null ? 0 : 1);

    /// <summary>The tally with one more contact.</summary>
    public ContactTally Add(OverviewContact contact)
    {
        var lastOn = contact.OccurredOn > LastOn ? contact.OccurredOn : LastOn;
        var since = lastOn.AddDays(-ContactsView.NoShowWindowDays);
        return this with
        {
            Count = Count + 1,
            LastOn = lastOn,
            NoShows = [.. (contact.NoShow ? NoShows.Append(contact.OccurredOn) : NoShows).Where(on => on > since)],
            WithNotes = WithNotes + (contact.Note is null ? 0 : 1),
        };
    }
}

public sealed record OverviewAssessment(Guid Id, PartyCode Party, WorkCapacityConclusion Conclusion, string? Note, DateOnly ValidFrom)
{
    /// <summary>The day it was made.</summary>
    public DateOnly AssessedOn { get; init; }

    /// <summary>The last day it is valid for, if limited.</summary>
    public DateOnly? ValidUntil { get; init; }
}

/// <summary>A reopening, and the insatser the close before it had ended (they stay ended).</summary>
public sealed record OverviewReopening(DateOnly ReopenedOn, string Reason, IReadOnlyList<Guid> InterventionsEndedByClose);

/// <summary>The target groups from a day on.</summary>
public sealed record OverviewTargetGroupChange(DateOnly ChangedOn, PartyCode ChangedBy, IReadOnlyList<TargetGroup> TargetGroups);

public sealed record OverviewBenefitDecision(Guid Id, PartyCode Party, Benefit Benefit, BenefitDecisionKind Decision, DateOnly From,
    DateOnly? Until, DateOnly DecidedOn);

#pragma warning restore CS1591

/// <summary>
/// The joint SIP view of a case, as stored in its case file. Everything a SIP meeting asks is
/// here as facts with their business dates; figures that depend on "today" (days waited,
/// parallelism, overdue) are computed when it is read, for today or for an <c>asOf</c> date.
/// </summary>
public sealed record CaseOverview
{
    /// <summary>Case id.</summary>
    public Guid Id { get; init; }

    /// <summary>Stream version the overview was built from.</summary>
    public long Version { get; set; }

    /// <summary>Open or closed.</summary>
    public CaseStatus Status { get; init; }

    /// <summary>Four-digit municipality code.</summary>
    public string MunicipalityCode { get; init; } = "";

    /// <summary>Target groups.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];

    /// <summary>The party that opened the case (and recorded its target groups).</summary>
    public PartyCode OpeningParty { get; init; }

    /// <summary>When opened.</summary>
    public DateOnly OpenedOn { get; init; }

    /// <summary>When (last) closed.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>Outcome at closing.</summary>
    public CaseOutcome? Outcome { get; init; }

    /// <summary>Parties, including those that left.</summary>
    public IReadOnlyList<OverviewParty> Parties { get; init; } = [];

    /// <summary>Reopenings, oldest first.</summary>
    public IReadOnlyList<OverviewReopening> Reopenings { get; init; } = [];

    /// <summary>Changes of the target groups after opening, oldest first.</summary>
    public IReadOnlyList<OverviewTargetGroupChange> TargetGroupChanges { get; init; } = [];

    /// <summary>Planeringsansvarig.</summary>
    public PartyCode? PlanLead { get; init; }

    /// <summary>Since when the plan lead holds the plan.</summary>
    public DateOnly? PlanLeadSince { get; init; }

    /// <summary>Every consent version, with who confirmed or declined it.</summary>
    public IReadOnlyList<Consent> Consents { get; init; } = [];

    /// <summary>Invitations to join the case.</summary>
    public IReadOnlyList<OverviewInvitation> Invitations { get; init; } = [];

    /// <summary>Every insats of every party.</summary>
    public IReadOnlyList<OverviewIntervention> Interventions { get; init; } = [];

    /// <summary>Referrals.</summary>
    public IReadOnlyList<OverviewReferral> Referrals { get; init; } = [];

    /// <summary>Needs in the plan.</summary>
    public IReadOnlyList<OverviewNeed> Needs { get; init; } = [];

    /// <summary>Goals in the plan.</summary>
    public IReadOnlyList<OverviewGoal> Goals { get; init; } = [];

    /// <summary>Actions in the plan.</summary>
    public IReadOnlyList<OverviewAction> Actions { get; init; } = [];

    /// <summary>SIP meetings.</summary>
    public IReadOnlyList<OverviewMeeting> Meetings { get; init; } = [];

    /// <summary>
    /// The latest contacts of each party (<see cref="ContactsKeptPerParty"/> of them by date), in the
    /// order logged. The overview shows the ten latest of those the reader may see, which are always
    /// among these; older ones only made every write of a long case larger. The history keeps all.
    /// </summary>
    public IReadOnlyList<OverviewContact> Contacts { get; init; } = [];

    /// <summary>Each party's contacts in figures (count, latest, no-shows), over all contacts logged.</summary>
    // A case file stored before the contacts were bounded has every contact and no tallies: they are
    // derived from its list, which is then complete, and stored with its next event; its next
    // contact also trims the list.
    public IReadOnlyList<ContactTally> ContactTallies
    {
        get => _contactTallies ?? ContactTally.Of(Contacts);
        init => _contactTallies = value;
    }

    private readonly IReadOnlyList<ContactTally>? _contactTallies;

    /// <summary>How many of each party's latest contacts the case file keeps (the overview shows ten).</summary>
    public const int ContactsKeptPerParty = ContactsView.RecentCount;

    /// <summary>Work capacity assessments.</summary>
    public IReadOnlyList<OverviewAssessment> Assessments { get; init; } = [];

    /// <summary>Benefit decisions.</summary>
    public IReadOnlyList<OverviewBenefitDecision> BenefitDecisions { get; init; } = [];

    /// <summary>Latest business date of anything on the case.</summary>
    public DateOnly LastActivityOn { get; init; }

    /// <summary>Answers to the progress questionnaire, in the order recorded (issue 15).</summary>
    public IReadOnlyList<FollowUp.ProgressAnswers> Progress { get; init; } = [];

    /// <summary>Open flags: the stall scan's findings and concerns raised by hand.</summary>
    public IReadOnlyList<OpenFlag> Flags { get; init; } = [];

    /// <summary>Actors outside the förbund named on the case.</summary>
    public IReadOnlyList<OverviewExternalActor> ExternalActors { get; init; } = [];

    /// <summary>Referrals to actors outside the förbund.</summary>
    public IReadOnlyList<OverviewExternalReferral> ExternalReferrals { get; init; } = [];

    /// <summary>Known ends of labels the person's help depends on, the latest per label.</summary>
    public IReadOnlyList<OverviewEligibilityEnd> EligibilityEnds { get; init; } = [];

    /// <summary>
    /// The overview with every free text (reasons, notes, descriptions, goals, decisions, flag
    /// reasons and notes) passed through <paramref name="map"/>: the one place its texts are
    /// listed, so the read boundary opens them all.
    /// </summary>
    public CaseOverview MapText(Func<string?, string?> map) => this with
    {
        Parties = [.. Parties.Select(p => p with { LeaveReason = map(p.LeaveReason) })],
        Reopenings = [.. Reopenings.Select(r => r with { Reason = map(r.Reason)! })],
        Invitations = [.. Invitations.Select(i => i with { Reason = map(i.Reason)!, DeclineReason = map(i.DeclineReason) })],
        Interventions =
        [
            .. Interventions.Select(i => i with { Note = map(i.Note), Pauses = [.. i.Pauses.Select(p => p with { Reason = map(p.Reason)! })] }),
        ],
        Referrals =
        [
            .. Referrals.Select(r => r with
            {
                Reason = map(r.Reason)!, DeclineReason = map(r.DeclineReason), WithdrawReason = map(r.WithdrawReason),
                Reminders = [.. r.Reminders.Select(m => m with { Note = map(m.Note) })],
            }),
        ],
        Needs = [.. Needs.Select(n => n with { Description = map(n.Description)!, ResolveNote = map(n.ResolveNote) })],
        Goals = [.. Goals.Select(g => g with { Text = map(g.Text)!, AbandonReason = map(g.AbandonReason) })],
        Actions =
        [
            .. Actions.Select(a => a with
            {
                Description = map(a.Description)!, DropReason = map(a.DropReason), ResponsibleOther = a.ResponsibleOther?.MapText(map),
                Reschedules = [.. a.Reschedules.Select(r => r with { Reason = map(r.Reason)! })],
            }),
        ],
        Meetings =
        [
            .. Meetings.Select(m => m with
            {
                Decisions = map(m.Decisions), Place = map(m.Place), EndReason = map(m.EndReason),
                OthersInvited = OutsideParticipant.MapAll(m.OthersInvited, map)!, OthersPresent = OutsideParticipant.MapAll(m.OthersPresent, map)!,
                Answers = [.. m.Answers.Select(a => a with { DeclineReason = map(a.DeclineReason) })],
                Reschedules = [.. m.Reschedules.Select(r => r with { Reason = map(r.Reason)! })],
            }),
        ],
        Contacts = [.. Contacts.Select(c => c with { Note = map(c.Note) })],
        Assessments = [.. Assessments.Select(a => a with { Note = map(a.Note) })],
        Flags = [.. Flags.Select(f => f.MapText(map))],
    };

    // The contact counted in its party's tally and kept among its party's latest. Of a party's
    // contacts the one dropped is the one the overview would list last: the earliest date, and of
    // that date the one logged last (the overview orders by date, newest first, keeping the order
    // logged within a day).
    private CaseOverview WithContact(OverviewContact contact)
    {
        var tallies = ContactTallies;
        var contacts = Contacts.Append(contact).ToList();
        var theirs = contacts.Where(c => c.Party == contact.Party).ToList();
        // More than one over only in a case file stored before the bound.
        while (theirs.Count > ContactsKeptPerParty)
        {
            var earliest = theirs.Min(c => c.OccurredOn);
            var dropped = theirs.Last(c => c.OccurredOn == earliest);
            theirs.Remove(dropped);
            contacts.Remove(dropped);
        }

        return this with
        {
            Contacts = contacts,
            ContactTallies = tallies.Any(t => t.Party == contact.Party)
                ? [.. tallies.Select(t => t.Party == contact.Party ? t.Add(contact) : t)]
                : [.. tallies, ContactTally.Start(contact)],
        };
    }

    /// <summary>Parties with an unanswered referral or invitation to the case.</summary>
    public IEnumerable<PartyCode> PendingParties() =>
        Referrals.Where(r => r.State == ReferralState.Pending).Select(r => r.To)
            .Concat(Invitations.Where(i => i.State == InvitationState.Pending).Select(i => i.Party));

    /// <summary>How <paramref name="party"/> stands to the case.</summary>
    public RelationKind RelationOf(PartyCode party) => Relation.Of(party, Parties.Select(p => (p.Party, p.LeftOn is null)), PendingParties());

    /// <summary>
    /// Folds one event in. Tolerant of entries it does not know: an <c>asOf</c> view skips events
    /// dated after the cut, and an insats planned later than it was (back-)dated to start must not
    /// break the view.
    /// </summary>
    public static CaseOverview? Project(CaseOverview? overview, ICaseEvent @event)
    {
        if (@event is IFlagEvent flag)
        {
            // Flags are about the case, not activity on it: they leave LastActivityOn alone.
            return overview is null ? null : overview with { Flags = OpenFlags.Apply(overview.Flags, flag) };
        }

        var next = (overview, @event) switch
        {
            (_, CaseOpened e) => new CaseOverview
            {
                Id = e.CaseId,
                Status = CaseStatus.Open,
                MunicipalityCode = e.MunicipalityCode,
                TargetGroups = e.TargetGroups,
                OpeningParty = e.OpeningParty,
                OpenedOn = e.OpenedOn,
            },
            (null, _) => null,
            (var o, PartyJoined e) => o with
            {
                Parties = [.. o.Parties.Where(p => p.Party != e.Party), new OverviewParty(e.Party, e.Unit, e.CaseworkerId, e.CaseworkerName, e.JoinedOn)],
            },
            (var o, CaseworkerAssigned e) => o with
            {
                Parties = Replace(o.Parties, p => p.Party == e.Party,
                    p => p with { CaseworkerId = e.CaseworkerId, CaseworkerName = e.CaseworkerName, CaseworkerReleasedOn = null }),
            },
            // Nobody carries the case at the party until a caseworker is assigned.
            (var o, CaseworkerReleased e) => o with
            {
                Parties = Replace(o.Parties, p => p.Party == e.Party, p => p with { CaseworkerId = "", CaseworkerName = "", CaseworkerReleasedOn = e.ReleasedOn }),
            },
            (var o, ExternalActorNamed e) => o with
            {
                ExternalActors = [.. o.ExternalActors, new OverviewExternalActor(e.ActorId, e.Kind, e.Unit, e.NamedBy, e.NamedOn)],
            },
            (var o, ExternalReferralSent e) => o with
            {
                ExternalReferrals = [.. o.ExternalReferrals, new OverviewExternalReferral(e.ReferralId, e.ActorId, e.Kind, e.From, e.SentOn, e.RespondBy)],
            },
            (var o, ExternalReferralAnswered e) => o with
            {
                ExternalReferrals = Replace(o.ExternalReferrals, r => r.Id == e.ReferralId, r => r with { AnsweredOn = e.AnsweredOn, Accepted = e.Accepted }),
            },
            (var o, EligibilityEndRecorded e) => o with
            {
                EligibilityEnds = [.. o.EligibilityEnds.Where(l => l.Label != e.Label), new OverviewEligibilityEnd(e.Label, e.EndsOn, e.RecordedBy, e.RecordedOn)],
            },
            (var o, PartyLeft e) => o with
            {
                Parties = Replace(o.Parties, p => p.Party == e.Party, p => p with { LeftOn = e.LeftOn, LeaveReason = e.Reason, HandedOverTo = e.HandedOverTo }),
                PlanLead = o.PlanLead == e.Party ? null : o.PlanLead,
            },
            (var o, ConsentRecorded or ConsentConfirmed or ConsentDeclined or ConsentRevoked) => o with { Consents = Domain.Cases.ConsentLedger.Apply(o.Consents, @event) },
            (var o, PartyInvited e) => o with
            {
                Invitations = [.. o.Invitations, new OverviewInvitation(e.InvitationId, e.Party, e.InvitedBy, e.Reason, e.InvitedOn)],
            },
            (var o, InvitationAccepted e) => o with
            {
                Invitations = Replace(o.Invitations, i => i.Id == e.InvitationId, i => i with { State = InvitationState.Accepted, AnsweredOn = e.AcceptedOn }),
            },
            (var o, InvitationDeclined e) => o with
            {
                Invitations = Replace(o.Invitations, i => i.Id == e.InvitationId,
                    i => i with { State = InvitationState.Declined, AnsweredOn = e.DeclinedOn, DeclineReason = e.Reason }),
            },
            (var o, InterventionPlanned e) => o with
            {
                Interventions = [.. o.Interventions, new OverviewIntervention(e.InterventionId, e.Party, e.Kind,
                    InterventionCatalogue.NameOf(e.Party, e.Kind, e.Label), e.Label, e.PlannedStart, e.PlannedOn, InterventionState.Planned)],
            },
            (var o, InterventionStarted e) => o.Insats(e.InterventionId, i => i with { State = InterventionState.Ongoing, StartedOn = e.StartedOn }),
            (var o, InterventionPaused e) => o.Insats(e.InterventionId, i => i with
            {
                State = InterventionState.Paused,
                Pauses = [.. i.Pauses, new OverviewPause(e.PausedOn, null, e.Reason)],
            }),
            (var o, InterventionResumed e) => o.Insats(e.InterventionId, i => i with
            {
                State = InterventionState.Ongoing,
                Pauses = [.. i.Pauses.Select(p => p.To is null ? p with { To = e.ResumedOn } : p)],
            }),
            (var o, InterventionCompleted e) => o.Insats(e.InterventionId, i => i with
            {
                State = InterventionState.Completed, EndedOn = e.CompletedOn, EndReason = e.EndReason, Note = e.Note,
            }),
            (var o, InterventionCancelled e) => o.Insats(e.InterventionId, i => i with
            {
                State = InterventionState.Cancelled, EndedOn = e.CancelledOn, CancelReason = e.Reason, Note = e.Note,
            }),
            (var o, ReferralSent e) => o with
            {
                Referrals = [.. o.Referrals, new OverviewReferral(e.ReferralId, e.Kind, e.From, e.To, e.Reason, e.SentOn, e.RespondBy, ReferralState.Pending)],
            },
            (var o, ReferralAccepted e) => o with
            {
                Referrals = Replace(o.Referrals, r => r.Id == e.ReferralId, r => r with { State = ReferralState.Accepted, AnsweredOn = e.AcceptedOn }),
            },
            (var o, ReferralDeclined e) => o.Referral(e.ReferralId, r => r with
            {
                State = ReferralState.Declined, AnsweredOn = e.DeclinedOn, DeclineReason = e.Reason, DeclineCode = e.Code,
            }),
            (var o, ReferralWithdrawn e) => o.Referral(e.ReferralId, r => r with { State = ReferralState.Withdrawn, AnsweredOn = e.WithdrawnOn, WithdrawReason = e.Reason }),
            (var o, ReferralReminded e) => o.Referral(e.ReferralId, r => r with { Reminders = [.. r.Reminders, new OverviewReminder(e.RemindedOn, e.Note)] }),
            (var o, ReferralRespondByChanged e) => o.Referral(e.ReferralId, r => r with { RespondBy = e.RespondBy }),
            (var o, NeedIdentified e) => o with
            {
                Needs = [.. o.Needs, new OverviewNeed(e.NeedId, e.Area, e.Description, e.IdentifiedBy, e.IdentifiedOn) { ResponsibleParty = e.ResponsibleParty }],
            },
            (var o, NeedResolved e) => o with { Needs = Replace(o.Needs, n => n.Id == e.NeedId, n => n with { ResolvedOn = e.ResolvedOn, ResolveNote = e.Note }) },
            (var o, PlanLeadAssigned e) => o with { PlanLead = e.Party, PlanLeadSince = e.AssignedOn },
            (var o, GoalSet e) => o with { Goals = [.. o.Goals, new OverviewGoal(e.GoalId, e.Area, e.StatedBy, e.Text, e.RecordedBy, e.SetOn) { TargetOn = e.TargetOn }] },
            (var o, GoalRevised e) => o.Goal(e.GoalId, g => g with { Text = e.Text, TargetOn = e.TargetOn, RevisedOn = e.RevisedOn }),
            (var o, GoalAchieved e) => o.Goal(e.GoalId, g => g with { State = GoalState.Achieved, ClosedOn = e.AchievedOn }),
            (var o, GoalAbandoned e) => o.Goal(e.GoalId, g => g with { State = GoalState.Abandoned, ClosedOn = e.AbandonedOn, AbandonReason = e.Reason }),
            (var o, ActionPlanned e) => o with
            {
                Actions =
                [
                    .. o.Actions, new OverviewAction(e.ActionId, e.Description, e.ResponsibleParty, e.IndividualResponsible, e.GoalId, e.DueOn, e.PlannedOn, e.PlannedBy)
                    {
                        ResponsibleOther = e.ResponsibleOther, ResponsibleActorId = e.ResponsibleActorId,
                    },
                ],
            },
            (var o, ActionCompleted e) => o.Action(e.ActionId, a => a with { CompletedOn = e.CompletedOn }),
            (var o, ActionRescheduled e) => o.Action(e.ActionId, a => a with
            {
                DueOn = e.DueOn, Reschedules = [.. a.Reschedules, new OverviewActionReschedule(e.PreviousDueOn, e.DueOn, e.Reason, e.RescheduledOn)],
            }),
            (var o, ActionReassigned e) => o.Action(e.ActionId, a => a with
            {
                ResponsibleParty = e.ResponsibleParty, ResponsibleOther = e.ResponsibleOther, ResponsibleActorId = e.ResponsibleActorId,
                IndividualResponsible = e.ResponsibleParty is null && e.ResponsibleOther is null && e.ResponsibleActorId is null, ReassignedOn = e.ReassignedOn,
            }),
            (var o, ActionDropped e) => o.Action(e.ActionId, a => a with { DroppedOn = e.DroppedOn, DropReason = e.Reason }),
            (var o, SipMeetingScheduled e) => o with
            {
                Meetings =
                [
                    .. o.Meetings, new OverviewMeeting(e.MeetingId, e.MeetingOn, e.InvitedParties, e.ScheduledOn, e.ScheduledBy)
                    {
                        Form = e.Form, Place = e.Place, IndividualInvited = e.IndividualInvited, OthersInvited = e.OthersInvited ?? [],
                        NotCoveredByConsent = e.NotCoveredByConsent ?? [], Answers = OrganiserComes(e.InvitedParties, e.ScheduledBy, e.ScheduledOn),
                    },
                ],
            },
            (var o, SipInvitationAccepted e) => o.Meeting(e.MeetingId, m => m with
            {
                Answers = Replace(m.Answers, a => a.Party == e.Party, a => a with { Answer = InvitationState.Accepted, AnsweredOn = e.AnsweredOn }),
            }),
            (var o, SipInvitationDeclined e) => o.Meeting(e.MeetingId, m => m with
            {
                Answers = Replace(m.Answers, a => a.Party == e.Party, a => a with { Answer = InvitationState.Declined, AnsweredOn = e.AnsweredOn, DeclineReason = e.Reason }),
            }),
            (var o, SipMeetingRescheduled e) => o.Meeting(e.MeetingId, m => m with
            {
                MeetingOn = e.MeetingOn,
                Reschedules = [.. m.Reschedules, new OverviewReschedule(e.PreviousOn, e.MeetingOn, e.Reason, e.RescheduledOn)],
                Answers = OrganiserComes(m.InvitedParties, m.ScheduledBy, e.RescheduledOn),
            }),
            (var o, SipMeetingCancelled e) => o.Meeting(e.MeetingId, m => m with { State = MeetingState.Cancelled, EndReason = e.Reason, EndedOn = e.CancelledOn }),
            (var o, SipMeetingNotHeld e) => o.Meeting(e.MeetingId, m => m with { State = MeetingState.NotHeld, EndReason = e.Reason, EndedOn = e.RecordedOn }),
            (var o, SipMeetingHeld e) => o.Meeting(e.MeetingId, m => m with
            {
                State = MeetingState.Held, HeldOn = e.HeldOn, Participants = e.Participants, IndividualTookPart = e.IndividualTookPart,
                Decisions = e.Decisions, NextFollowUpOn = e.NextFollowUpOn, OthersPresent = e.OthersPresent ?? [],
            }),
            (var o, ContactLogged e) => o.WithContact(
                new OverviewContact(e.ContactId, e.Party, e.Kind, e.NoShow, e.Note, e.OccurredOn) { InterventionId = e.InterventionId, MeetingId = e.MeetingId }),
            (var o, WorkCapacityAssessed e) => o with
            {
                Assessments =
                [
                    .. o.Assessments,
                    new OverviewAssessment(e.AssessmentId, e.Party, e.Conclusion, e.Note, e.ValidFrom) { AssessedOn = e.BusinessDate, ValidUntil = e.ValidUntil },
                ],
            },
            (var o, TargetGroupsChanged e) => o with
            {
                TargetGroups = e.TargetGroups, TargetGroupChanges = [.. o.TargetGroupChanges, new OverviewTargetGroupChange(e.ChangedOn, e.ChangedBy, e.TargetGroups)],
            },
            (var o, BenefitDecisionRecorded e) => o with
            {
                BenefitDecisions = [.. o.BenefitDecisions, new OverviewBenefitDecision(e.DecisionId, e.Party, e.Benefit, e.Decision, e.From, e.Until, e.DecidedOn)],
            },
            (var o, CaseClosed e) => o with { Status = CaseStatus.Closed, ClosedOn = e.ClosedOn, Outcome = e.Outcome },
            (var o, CaseReopened e) => o with
            {
                Status = CaseStatus.Open, Outcome = null,
                Reopenings = [.. o.Reopenings, new OverviewReopening(e.ReopenedOn, e.Reason, e.InterventionsEndedByClose ?? [])],
            },
            (var o, FollowUp.ProgressQuestionnaireAnswered e) => o with { Progress = [.. o.Progress, FollowUp.ProgressAnswers.From(e)] },
            var (o, _) => o,
        };
        return next is null ? null : next with { LastActivityOn = next.LastActivityOn > @event.BusinessDate ? next.LastActivityOn : @event.BusinessDate };
    }

    // The organiser calls the meeting and so comes to it: only the others answer.
    private static IReadOnlyList<OverviewSipAnswer> OrganiserComes(IReadOnlyList<PartyCode> invited, PartyCode organiser, DateOnly on) =>
        [.. invited.Select(p => p == organiser ? new OverviewSipAnswer(p, InvitationState.Accepted, on) : new OverviewSipAnswer(p))];

    private CaseOverview Referral(Guid id, Func<OverviewReferral, OverviewReferral> change) =>
        this with { Referrals = Replace(Referrals, r => r.Id == id, change) };

    private CaseOverview Goal(Guid id, Func<OverviewGoal, OverviewGoal> change) =>
        this with { Goals = Replace(Goals, g => g.Id == id, change) };

    private CaseOverview Action(Guid id, Func<OverviewAction, OverviewAction> change) =>
        this with { Actions = Replace(Actions, a => a.Id == id, change) };

    private CaseOverview Meeting(Guid id, Func<OverviewMeeting, OverviewMeeting> change) =>
        this with { Meetings = Replace(Meetings, m => m.Id == id, change) };

    private CaseOverview Insats(Guid id, Func<OverviewIntervention, OverviewIntervention> change) =>
        this with { Interventions = Replace(Interventions, i => i.Id == id, change) };

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, Func<T, bool> match, Func<T, T> change) =>
        [.. items.Select(i => match(i) ? change(i) : i)];
}
