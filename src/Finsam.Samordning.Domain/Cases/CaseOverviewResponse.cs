namespace Finsam.Samordning.Domain.Cases;

/// <summary>An insats on the joint timeline, with the figures a SIP meeting asks about.</summary>
/// <param name="Insats">The insats as recorded.</param>
/// <param name="DaysWaited">Days from planning to start (or to the view's date while still waiting, or to cancellation).</param>
/// <param name="OngoingDays">Days it has been ongoing, pauses excluded.</param>
public sealed record InterventionView(OverviewIntervention Insats, int DaysWaited, int OngoingDays);

/// <summary>A referral with its waiting time.</summary>
/// <param name="Referral">The referral as recorded.</param>
/// <param name="DaysUnanswered">Days since sending while unanswered; null once answered.</param>
/// <param name="PastRespondBy">Unanswered past its respond-by date.</param>
public sealed record ReferralView(OverviewReferral Referral, int? DaysUnanswered, bool PastRespondBy);

/// <summary>A referral to an actor outside the förbund with its waiting time.</summary>
/// <param name="Referral">The referral as recorded.</param>
/// <param name="DaysWaiting">Days since sending while unanswered; null once answered.</param>
/// <param name="DaysToAnswer">Days from sending to the answer; null while unanswered.</param>
/// <param name="PastRespondBy">Unanswered past its respond-by date.</param>
public sealed record ExternalReferralView(OverviewExternalReferral Referral, int? DaysWaiting, int? DaysToAnswer, bool PastRespondBy);

/// <summary>A label's end with the days left until it (negative once passed).</summary>
/// <param name="End">The end as recorded.</param>
/// <param name="DaysLeft">Days from the view's date to the end; negative once it has passed.</param>
public sealed record EligibilityEndView(OverviewEligibilityEnd End, int DaysLeft);

/// <summary>A plan action with whether it is overdue.</summary>
/// <param name="Action">The action as recorded.</param>
/// <param name="Overdue">Neither completed nor dropped, and past its due date.</param>
public sealed record ActionView(OverviewAction Action, bool Overdue);

/// <summary>The shared plan: needs, both sides' goals side by side, and who does what by when.</summary>
/// <param name="Needs">Needs.</param>
/// <param name="IndividualGoals">Goals in the person's own words.</param>
/// <param name="ProfessionalGoals">Goals stated by the professionals.</param>
/// <param name="Actions">Actions, by due date.</param>
public sealed record PlanView(IReadOnlyList<OverviewNeed> Needs, IReadOnlyList<OverviewGoal> IndividualGoals,
    IReadOnlyList<OverviewGoal> ProfessionalGoals, IReadOnlyList<ActionView> Actions);

/// <summary>SIP meetings: the last held, the next one, and the follow-up date agreed.</summary>
/// <param name="LastMeeting">The latest meeting held.</param>
/// <param name="NextMeeting">The next scheduled meeting not yet held.</param>
/// <param name="NextFollowUpOn">The follow-up date agreed at the last meeting.</param>
/// <param name="FollowUpOverdue">That date has passed with no meeting held since.</param>
/// <param name="Meetings">All meetings.</param>
public sealed record SipView(OverviewMeeting? LastMeeting, OverviewMeeting? NextMeeting, DateOnly? NextFollowUpOn, bool FollowUpOverdue,
    IReadOnlyList<OverviewMeeting> Meetings);

/// <summary>Recent contacts and no-shows.</summary>
/// <param name="Recent">The ten latest contacts.</param>
/// <param name="Total">All contacts logged.</param>
/// <param name="NoShowsLast30Days">No-shows in the 30 days up to the view's date.</param>
/// <param name="LastContactOn">The latest contact.</param>
public sealed record ContactsView(IReadOnlyList<OverviewContact> Recent, int Total, int NoShowsLast30Days, DateOnly? LastContactOn)
{
    /// <summary>How many of the latest contacts the overview lists.</summary>
    public const int RecentCount = 10;

    /// <summary>The days up to the view's date whose no-shows are counted.</summary>
    public const int NoShowWindowDays = 30;
}

/// <summary>The BIP measure of the case.</summary>
/// <param name="ParallelDays">Days with insatser of two or more parties ongoing.</param>
/// <param name="CaseDays">Days the case has run: from the opening day up to the view's date, or up to, not including, the closing day.</param>
/// <param name="Share">ParallelDays ÷ CaseDays.</param>
/// <param name="PartiesWithOngoingInsats">Parties with an insats ongoing on the view's date.</param>
public sealed record ParallelismView(int ParallelDays, int CaseDays, double Share, IReadOnlyList<PartyCode> PartiesWithOngoingInsats);

/// <summary>A consent and whether it applies on the view's date.</summary>
/// <param name="Consent">The consent as recorded.</param>
/// <param name="Active">Applies on the view's date.</param>
public sealed record ConsentView(Consent Consent, bool Active);

/// <summary>An open flag and how long it has been open.</summary>
/// <param name="Flag">The flag.</param>
/// <param name="DaysFlagged">Days since it was raised.</param>
public sealed record FlagView(OpenFlag Flag, int DaysFlagged);

/// <summary>The joint SIP overview of a case as it stood on its asOf date.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Version">Stream version the view was built from.</param>
/// <param name="AsOf">The business date the view describes.</param>
/// <param name="Status">Open or closed.</param>
/// <param name="MunicipalityCode">Municipality.</param>
/// <param name="TargetGroups">Target groups.</param>
/// <param name="OpenedOn">When opened.</param>
/// <param name="ClosedOn">When closed.</param>
/// <param name="Outcome">Outcome at closing.</param>
/// <param name="Parties">Parties and their caseworkers, including those that left.</param>
/// <param name="PlanLead">Planeringsansvarig.</param>
/// <param name="PlanLeadSince">Since when.</param>
/// <param name="Consents">Consents.</param>
/// <param name="Interventions">Every insats of every party, by planned date: one timeline.</param>
/// <param name="Referrals">Referrals between parties.</param>
/// <param name="Invitations">Invitations to join the case.</param>
/// <param name="Plan">The shared plan.</param>
/// <param name="Sip">SIP meetings.</param>
/// <param name="Contacts">Contacts.</param>
/// <param name="Assessments">The latest work capacity assessment of each party, side by side.</param>
/// <param name="BenefitDecisions">The latest decision on each benefit.</param>
/// <param name="Parallelism">How much of the case ran in parallel.</param>
/// <param name="Flags">Open flags, most severe first: where the person may be falling between chairs.</param>
/// <param name="Withheld">What the reader may not see: other parties' entries without a consent covering the reader.</param>
/// <param name="Progress">The person's progress over time: answers to the progress questionnaire, change per indicator, when the next is due.</param>
public sealed record CaseOverviewResponse(
    Guid CaseId, long Version, DateOnly AsOf, CaseStatus Status, string MunicipalityCode, IReadOnlyList<TargetGroup> TargetGroups,
    DateOnly OpenedOn, DateOnly? ClosedOn, CaseOutcome? Outcome, IReadOnlyList<OverviewParty> Parties, PartyCode? PlanLead,
    DateOnly? PlanLeadSince, IReadOnlyList<ConsentView> Consents, IReadOnlyList<InterventionView> Interventions,
    IReadOnlyList<ReferralView> Referrals, IReadOnlyList<OverviewInvitation> Invitations, PlanView Plan, SipView Sip, ContactsView Contacts,
    IReadOnlyList<OverviewAssessment> Assessments, IReadOnlyList<OverviewBenefitDecision> BenefitDecisions,
    ParallelismView Parallelism, IReadOnlyList<FlagView> Flags, IReadOnlyList<Secrecy.WithheldMarker>? Withheld = null,
    FollowUp.ProgressView? Progress = null)
{
    /// <summary>Changes of the target groups after opening, up to the view's date.</summary>
    public IReadOnlyList<OverviewTargetGroupChange> TargetGroupChanges { get; init; } = [];

    /// <summary>Reopenings, each naming the insatser the close before it ended (they stay ended).</summary>
    public IReadOnlyList<OverviewReopening> Reopenings { get; init; } = [];

    /// <summary>Actors outside the förbund named on the case (BUP, habilitering, LSS, Komvux/SFI, beroendevård, skola, other), with their unit.</summary>
    public IReadOnlyList<OverviewExternalActor> ExternalActors { get; init; } = [];

    /// <summary>Referrals to actors outside the förbund, by sending date, with days waiting or days to the answer.</summary>
    public IReadOnlyList<ExternalReferralView> ExternalReferrals { get; init; } = [];

    /// <summary>Known ends of labels the help depends on ("KAA ends on", "aktivitetsersättning ends on", ...), soonest first, with days left.</summary>
    public IReadOnlyList<EligibilityEndView> EligibilityEnds { get; init; } = [];

    /// <summary>Computes the date-dependent figures of <paramref name="o"/> as of <paramref name="asOf"/>.</summary>
    public static CaseOverviewResponse From(CaseOverview o, DateOnly asOf)
    {
        // A closed case stops the clocks: nothing becomes overdue or waits longer after the close. The
        // closing day is not a case day: the case runs up to, not including, the day it closed, as an
        // insats is ongoing up to the day it ends; so a case parallel every day it ran closes with a
        // share of 1, and what is due on the closing day was not late.
        DateOnly? closedOn = o.ClosedOn is { } closed && o.Status == CaseStatus.Closed && closed <= asOf ? closed : null;
        var end = closedOn ?? asOf;
        var lastDay = closedOn?.AddDays(-1) ?? asOf;
        var periods = o.Interventions.SelectMany(i => Periods(i).Select(p => (i.Party, p))).ToList();
        var measure = Cases.Parallelism.Measure(periods, o.OpenedOn, lastDay);
        var ongoingToday = periods.Where(p => p.p.Covers(asOf))
            .Select(p => p.Party).Distinct().Order().ToList();
        var held = o.Meetings.Where(m => m.HeldOn is not null).OrderBy(m => m.HeldOn).ToList();
        var last = held.LastOrDefault();
        var followUp = last?.NextFollowUpOn;

        return new CaseOverviewResponse(
            o.Id, o.Version, asOf, o.Status, o.MunicipalityCode, o.TargetGroups, o.OpenedOn, o.ClosedOn, o.Outcome,
            o.Parties, o.PlanLead, o.PlanLeadSince,
            [.. o.Consents.Select(c => new ConsentView(c, c.ActiveOn(asOf)))],
            [.. o.Interventions.OrderBy(i => i.PlannedOn).ThenBy(i => i.Party)
                .Select(i => new InterventionView(i, DaysWaited(i, end), Periods(i).Sum(p => Days(p, lastDay))))],
            [.. o.Referrals.OrderBy(r => r.SentOn).Select(r => new ReferralView(r,
                r.State == ReferralState.Pending ? end.DayNumber - r.SentOn.DayNumber : null,
                r.State == ReferralState.Pending && r.RespondBy is { } by && by < end))],
            o.Invitations,
            new PlanView(
                o.Needs,
                [.. o.Goals.Where(g => g.StatedBy == GoalStatedBy.Individual)],
                [.. o.Goals.Where(g => g.StatedBy == GoalStatedBy.Professionals)],
                [.. o.Actions.OrderBy(a => a.DueOn).Select(a => new ActionView(a, a.IsOpen && a.DueOn < end))]),
            new SipView(
                last,
                // A meeting dated in the past and never recorded as held is not "next": it was missed. Nor is a
                // cancelled one, or any on a closed case.
                o.Status == CaseStatus.Closed ? null
                    : o.Meetings.Where(m => m.State == MeetingState.Scheduled && m.MeetingOn >= asOf).OrderBy(m => m.MeetingOn).FirstOrDefault(),
                followUp,
                // The last held meeting set the follow-up; a later meeting would itself be the last.
                followUp is { } f && f < end,
                [.. o.Meetings.OrderBy(m => m.MeetingOn)]),
            new ContactsView(
                [.. o.Contacts.OrderByDescending(c => c.OccurredOn).Take(ContactsView.RecentCount)],
                o.ContactTallies.Sum(t => t.Count),
                o.ContactTallies.Sum(t => t.NoShows.Count(on => on > asOf.AddDays(-ContactsView.NoShowWindowDays) && on <= asOf)),
                o.ContactTallies.Count == 0 ? null : o.ContactTallies.Max(t => t.LastOn)),
            [.. o.Assessments.GroupBy(a => a.Party).Select(g => g.OrderBy(a => a.ValidFrom).Last()).OrderBy(a => a.Party)],
            [.. o.BenefitDecisions.GroupBy(b => b.Benefit).Select(g => g.OrderBy(b => b.DecidedOn).Last()).OrderBy(b => b.Benefit)],
            new ParallelismView(measure.ParallelDays, measure.CaseDays, measure.Share, ongoingToday),
            [.. o.Flags.Where(f => f.RaisedOn <= asOf).OrderByDescending(f => f.Severity).ThenBy(f => f.RaisedOn)
                .Select(f => new FlagView(f, asOf.DayNumber - f.RaisedOn.DayNumber))])
        {
            TargetGroupChanges = o.TargetGroupChanges,
            Reopenings = o.Reopenings,
            ExternalActors = [.. o.ExternalActors.OrderBy(a => a.NamedOn)],
            ExternalReferrals =
            [
                .. o.ExternalReferrals.OrderBy(r => r.SentOn).Select(r => new ExternalReferralView(r,
                    r.AnsweredOn is null ? end.DayNumber - r.SentOn.DayNumber : null,
                    r.AnsweredOn is { } answered ? answered.DayNumber - r.SentOn.DayNumber : null,
                    r.AnsweredOn is null && r.RespondBy is { } by && by < end)),
            ],
            EligibilityEnds = [.. o.EligibilityEnds.OrderBy(l => l.EndsOn).Select(l => new EligibilityEndView(l, l.EndsOn.DayNumber - asOf.DayNumber))],
        };
    }

    /// <summary>The spells an insats was ongoing: from start to end, minus pauses.</summary>
    public static IEnumerable<OngoingPeriod> Periods(OverviewIntervention i)
    {
        if (i.StartedOn is not { } from)
        {
            yield break;
        }

        DateOnly? start = from;
        foreach (var pause in i.Pauses.OrderBy(p => p.From))
        {
            if (start is { } s)
            {
                yield return new OngoingPeriod(s, pause.From);
            }

            start = pause.To;
        }

        if (start is { } rest)
        {
            yield return new OngoingPeriod(rest, i.EndedOn);
        }
    }

    private static int Days(OngoingPeriod p, DateOnly asOf)
    {
        var to = p.To is { } t && t <= asOf.AddDays(1) ? t : asOf.AddDays(1);
        return Math.Max(0, to.DayNumber - p.From.DayNumber);
    }

    private static int DaysWaited(OverviewIntervention i, DateOnly asOf)
    {
        var until = i.StartedOn ?? i.EndedOn ?? asOf;
        return Math.Max(0, until.DayNumber - i.PlannedOn.DayNumber);
    }
}

