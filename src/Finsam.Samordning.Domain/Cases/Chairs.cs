namespace Finsam.Samordning.Domain.Cases;

// Between chairs (issue 14, "nobody left unnoticed"): facts the between-chairs rules need that no earlier event held.
// One area of the case: its events, commands and decisions, and the part of the decider's state
// they read. README, "How to add a command".

/// <summary>A label the person's help depends on, whose end is known (domain.md §5, mechanism 16).</summary>
public enum EligibilityLabel
{
    /// <summary>Kommunala aktivitetsansvaret: ends on the person's 20th birthday.</summary>
    KaaAge,
    /// <summary>Aktivitetsersättning: paid at most up to the month before the person turns 30.</summary>
    ActivityCompensationAge,
    /// <summary>The newly arrived's establishment period (etableringsprogrammet, 24 months).</summary>
    EstablishmentPeriod,
    /// <summary>An LSS decision with an end date.</summary>
    Lss,
    /// <summary>Another time-limited label (a project place, a decision).</summary>
    Other,
}

/// <summary>
/// The day a label the person's help depends on ends ("KAA ends on"). Derived from the birth date
/// when the case is opened for a registered person (the birth date itself never enters the case),
/// or recorded by the party that knows it.
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Label">The label.</param>
/// <param name="EndsOn">The first day the label no longer applies.</param>
/// <param name="RecordedBy">The party that recorded or derived it.</param>
/// <param name="RecordedOn">Business date.</param>
// A label's end can tell the person's age.
[SecretAs(InformationCategory.PlanAndMeetings)]
public sealed record EligibilityEndRecorded(Guid CaseId, EligibilityLabel Label, DateOnly EndsOn, PartyCode RecordedBy, DateOnly RecordedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => RecordedOn;
}

/// <summary>
/// A party's caseworker stopped carrying the case (moved on, left the job) and nobody carries it
/// yet at that party; a later <see cref="CaseworkerAssigned"/> ends the gap (mechanism 21).
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Party">The party left without a caseworker.</param>
/// <param name="ReleasedOn">Business date.</param>
public sealed record CaseworkerReleased(Guid CaseId, PartyCode Party, DateOnly ReleasedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => ReleasedOn;
}

/// <summary>The planned end of an insats (a project or season that ends), recorded after it was planned (mechanism 24).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="PlannedEnd">The day it is known to end.</param>
/// <param name="RecordedOn">Business date.</param>
// A planned end belongs with the insats.
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record InterventionEndScheduled(Guid CaseId, Guid InterventionId, DateOnly PlannedEnd, DateOnly RecordedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => RecordedOn;
}

/// <summary>Labels whose end follows from the birth date, derived when a case is opened for a registered person.</summary>
public static class EligibilityLabels
{
    /// <summary>
    /// The label ends that follow from <paramref name="birthDate"/> on <paramref name="openedOn"/>:
    /// KAA ends on the 20th birthday (for a person under 20); aktivitetsersättning ends on the first
    /// day of the month of the 30th birthday (for a person under 30 in the ActivityCompensation group).
    /// </summary>
    public static IReadOnlyList<(EligibilityLabel Label, DateOnly EndsOn)> Derive(DateOnly birthDate, IReadOnlyList<TargetGroup> groups, DateOnly openedOn)
    {
        var result = new List<(EligibilityLabel, DateOnly)>();
        var twenty = birthDate.AddYears(20);
        if (openedOn < twenty)
        {
            result.Add((EligibilityLabel.KaaAge, twenty));
        }

        var thirty = birthDate.AddYears(30);
        var activityEnds = new DateOnly(thirty.Year, thirty.Month, 1);
        if (groups.Contains(TargetGroup.ActivityCompensation) && openedOn < activityEnds)
        {
            result.Add((EligibilityLabel.ActivityCompensationAge, activityEnds));
        }

        return result;
    }
}

/// <summary>Record the day a label the person's help depends on ends (establishment period, LSS, ...).</summary>
public sealed record RecordEligibilityEnd(EligibilityLabel Label, DateOnly EndsOn, DateOnly RecordedOn) : CaseCommand;

/// <summary>The actor's party's caseworker no longer carries the case and nobody does yet.</summary>
public sealed record ReleaseCaseworker(PartyCode Party, DateOnly ReleasedOn) : CaseCommand;

/// <summary>Record the day an insats of the actor's party is known to end (a project or season that ends).</summary>
public sealed record ScheduleInterventionEnd(Guid InterventionId, DateOnly PlannedEnd, DateOnly RecordedOn) : CaseCommand;

public static partial class CaseDecider
{
    private static IReadOnlyList<ICaseEvent>? DecideChairs(CaseCommand command, CaseState s) => command switch
    {
        RecordEligibilityEnd c => [Member(s, c.By, new EligibilityEndRecorded(s.Id, c.Label, c.EndsOn, c.By.Party, c.RecordedOn))],
        ReleaseCaseworker c => Release(s, c),
        ScheduleInterventionEnd c => ScheduleEnd(s, c),
        _ => null,
    };

    private static IReadOnlyList<ICaseEvent> Release(CaseState s, ReleaseCaseworker c)
    {
        OwnParty(c.By, c.Party, "release the caseworker of");
        MustBeOnCase(s, c.Party);
        NotBefore(c.ReleasedOn, s.Parties[c.Party].JoinedOn, "releasedOn", "the day the party joined");
        // PUT-like: a party already without a caseworker stays so; nothing new happened.
        return s.Parties[c.Party].CaseworkerId == "" ? [] : [new CaseworkerReleased(s.Id, c.Party, c.ReleasedOn)];
    }

    private static IReadOnlyList<ICaseEvent> ScheduleEnd(CaseState s, ScheduleInterventionEnd c)
    {
        var events = Transition(s, c.InterventionId, c.By, c.RecordedOn, "schedule the end of",
            [InterventionState.Planned, InterventionState.Ongoing, InterventionState.Paused],
            id => new InterventionEndScheduled(s.Id, id, c.PlannedEnd, c.RecordedOn));
        NotBefore(c.PlannedEnd, c.RecordedOn, "plannedEnd", "the day it is recorded");
        return events;
    }
}

public sealed partial record CaseState
{
    private static CaseState? EvolveChairs(CaseState s, ICaseEvent @event) => @event switch
    {
        // A party whose caseworker moved on carries the case with nobody until one is assigned.
        CaseworkerReleased e => s with { Parties = s.Parties.With(e.Party, s.Parties[e.Party] with { CaseworkerId = "" }) },
        _ => null,
    };
}
