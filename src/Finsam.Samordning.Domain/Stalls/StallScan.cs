using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Stalls;

/// <summary>
/// The scan's decision for one case: raise a flag for each finding that has none open, clear each
/// rule flag whose finding no longer holds. Concerns raised by hand are left alone. Running it again
/// on the result decides nothing: open flags then equal the findings.
/// </summary>
public static class StallScan
{
    /// <summary>Who clears flags that no longer hold.</summary>
    public const string System = "system";

    /// <summary>The flag events that bring <paramref name="open"/> in line with <paramref name="findings"/>.</summary>
    public static IReadOnlyList<IFlagEvent> Decide(Guid caseId, IEnumerable<OpenFlag> open, IReadOnlyList<StallFinding> findings,
        DateOnly today, Func<Guid> newId)
    {
        var automatic = open.Where(f => !f.IsManual).ToList();
        var openKeys = automatic.Select(f => (f.Rule, f.Subject)).ToHashSet();
        var findingKeys = findings.Select(f => f.Key()).ToHashSet();
        var events = new List<IFlagEvent>();
        foreach (var finding in findings.Where(f => !openKeys.Contains(f.Key())).DistinctBy(f => f.Key()))
        {
            events.Add(new StallFlagRaised(caseId, newId(), finding.Rule, finding.Subject, finding.Severity, finding.Reason,
                finding.ReasonEn, finding.Since, today, null, finding.Describes));
        }

        foreach (var flag in automatic.Where(f => !findingKeys.Contains((f.Rule, f.Subject))))
        {
            events.Add(new StallFlagCleared(caseId, flag.Id, "Läget gäller inte längre. / The situation no longer holds.", System, today));
        }

        events.AddRange(Resurface(caseId, automatic, findings, today, newId));
        return events;
    }

    /// <summary>
    /// A snoozed flag whose day has come and whose finding still holds returns as a new flag (so it
    /// is unacknowledged again and reaches the inbox); one whose finding no longer holds was cleared above.
    /// </summary>
    private static IEnumerable<IFlagEvent> Resurface(Guid caseId, IEnumerable<OpenFlag> automatic, IReadOnlyList<StallFinding> findings, DateOnly today,
        Func<Guid> newId)
    {
        foreach (var flag in automatic.Where(f => f.SnoozedUntil is { } until && until <= today))
        {
            if (findings.FirstOrDefault(f => f.Key() == (flag.Rule, flag.Subject)) is not { } finding)
            {
                continue;
            }

            yield return new StallFlagCleared(caseId, flag.Id, "Uppskovet är slut och läget gäller fortfarande. / The snooze is over and the situation still holds.", System, today);
            yield return new StallFlagRaised(caseId, newId(), finding.Rule, finding.Subject, finding.Severity, finding.Reason, finding.ReasonEn, finding.Since,
                today, null, finding.Describes);
        }
    }

    /// <summary>The earlier of two days to look again; null when neither is set.</summary>
    public static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>When the scan must look at a case next: the rules' next change, or an earlier day a snooze ends.</summary>
    public static DateOnly? NextLook(DateOnly? nextChange, IEnumerable<OpenFlag> open, DateOnly today) =>
        open.Where(f => !f.IsManual && f.SnoozedUntil is { } u && u > today).Select(f => f.SnoozedUntil).Append(nextChange).Where(d => d is not null).Min();
}
