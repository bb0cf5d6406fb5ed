namespace Finsam.Samordning.Domain.Cases;

/// <summary>Record the day a label the person's help depends on ends (establishment period, LSS, ...).</summary>
public sealed record RecordEligibilityEnd(EligibilityLabel Label, DateOnly EndsOn, DateOnly RecordedOn) : CaseCommand;

/// <summary>The actor's party's caseworker no longer carries the case and nobody does yet.</summary>
public sealed record ReleaseCaseworker(PartyCode Party, DateOnly ReleasedOn) : CaseCommand;

/// <summary>Record the day an insats of the actor's party is known to end (a project or season that ends).</summary>
public sealed record ScheduleInterventionEnd(Guid InterventionId, DateOnly PlannedEnd, DateOnly RecordedOn) : CaseCommand;

public static partial class CaseDecider
{
    // Issue 14: the between-chairs facts. Kept apart from the main decider to ease merging.
    private static IReadOnlyList<ICaseEvent>? DecideChairs(CaseCommand command, CaseState s) => command switch
    {
        RecordEligibilityEnd c => [Member(s, c.By, new EligibilityEndRecorded(s.Id, c.Label, c.EndsOn, c.By.Party, c.RecordedOn))],
        ReleaseCaseworker c => Release(s, c),
        ScheduleInterventionEnd c => ScheduleEnd(s, c),
        _ => DecideExternal(command, s),
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
