using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Inbox;

/// <summary>What a notice tells its reader happened on a case (mechanism 14: one party's change reaching the others).</summary>
public enum NoticeKind
{
    /// <summary>Another party paused an insats.</summary>
    InterventionPaused,
    /// <summary>Another party cancelled an insats.</summary>
    InterventionCancelled,
    /// <summary>Another party ended an insats.</summary>
    InterventionEnded,
    /// <summary>The shared plan changed: a need, goal, action or plan lead.</summary>
    PlanChanged,
    /// <summary>A SIP meeting was scheduled.</summary>
    MeetingScheduled,
    /// <summary>A SIP meeting was held.</summary>
    MeetingHeld,
    /// <summary>A party left the case.</summary>
    PartyLeft,
    /// <summary>A flag was raised on the case.</summary>
    FlagRaised,
    /// <summary>A referral was sent to the reader's party.</summary>
    ReferralToYou,
    /// <summary>The reader's party was invited to the case.</summary>
    InvitationToYou,
    /// <summary>A plan action was given to the reader's party.</summary>
    ActionForYou,
    /// <summary>A plan action the reader's party answers for is past due (the OverdueAction rule).</summary>
    ActionPastDue,
    /// <summary>A SIP meeting was moved to another day.</summary>
    MeetingMoved,
    /// <summary>A SIP meeting was cancelled.</summary>
    MeetingCancelled,
    /// <summary>A plan action the reader's party answers for is due within the days set (ActionComingDue in the stall settings); <c>on</c> is the due date.</summary>
    ActionComingDue,
    /// <summary>KAA's kännedom record (entryId) meets NoAnswerBeforeCase: the young person has not answered and there is no case.</summary>
    NoAnswerBeforeCase,
}

/// <summary>
/// A notice to be delivered, before the secrecy check: ids, kinds and dates only, never free text.
/// </summary>
/// <param name="Recipient">The party to tell; null for the förbund's samverkansledare.</param>
/// <param name="Kind">What happened.</param>
/// <param name="CaseId">The case.</param>
/// <param name="EntryId">The entry it is about (insats, referral, action, meeting, flag), if any.</param>
/// <param name="Owner">The party whose entry it is; null for facts every related party may know.</param>
/// <param name="Category">The entry's information category; null when who is on the case or a flag's existence is all it says.</param>
/// <param name="Addressed">Sent to the recipient itself (a referral, invitation or action for it): it may always see it.</param>
/// <param name="On">The business date of the change.</param>
/// <param name="Rule">For a flag, its rule code.</param>
public sealed record NoticeDraft(PartyCode? Recipient, NoticeKind Kind, Guid CaseId, Guid? EntryId, PartyCode? Owner, InformationCategory? Category,
    bool Addressed, DateOnly On, string? Rule = null)
{
    /// <summary>
    /// A notice that must be written once (time-driven: an action coming due, a kännedom record's rule)
    /// has a deterministic id: a second writer (another run, another replica) finds it there.
    /// </summary>
    public Guid? Key { get; init; }
}

/// <summary>
/// Who must be told of which change. Pure: the events a command or the scan appended, the parties on
/// the case after them, and who acted. The secrecy check at delivery and at read comes after.
/// </summary>
public static class Notices
{
    /// <summary>The notices the <paramref name="events"/> give rise to.</summary>
    /// <param name="events">The events appended together.</param>
    /// <param name="onCase">Parties on the case after the events.</param>
    /// <param name="actor">The acting party; null for the scan or the förbund. It is not told of its own change.</param>
    /// <param name="responsibleFor">The party responsible for a plan action, by id.</param>
    public static IReadOnlyList<NoticeDraft> For(IEnumerable<ICaseEvent> events, IReadOnlyCollection<PartyCode> onCase, PartyCode? actor,
        Func<Guid, PartyCode?> responsibleFor)
    {
        var others = onCase.Where(p => p != actor).Order().ToList();
        // A notice about an entry is as secret as the entry: its category is the event's own ([SecretAs]).
        IEnumerable<NoticeDraft> ToOthers(ICaseEvent e, NoticeKind kind, Guid? entry, PartyCode? owner) =>
            others.Select(p => new NoticeDraft(p, kind, e.CaseId, entry, owner, InformationCategories.Of(e.GetType()), false, e.BusinessDate));
        NoticeDraft ToOne(ICaseEvent e, PartyCode recipient, NoticeKind kind, Guid entry, PartyCode? owner) =>
            new(recipient, kind, e.CaseId, entry, owner, InformationCategories.Of(e.GetType()), true, e.BusinessDate);

        // The party answering for an action: the responsible party, or for an external actor's the party that named the actor.
        PartyCode? Answering(PartyCode? party, Guid? externalActor, Guid action) => party ?? (externalActor is null ? null : responsibleFor(action));

        // An action given to a party: it is addressed (ActionForYou), the other parties hear the plan changed.
        IEnumerable<NoticeDraft> ForYou(ICaseEvent e, Guid action, PartyCode? answering, PartyCode? owner, IEnumerable<NoticeDraft> toOthers) =>
        [
            .. toOthers.Where(n => n.Recipient != answering),
            .. answering is { } r && r != actor && onCase.Contains(r)
                ? [ToOne(e, r, NoticeKind.ActionForYou, action, owner)]
                : Array.Empty<NoticeDraft>(),
        ];

        var result = new List<NoticeDraft>();
        foreach (var e in events)
        {
            result.AddRange(e switch
            {
                InterventionPaused p => ToOthers(e, NoticeKind.InterventionPaused, p.InterventionId, actor),
                InterventionCancelled c => ToOthers(e, NoticeKind.InterventionCancelled, c.InterventionId, actor),
                InterventionCompleted c => ToOthers(e, NoticeKind.InterventionEnded, c.InterventionId, actor),
                NeedIdentified n => ToOthers(e, NoticeKind.PlanChanged, n.NeedId, n.IdentifiedBy),
                GoalSet g => ToOthers(e, NoticeKind.PlanChanged, g.GoalId, g.RecordedBy),
                PlanLeadAssigned => ToOthers(e, NoticeKind.PlanChanged, null, null),
                ActionPlanned a => ForYou(e, a.ActionId, Answering(a.ResponsibleParty, a.ResponsibleActorId, a.ActionId), a.PlannedBy,
                    ToOthers(e, NoticeKind.PlanChanged, a.ActionId, a.PlannedBy)),
                ActionCompleted a => ToOthers(e, NoticeKind.PlanChanged, a.ActionId, actor),
                // Plan upkeep: whoever counted on the item hears that it moved, changed hands or went.
                ActionRescheduled a => ToOthers(e, NoticeKind.PlanChanged, a.ActionId, actor),
                ActionDropped a => ToOthers(e, NoticeKind.PlanChanged, a.ActionId, actor),
                ActionReassigned a => ForYou(e, a.ActionId, Answering(a.ResponsibleParty, a.ResponsibleActorId, a.ActionId), actor,
                    ToOthers(e, NoticeKind.PlanChanged, a.ActionId, actor)),
                GoalRevised g => ToOthers(e, NoticeKind.PlanChanged, g.GoalId, actor),
                GoalAchieved g => ToOthers(e, NoticeKind.PlanChanged, g.GoalId, actor),
                GoalAbandoned g => ToOthers(e, NoticeKind.PlanChanged, g.GoalId, actor),
                NeedResolved n => ToOthers(e, NoticeKind.PlanChanged, n.NeedId, actor),
                SipMeetingScheduled m => ToOthers(e, NoticeKind.MeetingScheduled, m.MeetingId, m.ScheduledBy),
                SipMeetingHeld m => ToOthers(e, NoticeKind.MeetingHeld, m.MeetingId, actor),
                SipMeetingRescheduled m => ToOthers(e, NoticeKind.MeetingMoved, m.MeetingId, actor),
                SipMeetingCancelled m => ToOthers(e, NoticeKind.MeetingCancelled, m.MeetingId, actor),
                PartyLeft l => ToOthers(e, NoticeKind.PartyLeft, null, null).Where(n => n.Recipient != l.Party),
                ReferralSent r => [ToOne(e, r.To, NoticeKind.ReferralToYou, r.ReferralId, r.From)],
                PartyInvited i => [ToOne(e, i.Party, NoticeKind.InvitationToYou, i.InvitationId, i.InvitedBy)],
                StallFlagRaised f => Flag(f, others, actor, responsibleFor),
                _ => [],
            });
        }

        return result;
    }

    // A flag's existence, rule and severity are shown to every related reader, so its notice goes to
    // every party on the case and to the förbund; an overdue action also to the party answering for it.
    private static IEnumerable<NoticeDraft> Flag(StallFlagRaised f, IReadOnlyList<PartyCode> others, PartyCode? actor, Func<Guid, PartyCode?> responsibleFor)
    {
        PartyCode? late = f.Rule == Stalls.StallRuleCodes.OverdueAction && Guid.TryParse(f.Subject, out var action) ? responsibleFor(action) : null;
        foreach (var party in others)
        {
            yield return party == late
                ? new NoticeDraft(party, NoticeKind.ActionPastDue, f.CaseId, Guid.Parse(f.Subject), null, null, true, f.RaisedOn, f.Rule)
                : new NoticeDraft(party, NoticeKind.FlagRaised, f.CaseId, f.FlagId, null, null, false, f.RaisedOn, f.Rule);
        }

        // The förbund hears of the scan's flags and of a party's concern, not of its own concerns.
        if (f.RaisedBy is not null || f.Rule != OpenFlag.ManualConcern)
        {
            yield return new NoticeDraft(null, NoticeKind.FlagRaised, f.CaseId, f.FlagId, null, null, false, f.RaisedOn, f.Rule);
        }
    }
}

/// <summary>
/// The time-driven notices: nothing is appended when a day comes, so the stall scan writes them, once
/// each (a deterministic key), on the first scan on or after their day.
/// </summary>
public static class TimedNotices
{
    /// <summary>
    /// "An action is coming due": for each open plan action whose due date is at most <c>Days</c> ahead
    /// (and not yet passed), a notice addressed to the party answering for it (the responsible party, the
    /// party that named its external actor, or for the person or a named participant the party that
    /// planned it), once per action, due date and recipient: a moved due date notifies again.
    /// </summary>
    public static IReadOnlyList<NoticeDraft> ActionsComingDue(Guid caseId, Stalls.StallFacts f, DateOnly today, Stalls.RuleSettings s)
    {
        if (!s.Enabled || f.Status != CaseStatus.Open)
        {
            return [];
        }

        var onCase = f.Parties.Where(p => p.LeftOn is null).Select(p => p.Party).ToHashSet();
        return
        [
            .. f.Actions.Where(a => a.IsOpen && a.DueOn.AddDays(-s.Days) <= today && today <= a.DueOn)
                .Select(a => (Action: a, To: f.AnsweringFor(a.Id) ?? a.PlannedBy))
                .Where(x => x.To is { } to && onCase.Contains(to))
                .Select(x => new NoticeDraft(x.To, NoticeKind.ActionComingDue, caseId, x.Action.Id, x.Action.PlannedBy, InformationCategory.PlanAndMeetings,
                    true, x.Action.DueOn, Stalls.StallRuleCodes.ActionComingDue)
                {
                    Key = KeyOf(NoticeKind.ActionComingDue, caseId, x.Action.Id, x.Action.DueOn, x.To),
                }),
        ];
    }

    /// <summary>The first day after <paramref name="today"/> on which an open action comes due: the scan must look at the case then.</summary>
    public static DateOnly? NextComingDue(Stalls.StallFacts f, DateOnly today, Stalls.RuleSettings s) =>
        !s.Enabled || f.Status != CaseStatus.Open ? null
        : f.Actions.Where(a => a.IsOpen).Select(a => a.DueOn.AddDays(-s.Days)).Where(d => d > today).Order().Select(d => (DateOnly?)d).FirstOrDefault();

    /// <summary>
    /// NoAnswerBeforeCase reaching KAA: a notice to the recording party (KAA; no other party may learn of a
    /// kännedom record), once per record, when the rule holds for it.
    /// </summary>
    public static NoticeDraft? NoAnswer(Awareness.AwarenessState record, DateOnly today, Stalls.RuleSettings s) =>
        Awareness.AwarenessDecider.NoAnswer(record, today, s) is not { } finding ? null
        : new NoticeDraft(record.RecordedBy, NoticeKind.NoAnswerBeforeCase, Guid.Empty, record.Id, record.RecordedBy, InformationCategory.Contacts, true, today,
            finding.Rule)
        {
            Key = KeyOf(NoticeKind.NoAnswerBeforeCase, record.Id),
        };

    /// <summary>A deterministic id from the parts (SHA-256, the first 16 bytes, marked as a version 8 UUID).</summary>
    public static Guid KeyOf(params object?[] parts)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('|', parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)))));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes.AsSpan(0, 16), bigEndian: true);
    }
}
