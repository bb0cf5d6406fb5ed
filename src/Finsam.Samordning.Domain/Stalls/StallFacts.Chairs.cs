using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Stalls;

#pragma warning disable CS1591 // Fact records mirror the events they come from.

public sealed record NeedFact(Guid Id, PlanArea Area, PartyCode IdentifiedBy, DateOnly IdentifiedOn);

public sealed record LabelFact(EligibilityLabel Label, DateOnly EndsOn, PartyCode RecordedBy);

public sealed record ExternalActorFact(Guid Id, ExternalActorKind Kind, string Unit)
{
    /// <summary>The party that named it (and answers for its plan actions).</summary>
    public PartyCode? NamedBy { get; init; }
}

public sealed record ExternalReferralFact(Guid Id, Guid ActorId, ReferralKind Kind, PartyCode From, DateOnly SentOn, DateOnly? RespondBy,
    DateOnly? AnsweredOn = null, bool Accepted = false);

public sealed record DecisionFact(Guid Id, PartyCode Party, Benefit Benefit, BenefitDecisionKind Decision, DateOnly DecidedOn);

public sealed partial record PartyFact
{
    /// <summary>Since when the party has had no caseworker on the case; null while one carries it.</summary>
    public DateOnly? CaseworkerMissingSince { get; init; }

    /// <summary>Days on which another caseworker took over (the latest ten).</summary>
    public IReadOnlyList<DateOnly> CaseworkerChanges { get; init; } = [];
}

public sealed partial record InterventionFact
{
    /// <summary>The day it ended or was cancelled.</summary>
    public DateOnly? EndedOn { get; init; }

    /// <summary>It ended with its goal reached or the person moving on to work or studies.</summary>
    public bool EndedWell { get; init; }

    /// <summary>Cancelled as registered by mistake: it never existed.</summary>
    public bool Void { get; init; }

    /// <summary>The day it is known to end (a project or season), if recorded.</summary>
    public DateOnly? PlannedEnd { get; init; }
}

public sealed partial record MeetingFact
{
    /// <summary>Whether the person took part (for a held meeting).</summary>
    public bool IndividualTookPart { get; init; }
}

#pragma warning restore CS1591

// Issue 14: the facts of the remaining between-chairs rules, folded after the core facts.
public sealed partial record StallFacts
{
    /// <summary>Needs in the shared plan.</summary>
    public IReadOnlyList<NeedFact> Needs { get; init; } = [];

    /// <summary>The day the first goal was set, if any.</summary>
    public DateOnly? FirstGoalOn { get; init; }

    /// <summary>Labels whose end is known, the latest per label.</summary>
    public IReadOnlyList<LabelFact> Labels { get; init; } = [];

    /// <summary>Actors outside the förbund named on the case.</summary>
    public IReadOnlyList<ExternalActorFact> ExternalActors { get; init; } = [];

    /// <summary>Referrals to actors outside the förbund.</summary>
    public IReadOnlyList<ExternalReferralFact> ExternalReferrals { get; init; } = [];

    /// <summary>Every benefit decision of any party (the latest twenty), for IncomeUnresolved.</summary>
    public IReadOnlyList<DecisionFact> Decisions { get; init; } = [];

    private static StallFacts? EvolveChairs(StallFacts? facts, ICaseEvent @event) => (facts, @event) switch
    {
        (null, _) => null,
        (var f, NeedIdentified e) => f with { Needs = [.. f.Needs, new NeedFact(e.NeedId, e.Area, e.IdentifiedBy, e.IdentifiedOn)] },
        (var f, GoalSet e) => f with { FirstGoalOn = f.FirstGoalOn is { } first && first <= e.SetOn ? first : e.SetOn },
        (var f, EligibilityEndRecorded e) => f with { Labels = [.. f.Labels.Where(l => l.Label != e.Label), new LabelFact(e.Label, e.EndsOn, e.RecordedBy)] },
        (var f, BenefitDecisionRecorded e) => f with
        {
            Decisions = [.. f.Decisions.Append(new DecisionFact(e.DecisionId, e.Party, e.Benefit, e.Decision, e.DecidedOn)).OrderBy(d => d.DecidedOn).TakeLast(20)],
        },
        (var f, CaseworkerReleased e) => f with { Parties = ReplaceParty(f.Parties, e.Party, p => p with { CaseworkerMissingSince = e.ReleasedOn }) },
        (var f, CaseworkerAssigned e) => f with
        {
            Parties = ReplaceParty(f.Parties, e.Party, p => p with
            {
                CaseworkerMissingSince = null, CaseworkerChanges = [.. p.CaseworkerChanges.Append(e.AssignedOn).Order().TakeLast(10)],
            }),
        },
        (var f, InterventionCompleted e) => f.Insats(e.InterventionId, i => i with
        {
            EndedOn = e.CompletedOn, EndedWell = e.EndReason is InterventionEndReason.GoalReached or InterventionEndReason.MovedOnToWorkOrStudies,
        }),
        (var f, InterventionCancelled e) => f.Insats(e.InterventionId, i => i with
        {
            EndedOn = e.CancelledOn, Void = e.Reason == InterventionCancelReason.RegisteredByMistake,
        }),
        (var f, ExternalActorNamed e) => f with { ExternalActors = [.. f.ExternalActors, new ExternalActorFact(e.ActorId, e.Kind, e.Unit) { NamedBy = e.NamedBy }] },
        (var f, ExternalReferralSent e) => f with
        {
            ExternalReferrals = [.. f.ExternalReferrals, new ExternalReferralFact(e.ReferralId, e.ActorId, e.Kind, e.From, e.SentOn, e.RespondBy)],
        },
        (var f, ExternalReferralAnswered e) => f with
        {
            ExternalReferrals = [.. f.ExternalReferrals.Select(r => r.Id == e.ReferralId ? r with { AnsweredOn = e.AnsweredOn, Accepted = e.Accepted } : r)],
        },
        // The attempts before the case count as contacts and no-shows from the days they happened.
        (var f, Awareness.AwarenessCarriedOver e) => f with
        {
            LastContactOn = e.Attempts.Where(a => a.Outcome != Awareness.AttemptOutcome.NoAnswer).Select(a => (DateOnly?)a.AttemptedOn)
                .Append(f.LastContactOn).Max(),
            NoShows = [.. f.NoShows.Concat(e.Attempts.Where(a => a.Outcome == Awareness.AttemptOutcome.NoAnswer).Select(a => a.AttemptedOn)).Order().TakeLast(10)],
        },
        (var f, InterventionEndScheduled e) => f.Insats(e.InterventionId, i => i with { PlannedEnd = e.PlannedEnd }),
        (var f, SipMeetingHeld e) => f with
        {
            Meetings = [.. f.Meetings.Select(m => m.Id == e.MeetingId ? m with { IndividualTookPart = e.IndividualTookPart } : m)],
        },
        var (f, _) => f,
    };

    /// <summary>
    /// The party that answers for a plan action: the responsible party, or for an action of an actor
    /// outside the förbund the party that named the actor; null for the person or a named participant.
    /// </summary>
    public PartyCode? AnsweringFor(Guid actionId) => Actions.FirstOrDefault(a => a.Id == actionId) is not { } a ? null
        : a.ResponsibleParty ?? (a.ResponsibleActor is { } actor ? ExternalActors.FirstOrDefault(x => x.Id == actor)?.NamedBy : null);

    private static IReadOnlyList<PartyFact> ReplaceParty(IReadOnlyList<PartyFact> parties, PartyCode party, Func<PartyFact, PartyFact> change) =>
        [.. parties.Select(p => p.Party == party ? change(p) : p)];
}
