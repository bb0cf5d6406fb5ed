namespace Finsam.Samordning.Domain.Cases;

// The case itself: opening, target groups, closing and reopening.
// One area of the case: its events, commands and decisions, and the part of the decider's state
// they read. README, "How to add a command".

/// <summary>A samordningsärende was opened.</summary>
/// <param name="CaseId">Case id (stream id).</param>
/// <param name="IndividualId">The individual, by id only: personal data never enters case events.</param>
/// <param name="MunicipalityCode">Four-digit municipality code (kommunkod), e.g. 1282 for Landskrona.</param>
/// <param name="TargetGroups">The target groups the person belongs to.</param>
/// <param name="OpeningParty">The party that opened the case.</param>
/// <param name="OpenedOn">Business date of the opening.</param>
public sealed record CaseOpened(
    Guid CaseId,
    Guid? IndividualId,
    string MunicipalityCode,
    IReadOnlyList<TargetGroup> TargetGroups,
    PartyCode OpeningParty,
    DateOnly OpenedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => OpenedOn;
}

/// <summary>The case was closed with an outcome.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Outcome">Outcome.</param>
/// <param name="Note">Optional note.</param>
/// <param name="ClosedOn">Business date: the first day the case no longer runs (not a case day).</param>
/// <param name="EndedInterventions">The insatser the close itself ended (with endOpenInterventionsAs).</param>
public sealed record CaseClosed(Guid CaseId, CaseOutcome Outcome, string? Note, DateOnly ClosedOn, IReadOnlyList<Guid>? EndedInterventions = null) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => ClosedOn;
}

/// <summary>A closed case was reopened.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Reason">Why.</param>
/// <param name="ReopenedOn">Business date.</param>
/// <param name="InterventionsEndedByClose">The insatser the last close ended: they stay ended; each party plans anew what it will do.</param>
public sealed record CaseReopened(Guid CaseId, string Reason, DateOnly ReopenedOn, IReadOnlyList<Guid>? InterventionsEndedByClose = null) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => ReopenedOn;
}

/// <summary>The case's target groups changed (e.g. Nollplacerad added after FK's refusal).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="TargetGroups">The target groups from this day on.</param>
/// <param name="ChangedBy">The party that changed them.</param>
/// <param name="ChangedOn">Business date: asOf views before it show the earlier groups.</param>
[SecretAs(InformationCategory.PlanAndMeetings)]
public sealed record TargetGroupsChanged(Guid CaseId, IReadOnlyList<TargetGroup> TargetGroups, PartyCode ChangedBy, DateOnly ChangedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => ChangedOn;
}

/// <summary>Open a new case. The opening party joins it at once with the acting caseworker.</summary>
public sealed record OpenCaseCommand(
    Guid CaseId, Guid? IndividualId, string MunicipalityCode, IReadOnlyList<TargetGroup> TargetGroups,
    PartyCode OpeningParty, string OpeningUnit, DateOnly OpenedOn) : CaseCommand
{
    /// <summary>
    /// The registered person's birth date, read from their sealed data when the case is opened: the
    /// ends of age-bound labels are derived from it, and it never enters an event itself.
    /// </summary>
    public DateOnly? BirthDate { get; init; }
}

/// <summary>Change the case's target groups from a business date on.</summary>
public sealed record ChangeTargetGroups(IReadOnlyList<TargetGroup> TargetGroups, DateOnly ChangedOn) : CaseCommand;

/// <summary>
/// Close the case. Open insatser must have ended, or <paramref name="EndOpenInterventionsAs"/>
/// ends them with the close: started ones complete with that reason, planned ones are cancelled.
/// </summary>
public sealed record CloseCase(CaseOutcome Outcome, string? Note, InterventionEndReason? EndOpenInterventionsAs, DateOnly ClosedOn) : CaseCommand;

/// <summary>Reopen a closed case.</summary>
public sealed record ReopenCase(string Reason, DateOnly ReopenedOn) : CaseCommand;

public static partial class CaseDecider
{
    private static IReadOnlyList<ICaseEvent>? DecideLifecycle(CaseCommand command, CaseState s) => command switch
    {
        ChangeTargetGroups c => TargetGroups(s, c),
        CloseCase c => Close(s, c),
        ReopenCase c => Reopen(s, c),
        _ => null,
    };

    private static IReadOnlyList<ICaseEvent> Open(OpenCaseCommand c, CaseState? state)
    {
        if (state is not null)
        {
            throw new CaseRuleViolation("case.already-exists", $"Case {c.CaseId} already exists.");
        }

        if (c.By.Party != c.OpeningParty)
        {
            throw new CaseRuleViolation("case.wrong-party",
                $"A caseworker at {c.By.Party} cannot open a case on behalf of {c.OpeningParty}.");
        }

        // Distinct and ordered so the same request always yields the same event.
        var groups = c.TargetGroups.Distinct().Order().ToArray();
        return
        [
            new CaseOpened(c.CaseId, c.IndividualId, c.MunicipalityCode, groups, c.OpeningParty, c.OpenedOn),
            new PartyJoined(c.CaseId, c.OpeningParty, c.OpeningUnit, c.By.UserId, c.By.DisplayName, c.OpenedOn),
            // Issue 14: "KAA ends on", derived here so the birth date stays with the individual.
            .. (c.BirthDate is { } born ? EligibilityLabels.Derive(born, groups, c.OpenedOn) : [])
                .Select(l => new EligibilityEndRecorded(c.CaseId, l.Label, l.EndsOn, c.OpeningParty, c.OpenedOn)),
        ];
    }

    private static IReadOnlyList<ICaseEvent> TargetGroups(CaseState s, ChangeTargetGroups c)
    {
        MustBeOnCase(s, c.By.Party);
        var groups = c.TargetGroups.Distinct().Order().ToArray();
        if (groups.Length == 0)
        {
            throw new CaseRuleViolation("case.no-target-group", "A case has at least one target group.");
        }

        if (groups.SequenceEqual(s.TargetGroups))
        {
            throw new CaseRuleViolation("case.target-groups-unchanged", "The case already has exactly these target groups.");
        }

        return [Member(s, c.By, new TargetGroupsChanged(s.Id, groups, c.By.Party, c.ChangedOn))];
    }

    // Each party ends its own insatser: the closer may not see, let alone end, another party's.
    private static IReadOnlyList<ICaseEvent> Close(CaseState s, CloseCase c)
    {
        MustBeOnCase(s, c.By.Party);
        NotBefore(c.ClosedOn, s.ReopenedOn ?? s.OpenedOn, "closedOn", s.ReopenedOn is null ? "the day the case was opened" : "the day the case was reopened");
        var others = s.Interventions.Values.Count(i => i.IsOpen && i.Party != c.By.Party);
        if (others > 0)
        {
            throw new CaseRuleViolation("case.open-interventions",
                $"{others} insats(er) of other parties are still open; only the party that owns an insats can end it. Ask them to end theirs before the case is closed.");
        }

        var open = s.Interventions.Values.Where(i => i.IsOpen).OrderBy(i => i.Id).ToList();
        if (open.Count > 0)
        {
            var latest = open.Max(i => i.LastChangedOn);
            NotBefore(c.ClosedOn, latest, "closedOn", "the latest change of an insats still open");
        }

        if (open.Count > 0 && c.EndOpenInterventionsAs is null)
        {
            throw new CaseRuleViolation("case.open-interventions",
                $"The case still has {Describe(open)}. End them first, or close with endOpenInterventionsAs to end them with the close.");
        }

        var events = new List<ICaseEvent>();
        foreach (var insats in open)
        {
            events.Add(insats.State == InterventionState.Planned
                ? new InterventionCancelled(s.Id, insats.Id, InterventionCancelReason.CaseClosed, "Avbruten när ärendet avslutades", c.ClosedOn)
                : new InterventionCompleted(s.Id, insats.Id, c.EndOpenInterventionsAs!.Value, "Avslutad när ärendet avslutades", c.ClosedOn));
        }

        events.Add(new CaseClosed(s.Id, c.Outcome, c.Note, c.ClosedOn, open.Count > 0 ? [.. open.Select(i => i.Id)] : null));
        return events;
    }

    private static IReadOnlyList<ICaseEvent> Reopen(CaseState s, ReopenCase c)
    {
        if (s.Status != CaseStatus.Closed)
        {
            throw new CaseRuleViolation("case.not-closed", "The case is open; only a closed case can be reopened.");
        }

        NotBefore(c.ReopenedOn, s.ClosedOn!.Value, "reopenedOn", "the day the case was closed");
        // The insatser the close ended stay ended: each belongs to its party, and its end is what
        // happened. The reopening names them, so each party can plan anew what it will do.
        var reopened = new CaseReopened(s.Id, c.Reason, c.ReopenedOn, s.EndedByLastClose.Count > 0 ? s.EndedByLastClose : null);
        if (s.IsActiveParty(c.By.Party))
        {
            return [reopened];
        }

        // A party that left returns only through an invitation or referral, but a case nobody is on
        // has nobody to invite it: then a party that was on it may take it back by reopening it.
        if (s.Parties.Values.Any(m => m.Active) || !s.Parties.TryGetValue(c.By.Party, out var membership))
        {
            MustBeOnCase(s, c.By.Party);
        }

        membership = s.Parties[c.By.Party];
        return [reopened, new PartyJoined(s.Id, c.By.Party, membership.Unit, c.By.UserId, c.By.DisplayName, c.ReopenedOn)];
    }
}

public sealed partial record CaseState
{
    private static CaseState? EvolveLifecycle(CaseState s, ICaseEvent @event) => @event switch
    {
        CaseClosed e => s with { Status = CaseStatus.Closed, ClosedOn = e.ClosedOn, EndedByLastClose = e.EndedInterventions ?? [] },
        TargetGroupsChanged e => s with { TargetGroups = e.TargetGroups },
        CaseReopened e => s with { Status = CaseStatus.Open, ReopenedOn = e.ReopenedOn },
        _ => null,
    };
}
