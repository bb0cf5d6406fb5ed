using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Stalls;

#pragma warning disable CS1591 // Fact records mirror the events they come from.

public sealed partial record PartyFact(PartyCode Party, DateOnly JoinedOn, DateOnly? LeftOn = null, PartyCode? HandedOverTo = null);

public sealed partial record InterventionFact(Guid Id, PartyCode Party, string Kind, InterventionState State, DateOnly PlannedOn)
{
    /// <summary>Spells ongoing: from start to pause/end (end exclusive).</summary>
    public IReadOnlyList<OngoingPeriod> Periods { get; init; } = [];

    public bool IsOngoing => State == InterventionState.Ongoing;

    /// <summary>Whether one of its spells covers <paramref name="day"/>.</summary>
    public bool OngoingOn(DateOnly day) => Periods.Any(p => p.Covers(day));

    public bool IsOpen => State is InterventionState.Planned or InterventionState.Ongoing or InterventionState.Paused;
}

public sealed record ReferralFact(Guid Id, ReferralKind Kind, PartyCode From, PartyCode To, DateOnly SentOn, DateOnly? RespondBy,
    ReferralState State = ReferralState.Pending, DateOnly? AnsweredOn = null);

public sealed record ActionFact(Guid Id, string Description, PartyCode? ResponsibleParty, DateOnly DueOn, bool Completed = false)
{
    /// <summary>Dropped: no longer to be done, so never overdue.</summary>
    public bool Dropped { get; init; }

    /// <summary>The actor outside the förbund responsible for it, if one is.</summary>
    public Guid? ResponsibleActor { get; init; }

    /// <summary>The kind of the named outside participant responsible for it, if one is (never the name).</summary>
    public OutsideParticipantKind? ResponsibleOtherKind { get; init; }

    /// <summary>The party that planned it.</summary>
    public PartyCode? PlannedBy { get; init; }

    /// <summary>Neither done nor dropped.</summary>
    public bool IsOpen => !Completed && !Dropped;
}

public sealed record AssessmentFact(PartyCode Party, WorkCapacityConclusion Conclusion, DateOnly ValidFrom)
{
    /// <summary>The last day it is valid for, if limited: after it, it no longer speaks for the party.</summary>
    public DateOnly? ValidUntil { get; init; }
}

public sealed record BenefitFact(Benefit Benefit, BenefitDecisionKind Decision, DateOnly DecidedOn);

public sealed partial record MeetingFact(Guid Id, DateOnly MeetingOn, DateOnly? HeldOn = null, IReadOnlyList<PartyCode>? Participants = null, DateOnly? NextFollowUpOn = null)
{
    /// <summary>Parties invited; null in facts folded before invitations were kept (then every party counts as expected).</summary>
    public IReadOnlyList<PartyCode>? Invited { get; init; }

    /// <summary>The party that called it.</summary>
    public PartyCode? Organiser { get; init; }

    /// <summary>Invited parties that said they would not come.</summary>
    public IReadOnlyList<PartyCode> Declined { get; init; } = [];
}

#pragma warning restore CS1591

/// <summary>
/// What the stall rules need to know about a case, folded from its events. Kept small: the scan
/// reads it for every due case.
/// </summary>
public sealed partial record StallFacts
{
    /// <summary>The insatser ongoing (started, not ended, not paused) on <paramref name="day"/>.</summary>
    public IEnumerable<InterventionFact> OngoingOn(DateOnly day) => Interventions.Where(i => i.OngoingOn(day));

    /// <summary>The parties with an insats ongoing on <paramref name="day"/>, in code order.</summary>
    public IReadOnlyList<PartyCode> PartiesWithOngoingInsats(DateOnly day) => [.. OngoingOn(day).Select(i => i.Party).Distinct().Order()];

    /// <summary>Open or closed.</summary>
    public CaseStatus Status { get; init; }

    /// <summary>When the case was opened.</summary>
    public DateOnly OpenedOn { get; init; }

    /// <summary>When the case was opened, or last reopened: the clocks of the rules start here.</summary>
    public DateOnly ActiveSince { get; init; }

    /// <summary>Every party that has been on the case.</summary>
    public IReadOnlyList<PartyFact> Parties { get; init; } = [];

    /// <summary>Planeringsansvarig.</summary>
    public PartyCode? PlanLead { get; init; }

    /// <summary>Every insats.</summary>
    public IReadOnlyList<InterventionFact> Interventions { get; init; } = [];

    /// <summary>Every referral.</summary>
    public IReadOnlyList<ReferralFact> Referrals { get; init; } = [];

    /// <summary>Every plan action.</summary>
    public IReadOnlyList<ActionFact> Actions { get; init; } = [];

    /// <summary>SIP meetings.</summary>
    public IReadOnlyList<MeetingFact> Meetings { get; init; } = [];

    /// <summary>The latest contact that took place (no-shows excluded).</summary>
    public DateOnly? LastContactOn { get; init; }

    /// <summary>Dates of no-shows, most recent last (the latest ten are kept).</summary>
    public IReadOnlyList<DateOnly> NoShows { get; init; } = [];

    /// <summary>Each party's latest work capacity assessment.</summary>
    public IReadOnlyList<AssessmentFact> Assessments { get; init; } = [];

    /// <summary>Consents.</summary>
    public IReadOnlyList<Consent> Consents { get; init; } = [];

    /// <summary>Benefit decisions that bear on the rules (no SGI, sjukpenning refused).</summary>
    public IReadOnlyList<BenefitFact> Benefits { get; init; } = [];

    /// <summary>Folds one event in. Tolerant of entries it does not know.</summary>
    public static StallFacts? Evolve(StallFacts? facts, ICaseEvent @event) => EvolveChairs(EvolveCore(facts, @event), @event);

    private static StallFacts? EvolveCore(StallFacts? facts, ICaseEvent @event) => (facts, @event) switch
    {
        (_, CaseOpened e) => new StallFacts { Status = CaseStatus.Open, OpenedOn = e.OpenedOn, ActiveSince = e.OpenedOn },
        (null, _) => null,
        (var f, PartyJoined e) => f with { Parties = [.. f.Parties.Where(p => p.Party != e.Party), new PartyFact(e.Party, e.JoinedOn)] },
        (var f, PartyLeft e) => f with
        {
            Parties = Replace(f.Parties, p => p.Party == e.Party, p => p with { LeftOn = e.LeftOn, HandedOverTo = e.HandedOverTo }),
            PlanLead = f.PlanLead == e.Party ? null : f.PlanLead,
        },
        (var f, PlanLeadAssigned e) => f with { PlanLead = e.Party },
        (var f, InterventionPlanned e) => f with
        {
            Interventions = [.. f.Interventions, new InterventionFact(e.InterventionId, e.Party, e.Kind, InterventionState.Planned, e.PlannedOn)],
        },
        (var f, InterventionStarted e) => f.Insats(e.InterventionId, i => i with
        {
            State = InterventionState.Ongoing, Periods = [.. i.Periods, new OngoingPeriod(e.StartedOn, null)],
        }),
        (var f, InterventionResumed e) => f.Insats(e.InterventionId, i => i with
        {
            State = InterventionState.Ongoing, Periods = [.. i.Periods, new OngoingPeriod(e.ResumedOn, null)],
        }),
        (var f, InterventionPaused e) => f.Insats(e.InterventionId, i => i.Stop(InterventionState.Paused, e.PausedOn)),
        (var f, InterventionCompleted e) => f.Insats(e.InterventionId, i => i.Stop(InterventionState.Completed, e.CompletedOn)),
        (var f, InterventionCancelled e) => f.Insats(e.InterventionId, i => i.Stop(InterventionState.Cancelled, e.CancelledOn)),
        (var f, ReferralSent e) => f with { Referrals = [.. f.Referrals, new ReferralFact(e.ReferralId, e.Kind, e.From, e.To, e.SentOn, e.RespondBy)] },
        (var f, ReferralAccepted e) => f with
        {
            Referrals = Replace(f.Referrals, r => r.Id == e.ReferralId, r => r with { State = ReferralState.Accepted, AnsweredOn = e.AcceptedOn }),
        },
        (var f, ReferralDeclined e) => f with
        {
            Referrals = Replace(f.Referrals, r => r.Id == e.ReferralId, r => r with { State = ReferralState.Declined, AnsweredOn = e.DeclinedOn }),
        },
        (var f, ActionPlanned e) => f with
        {
            Actions =
            [
                .. f.Actions, new ActionFact(e.ActionId, e.Description, e.ResponsibleParty, e.DueOn)
                {
                    ResponsibleActor = e.ResponsibleActorId, ResponsibleOtherKind = e.ResponsibleOther?.Kind, PlannedBy = e.PlannedBy,
                },
            ],
        },
        (var f, ActionCompleted e) => f with { Actions = Replace(f.Actions, a => a.Id == e.ActionId, a => a with { Completed = true }) },
        (var f, ActionRescheduled e) => f with { Actions = Replace(f.Actions, a => a.Id == e.ActionId, a => a with { DueOn = e.DueOn }) },
        (var f, ActionReassigned e) => f with
        {
            Actions = Replace(f.Actions, a => a.Id == e.ActionId, a => a with
            {
                ResponsibleParty = e.ResponsibleParty, ResponsibleActor = e.ResponsibleActorId, ResponsibleOtherKind = e.ResponsibleOther?.Kind,
            }),
        },
        (var f, ActionDropped e) => f with { Actions = Replace(f.Actions, a => a.Id == e.ActionId, a => a with { Dropped = true }) },
        (var f, ReferralWithdrawn e) => f with
        {
            Referrals = Replace(f.Referrals, r => r.Id == e.ReferralId, r => r with { State = ReferralState.Withdrawn, AnsweredOn = e.WithdrawnOn }),
        },
        (var f, ReferralRespondByChanged e) => f with { Referrals = Replace(f.Referrals, r => r.Id == e.ReferralId, r => r with { RespondBy = e.RespondBy }) },
        (var f, SipMeetingScheduled e) => f with { Meetings = [.. f.Meetings, new MeetingFact(e.MeetingId, e.MeetingOn) { Invited = e.InvitedParties, Organiser = e.ScheduledBy }] },
        (var f, SipInvitationDeclined e) => f with
        {
            Meetings = Replace(f.Meetings, m => m.Id == e.MeetingId, m => m with { Declined = [.. m.Declined, e.Party] }),
        },
        (var f, SipInvitationAccepted e) => f with
        {
            Meetings = Replace(f.Meetings, m => m.Id == e.MeetingId, m => m with { Declined = [.. m.Declined.Where(p => p != e.Party)] }),
        },
        // A new date asks for new answers: an earlier "no" does not excuse absence from the new day.
        (var f, SipMeetingRescheduled e) => f with
        {
            Meetings = Replace(f.Meetings, m => m.Id == e.MeetingId, m => m with { MeetingOn = e.MeetingOn, Declined = [] }),
        },
        (var f, SipMeetingHeld e) => f with
        {
            Meetings = Replace(f.Meetings, m => m.Id == e.MeetingId, m => m with { HeldOn = e.HeldOn, Participants = e.Participants, NextFollowUpOn = e.NextFollowUpOn }),
        },
        (var f, ContactLogged { NoShow: true } e) => f with { NoShows = [.. f.NoShows.Append(e.OccurredOn).Order().TakeLast(10)] },
        (var f, ContactLogged e) => f with { LastContactOn = f.LastContactOn is { } last && last > e.OccurredOn ? last : e.OccurredOn },
        (var f, WorkCapacityAssessed e) => f with
        {
            Assessments = [.. f.Assessments.Where(a => a.Party != e.Party || a.ValidFrom > e.ValidFrom),
                .. f.Assessments.Any(a => a.Party == e.Party && a.ValidFrom > e.ValidFrom) ? [] : new[] { new AssessmentFact(e.Party, e.Conclusion, e.ValidFrom) { ValidUntil = e.ValidUntil } }],
        },
        (var f, ConsentRecorded or ConsentConfirmed or ConsentDeclined or ConsentRevoked) => f with { Consents = Cases.ConsentLedger.Apply(f.Consents, (ICaseEvent)@event) },
        // Every sjukpenning and SGI decision is kept, so a later grant ends what a refusal began.
        (var f, BenefitDecisionRecorded e) when e.Decision == BenefitDecisionKind.NoneForLackOfSgi
                                                || e.Benefit is Benefit.Sjukpenning or Benefit.SgiStatus =>
            f with { Benefits = [.. f.Benefits, new BenefitFact(e.Benefit, e.Decision, e.DecidedOn)] },
        (var f, CaseClosed) => f with { Status = CaseStatus.Closed },
        (var f, CaseReopened e) => f with { Status = CaseStatus.Open, ActiveSince = e.ReopenedOn },
        var (f, _) => f,
    };

    private StallFacts Insats(Guid id, Func<InterventionFact, InterventionFact> change) =>
        this with { Interventions = Replace(Interventions, i => i.Id == id, change) };

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, Func<T, bool> match, Func<T, T> change) =>
        [.. items.Select(i => match(i) ? change(i) : i)];
}

internal static class InterventionFactExtensions
{
    // Closes the open spell, if any: the insats is not ongoing from that day.
    public static InterventionFact Stop(this InterventionFact i, InterventionState state, DateOnly on) => i with
    {
        State = state,
        Periods = [.. i.Periods.Select(p => p.To is null ? p with { To = on < p.From ? p.From : on } : p)],
    };
}
