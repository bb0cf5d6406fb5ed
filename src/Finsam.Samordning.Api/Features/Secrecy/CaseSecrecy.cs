using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Domain.Secrecy;

namespace Finsam.Samordning.Api.Features.Secrecy;

/// <summary>
/// A caller resolved against one case: the party they read for (none for the förbund's
/// samverkansledare) and how that party stands to the case.
/// </summary>
/// <param name="User">The caller.</param>
/// <param name="Party">The reading party; null for the förbund.</param>
/// <param name="Relation">The party's relation to the case; <see cref="RelationKind.Member"/> for the förbund.</param>
public sealed record CaseViewer(CurrentUser User, PartyCode? Party, RelationKind Relation)
{
    /// <summary>Who receives what is disclosed.</summary>
    public Recipient Recipient => Party is { } p ? Recipient.Of(p) : Recipient.Forbund;
}

/// <summary>
/// Secrecy between authorities, decided here and nowhere else. First relation: a party that is not
/// on the case, has not left it, and has no unanswered referral or invitation to it is told the case
/// does not exist (404, as for an unknown id). Then disclosure: a party sees what it recorded itself;
/// another party O's entries only while a consent is active today that names O and the reader,
/// covers the entry's category and O has confirmed (the förbund: names O and the förbund). A party
/// that left, or is only referred or invited, sees its own entries and what was sent to it. Entries
/// are left out before any figure is computed; what was left out is counted in markers.
/// </summary>
public sealed class CaseSecrecy(BusinessCalendar calendar)
{
    private static readonly InformationCategory[] EntryCategories =
    [
        InformationCategory.PlanAndMeetings, InformationCategory.InterventionsAndReferrals, InformationCategory.Contacts,
        InformationCategory.Assessments, InformationCategory.BenefitDecisions,
    ];

    /// <summary>
    /// Resolves the caller against a case, or answers 404 exactly as for an unknown id when the
    /// caller's party has no relation to it. The samverkansledare reads for the förbund: a party
    /// claim in their token means nothing.
    /// </summary>
    public static CaseViewer Resolve(CurrentUser user, Guid caseId, Func<PartyCode, RelationKind> relationOf)
    {
        if (user.Role == Roles.Samverkansledare)
        {
            return new CaseViewer(user, null, RelationKind.Member);
        }

        var relation = user.Party is { } party ? relationOf(party) : RelationKind.None;
        return relation == RelationKind.None
            ? throw NotFoundException.Case(caseId, refused: true)
            : new CaseViewer(user, user.Party, relation);
    }

    /// <summary>Whether <paramref name="viewer"/> may see <paramref name="owner"/>'s entries of <paramref name="category"/> (null owner: the förbund's or the system's).</summary>
    public bool MaySee(CaseViewer viewer, PartyCode? owner, InformationCategory category, IReadOnlyList<Consent> consents)
    {
        if (owner is not { } o || o == viewer.Party)
        {
            return true;
        }

        // A party that left, or is only asked to join, sees nothing of others'.
        return viewer.Relation == RelationKind.Member && ConsentLedger.Disclose(consents, o, viewer.Recipient, category, calendar.Today);
    }

    /// <summary>
    /// Whether the förbund may see <paramref name="owner"/>'s entries of <paramref name="category"/>
    /// today, as the samverkansledare would in the overview: the follow-up's participant file holds a
    /// person's data only where this holds.
    /// </summary>
    public bool DisclosesToForbund(PartyCode owner, InformationCategory category, IReadOnlyList<Consent> consents) =>
        ConsentLedger.Disclose(consents, owner, Recipient.Forbund, category, calendar.Today);

    /// <summary>
    /// Whether a notice about <paramref name="owner"/>'s entry may reach a party (null: the förbund),
    /// asked at delivery and again at read: only a related party; one sent to it (a referral, an
    /// invitation, an action for it) always; facts with no category (who is on the case, that a flag
    /// was raised) to a party on the case; another party's entry only as <see cref="MaySee"/> allows.
    /// </summary>
    public bool MayNotify(PartyCode? recipient, RelationKind relation, PartyCode? owner, InformationCategory? category, bool addressed,
        IReadOnlyList<Consent> consents)
    {
        if (relation == RelationKind.None)
        {
            return false;
        }

        if (addressed)
        {
            return true;
        }

        var viewer = new CaseViewer(CurrentUser.System, recipient, relation);
        return category is { } c ? MaySee(viewer, owner, c, consents) : relation == RelationKind.Member;
    }

    /// <summary>
    /// The overview as the viewer may see it: other parties' entries are left out before any
    /// figure is computed (totals, no-shows, parallelism, follow-ups), so no figure leaks what the
    /// entries would; notes inside visible entries are blanked unless the consent covers notes.
    /// </summary>
    public (CaseOverview Visible, IReadOnlyList<WithheldMarker> Withheld) Overview(CaseOverview o, CaseViewer viewer, IReadOnlyList<Consent> consents)
    {
        var withheld = new List<WithheldMarker>();
        var member = viewer.Relation == RelationKind.Member;
        IReadOnlyList<T> Keep<T>(string name, IReadOnlyList<T> items, InformationCategory category, Func<T, PartyCode?> owner, Func<T, bool>? sentToViewer = null)
        {
            var visible = items.Where(i => MaySee(viewer, owner(i), category, consents) || (sentToViewer?.Invoke(i) ?? false)).ToList();
            Count(withheld, name, items.Count - visible.Count);
            return visible;
        }

        var notesHidden = 0;
        T Note<T>(T item, PartyCode? owner, bool hasNote, Func<T, T> blank)
        {
            if (!hasNote || MaySee(viewer, owner, InformationCategory.Notes, consents))
            {
                return item;
            }

            notesHidden++;
            return blank(item);
        }

        // The case file keeps only each party's latest contacts: what is withheld, contacts and their
        // notes, is counted from the tallies of all of them.
        IReadOnlyList<ContactTally> Tallies()
        {
            var visible = o.ContactTallies.Where(t => MaySee(viewer, t.Party, InformationCategory.Contacts, consents)).ToList();
            Count(withheld, "contacts", o.ContactTallies.Sum(t => t.Count) - visible.Sum(t => t.Count));
            notesHidden += visible.Where(t => !MaySee(viewer, t.Party, InformationCategory.Notes, consents)).Sum(t => t.WithNotes);
            return visible;
        }

        var seesParticulars = MaySee(viewer, o.OpeningParty, InformationCategory.PlanAndMeetings, consents);
        var visible = o with
        {
            TargetGroups = seesParticulars ? o.TargetGroups : [],
            TargetGroupChanges = seesParticulars ? o.TargetGroupChanges : [],
            Parties = [.. o.Parties.Select(p => Note(p, p.Party, p.LeaveReason is not null, x => x with { LeaveReason = null }))],
            Consents = member ? o.Consents : [],
            Invitations = Keep("invitations", o.Invitations, InformationCategory.InterventionsAndReferrals, i => i.InvitedBy, i => i.Party == viewer.Party),
            Interventions = [.. Keep("interventions", o.Interventions, InformationCategory.InterventionsAndReferrals, i => i.Party)
                .Select(i => Note(i, i.Party, i.Note is not null || i.Pauses.Count > 0,
                    x => x with { Note = null, Pauses = [.. x.Pauses.Select(p => p with { Reason = "" })] }))],
            Referrals = Keep("referrals", o.Referrals, InformationCategory.InterventionsAndReferrals, r => r.From, r => r.To == viewer.Party),
            Needs = Keep("needs", o.Needs, InformationCategory.PlanAndMeetings, n => n.IdentifiedBy),
            Goals = Keep("goals", o.Goals, InformationCategory.PlanAndMeetings, g => g.RecordedBy),
            // An action given to the reader, or to an actor outside the förbund the reader named, was sent to it.
            Actions = Keep("actions", o.Actions, InformationCategory.PlanAndMeetings, a => a.PlannedBy, a => member && viewer.Party is { } reader
                && (a.ResponsibleParty == reader || (a.ResponsibleActorId is { } x && o.ExternalActors.Any(e => e.Id == x && e.NamedBy == reader)))),
            Meetings = [.. Keep("sipMeetings", o.Meetings, InformationCategory.PlanAndMeetings, m => m.ScheduledBy,
                    m => member && viewer.Party is { } p && m.InvitedParties.Contains(p))
                .Select(m => Note(m, m.ScheduledBy, HasNotes(m), BlankNotes))],
            Contacts = [.. o.Contacts.Where(c => MaySee(viewer, c.Party, InformationCategory.Contacts, consents))
                .Select(c => c.Note is null || MaySee(viewer, c.Party, InformationCategory.Notes, consents) ? c : c with { Note = null })],
            ContactTallies = Tallies(),
            Assessments = [.. Keep("assessments", o.Assessments, InformationCategory.Assessments, a => a.Party)
                .Select(a => Note(a, a.Party, a.Note is not null, x => x with { Note = null }))],
            BenefitDecisions = Keep("benefitDecisions", o.BenefitDecisions, InformationCategory.BenefitDecisions, b => b.Party),
            Progress = Keep("progress", o.Progress, InformationCategory.Assessments, p => p.Party),
            Flags = [.. o.Flags.Select(f => Flag(f, viewer, consents, o.Parties.Select(p => p.Party)))],
            ExternalActors = Keep("externalActors", o.ExternalActors, InformationCategory.InterventionsAndReferrals, a => a.NamedBy),
            ExternalReferrals = Keep("externalReferrals", o.ExternalReferrals, InformationCategory.InterventionsAndReferrals, r => r.From),
            // A label's end can tell the person's age: the recording party's plan category governs it.
            EligibilityEnds = Keep("eligibilityEnds", o.EligibilityEnds, InformationCategory.PlanAndMeetings, l => l.RecordedBy),
        };
        // A reopening names only the insatser the reader may see.
        visible = visible with
        {
            Reopenings = [.. o.Reopenings.Select(r => r with { InterventionsEndedByClose = [.. r.InterventionsEndedByClose.Where(id => visible.Interventions.Any(i => i.Id == id))] })],
        };
        Count(withheld, "consents", o.Consents.Count - visible.Consents.Count);
        Count(withheld, "targetGroups", o.TargetGroups.Count - visible.TargetGroups.Count);
        Count(withheld, "notes", notesHidden);
        return (visible, withheld);
    }

    /// <summary>
    /// A flag as the viewer may see it: that it exists, its rule and severity always; a concern's
    /// reason only where the raiser's notes are open to the viewer; a rule's reason only to a viewer
    /// who may see the entries of every party it describes (the finding names them; a finding that
    /// does not may describe any party's entries).
    /// </summary>
    public OpenFlag Flag(OpenFlag flag, CaseViewer viewer, IReadOnlyList<Consent> consents, IEnumerable<PartyCode> partiesEverOnCase)
    {
        // A concern by the förbund (no raising party) may describe any party's entries, as a rule's finding does.
        var sees = flag.IsManual && flag.RaisedBy is { } raiser
            ? MaySee(viewer, raiser, InformationCategory.Notes, consents)
            : (flag.IsManual && viewer.Party is null) || SeesEveryParty(viewer, consents, flag.Describes ?? partiesEverOnCase);
        // Since may be the date of a withheld entry (e.g. the last contact): withheld with the reason.
        return sees ? flag : flag with { Reason = WithheldMarker.Text, ReasonEn = WithheldMarker.Text, AcknowledgeNote = null, Subject = "", Since = flag.RaisedOn };
    }

    /// <summary>Whether every other party's entries, notes aside, are open to the viewer.</summary>
    public bool SeesEveryParty(CaseViewer viewer, IReadOnlyList<Consent> consents, IEnumerable<PartyCode> partiesEverOnCase) =>
        partiesEverOnCase.All(p => EntryCategories.All(c => MaySee(viewer, p, c, consents)));

    /// <summary>
    /// A case in a list: target groups and other parties' ongoing insatser only where the viewer may
    /// see them; the last activity only when every party's entries are open to the viewer (it may
    /// be the date of a withheld entry).
    /// </summary>
    public CaseListItem ListItem(CaseFile file, int openFlags, CurrentUser reader, DateOnly today)
    {
        var viewer = Resolve(reader, file.Id, file.RelationOf);
        var consents = file.Overview.Consents;
        var item = CaseListItem.From(file, openFlags, today);
        return item with
        {
            TargetGroups = MaySee(viewer, file.Overview.OpeningParty, InformationCategory.PlanAndMeetings, consents) ? item.TargetGroups : [],
            PartiesWithOngoingInsats = [.. item.PartiesWithOngoingInsats.Where(p => MaySee(viewer, p, InformationCategory.InterventionsAndReferrals, consents))],
            LastActivityOn = SeesEveryParty(viewer, consents, file.Overview.Parties.Select(p => p.Party)) ? item.LastActivityOn : null,
        };
    }

    /// <summary>
    /// Case details with the target groups withheld from viewers the opening party's consent does not
    /// open them to, and the last activity taken from what the viewer may see.
    /// </summary>
    public CaseDetails Details(CaseDetails d, CaseViewer viewer, CaseOverview overview)
    {
        // The stored date serves a viewer who sees every party's entries; only for the others is the
        // overview filtered to find the latest date among what they may see.
        var details = SeesEveryParty(viewer, overview.Consents, overview.Parties.Select(p => p.Party))
            ? d
            : d with { LastActivityOn = LastActivity(Overview(overview, viewer, overview.Consents).Visible) };
        return MaySee(viewer, d.OpeningParty, InformationCategory.PlanAndMeetings, overview.Consents)
            ? details
            : details with { TargetGroups = [], TargetGroupsWithheld = true };
    }

    // The latest business date among the entries a (filtered) overview holds.
    private static DateOnly LastActivity(CaseOverview o) =>
        new[] { o.OpenedOn, o.ClosedOn ?? o.OpenedOn, o.PlanLeadSince ?? o.OpenedOn }
            .Concat(o.Parties.Select(p => p.LeftOn ?? p.JoinedOn))
            .Concat(o.Interventions.Select(i => new[] { i.PlannedOn, i.StartedOn ?? i.PlannedOn, i.EndedOn ?? i.PlannedOn }.Concat(i.Pauses.Select(p => p.To ?? p.From)).Max()))
            .Concat(o.Referrals.Select(r => r.AnsweredOn ?? r.SentOn))
            .Concat(o.Invitations.Select(i => i.AnsweredOn ?? i.InvitedOn))
            .Concat(o.Needs.Select(n => n.IdentifiedOn))
            .Concat(o.Goals.Select(g => g.SetOn))
            .Concat(o.Actions.Select(a => a.CompletedOn ?? a.PlannedOn))
            .Concat(o.Meetings.Select(m => m.HeldOn ?? m.ScheduledOn))
            .Concat(o.ContactTallies.Select(t => t.LastOn))
            .Concat(o.Assessments.Select(a => a.ValidFrom))
            .Concat(o.BenefitDecisions.Select(b => b.DecidedOn))
            .Concat(o.Consents.Select(c => c.GivenOn))
            .Max();

    /// <summary>History with other parties' events reduced to "something was recorded" unless their consent opens them.</summary>
    public IReadOnlyList<CaseHistoryEntry> History(IReadOnlyList<(CaseHistoryEntry Entry, Type EventType)> history, CaseViewer viewer, IReadOnlyList<Consent> consents) =>
    [
        .. history.Select(h =>
        {
            var owner = Enum.TryParse<PartyCode>(h.Entry.RecordedBy.Party, out var p) ? p : (PartyCode?)null;
            // Who is on the case and the consents are shown to every related reader; entries by category.
            var visible = InformationCategories.Of(h.EventType) is not { } category
                ? viewer.Relation == RelationKind.Member || owner == viewer.Party || owner is null || IsAboutParties(h.EventType)
                : MaySee(viewer, owner, category, consents);
            // Withheld: that something was recorded, and where in the stream; not what, when or by whom.
            return visible ? h.Entry : h.Entry with { Type = "Withheld", BusinessDate = null, RecordedAt = null, RecordedBy = new RecordedBy(null, null), CorrelationId = null };
        }),
    ];

    // A meeting's free text: decisions, place, reasons, and the names and roles of people from outside the förbund.
    private static bool HasNotes(OverviewMeeting m) =>
        m.Decisions is not null || m.Place is not null || m.EndReason is not null || m.OthersInvited.Count > 0 || m.OthersPresent.Count > 0
        || m.Reschedules.Count > 0 || m.Answers.Any(a => a.DeclineReason is not null);

    private static OverviewMeeting BlankNotes(OverviewMeeting m) => m with
    {
        Decisions = null, Place = null, EndReason = null,
        OthersInvited = [.. m.OthersInvited.Select(p => p with { Name = "", Role = "" })],
        OthersPresent = [.. m.OthersPresent.Select(p => p with { Name = "", Role = "" })],
        Reschedules = [.. m.Reschedules.Select(r => r with { Reason = "" })],
        Answers = [.. m.Answers.Select(a => a with { DeclineReason = null })],
    };

    private static bool IsAboutParties(Type type) => type == typeof(PartyJoined) || type == typeof(PartyLeft) || type == typeof(CaseworkerAssigned);

    private static void Count(List<WithheldMarker> withheld, string category, int count)
    {
        if (count > 0)
        {
            withheld.Add(new WithheldMarker(category, count, WithheldMarker.Text));
        }
    }
}
