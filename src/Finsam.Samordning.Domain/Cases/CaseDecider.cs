namespace Finsam.Samordning.Domain.Cases;

/// <summary>
/// Decisions as pure functions: given the current state (null for a new stream) and a command,
/// return the events to append, or throw <see cref="CaseRuleViolation"/>.
/// </summary>
public static class CaseDecider
{
    /// <summary>Decides which events a command produces.</summary>
    public static IReadOnlyList<ICaseEvent> Decide(CaseCommand command, CaseState? state) => command switch
    {
        OpenCaseCommand c => Open(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command."),
    };

    /// <summary>Replays events into a state, as the event store does.</summary>
    public static CaseState? Fold(IEnumerable<ICaseEvent> events) =>
        events.Aggregate((CaseState?)null, (s, e) => CaseState.Evolve(s, e));

    private static IReadOnlyList<ICaseEvent> Open(OpenCaseCommand c, CaseState? state)
    {
        if (state is not null)
        {
            throw new CaseRuleViolation("case.already-exists", $"Case {c.CaseId} already exists.");
        }

        if (c.By.Party != c.OpeningParty)
        {
            throw new CaseRuleViolation(
                "case.wrong-party",
                $"A caseworker at {c.By.Party} cannot open a case on behalf of {c.OpeningParty}.");
        }

        // Distinct and ordered so the same request always yields the same event.
        var groups = c.TargetGroups.Distinct().OrderBy(g => g).ToArray();
        return
        [
            new CaseOpened(c.CaseId, c.IndividualId, c.MunicipalityCode, groups, c.OpeningParty, c.OpenedOn),
            new PartyJoined(c.CaseId, c.OpeningParty, c.OpeningUnit, c.By.UserId, c.By.DisplayName, c.OpenedOn),
        ];
    }
}
