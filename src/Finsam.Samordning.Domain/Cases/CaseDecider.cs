namespace Finsam.Samordning.Domain.Cases;

/// <summary>
/// Decisions as pure functions: given the current state (null for a new stream) and a command,
/// return the events to append, or throw <see cref="CaseRuleViolation"/> naming the rule and the
/// current state. Each area's commands, events and decisions are in its own file (<c>Parties.cs</c>,
/// <c>Consents.cs</c>, <c>Plan.cs</c>, ...); this file dispatches to them and holds the guards they share.
/// </summary>
public static partial class CaseDecider
{
    /// <summary>Decides which events a command produces.</summary>
    public static IReadOnlyList<ICaseEvent> Decide(CaseCommand command, CaseState? state)
    {
        if (command is OpenCaseCommand open)
        {
            return Open(open, state);
        }

        var s = state ?? throw new CaseRuleViolation("case.not-found", "The case does not exist.");
        if (command is not ReopenCase && s.Status == CaseStatus.Closed)
        {
            throw new CaseRuleViolation("case.closed", $"The case was closed on {s.ClosedOn:yyyy-MM-dd}; reopen it before recording anything.");
        }

        return DecideParties(command, s) ?? DecideConsents(command, s) ?? DecideInterventions(command, s) ?? DecideReferrals(command, s)
            ?? DecidePlan(command, s) ?? DecideSip(command, s) ?? DecideRecords(command, s) ?? DecideLifecycle(command, s)
            ?? DecideChairs(command, s) ?? DecideExternal(command, s)
            ?? throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command.");
    }

    /// <summary>Replays events into a state, as the event store does.</summary>
    public static CaseState? Fold(IEnumerable<ICaseEvent> events) =>
        events.Aggregate((CaseState?)null, (s, e) => CaseState.Evolve(s, e));

    /// <summary>The party that answers for a benefit: income support is SOC's, the insurance benefits FK's.</summary>
    public static PartyCode DecidingParty(Benefit benefit) => benefit == Benefit.Forsorjningsstod ? PartyCode.SOC : PartyCode.FK;

    // Guards ---------------------------------------------------------------------------------

    private static ICaseEvent Member(CaseState s, Actor by, ICaseEvent e)
    {
        MustBeOnCase(s, by.Party);
        // The timeline starts when the case opens; a consent may have been signed before.
        if (e is not ConsentRecorded)
        {
            NotBefore(e.BusinessDate, s.OpenedOn, "the date", "the day the case was opened");
        }

        return e;
    }

    private static void MustBeOnCase(CaseState s, PartyCode party)
    {
        if (!s.IsActiveParty(party))
        {
            var left = s.Parties.GetValueOrDefault(party)?.LeftOn;
            throw new CaseRuleViolation("party.not-on-case", left is { } on
                ? $"{party} left this case on {on:yyyy-MM-dd}; it returns only through a new referral or invitation."
                : $"{party} is not on this case, so it cannot record anything here. Accept a referral or an invitation to join it first.");
        }
    }

    private static void OwnParty(Actor by, PartyCode party, string what)
    {
        if (by.Party != party)
        {
            throw new CaseRuleViolation("party.not-yours", $"A caseworker at {by.Party} cannot {what} {party}.");
        }
    }

    private static void NotBefore(DateOnly date, DateOnly earliest, string field, string what)
    {
        if (date < earliest)
        {
            throw new CaseRuleViolation("date.before-previous", $"{field} ({date:yyyy-MM-dd}) cannot be before {what} ({earliest:yyyy-MM-dd}).");
        }
    }

    private static string Describe(IEnumerable<InterventionStatus> open) =>
        string.Join(", ", open.Select(i => $"{i.Party}'s {InterventionCatalogue.NameOf(i.Party, i.Kind, null).ToLowerInvariant()} ({i.State.ToString().ToLowerInvariant()})"));
}

/// <summary>A sub-entry named by a command (insats, referral, consent, action, meeting) does not exist: 404.</summary>
public sealed class CaseEntryNotFound(string message) : Exception(message);
