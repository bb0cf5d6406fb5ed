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
        var findingKeys = findings.Select(f => f.Key).ToHashSet();
        var events = new List<IFlagEvent>();
        foreach (var finding in findings.Where(f => !openKeys.Contains(f.Key)).DistinctBy(f => f.Key))
        {
            events.Add(new StallFlagRaised(caseId, newId(), finding.Rule, finding.Subject, finding.Severity, finding.Reason,
                finding.ReasonEn, finding.Since, today, null, finding.Describes));
        }

        foreach (var flag in automatic.Where(f => !findingKeys.Contains((f.Rule, f.Subject))))
        {
            events.Add(new StallFlagCleared(caseId, flag.Id, "Läget gäller inte längre. / The situation no longer holds.", System, today));
        }

        return events;
    }
}
