namespace Finsam.Samordning.Domain.Cases;

/// <summary>A span of days an insats was ongoing: from <see cref="From"/> up to, not including, <see cref="To"/>.</summary>
/// <param name="From">First ongoing day.</param>
/// <param name="To">First day no longer ongoing (paused, completed, cancelled); null while still ongoing.</param>
public sealed record OngoingPeriod(DateOnly From, DateOnly? To)
{
    /// <summary>Whether the insats was ongoing on <paramref name="day"/>: from its first day, up to but not on its end day.</summary>
    public bool Covers(DateOnly day) => From <= day && (To is null || To > day);
}

/// <summary>How much of a case ran in parallel.</summary>
/// <param name="ParallelDays">Days on which insatser of two or more parties were ongoing.</param>
/// <param name="CaseDays">The case's days from its first to its last day, both counted (a closed case's last day is the day before it closed).</param>
/// <param name="Share">ParallelDays ÷ CaseDays, 0 for an empty case.</param>
public sealed record ParallelismMeasure(int ParallelDays, int CaseDays, double Share);

/// <summary>
/// The BIP measure: parallel insatser from several parties beat the staircase. Counts the case's
/// days on which two or more <em>parties</em> had an insats ongoing (two insatser of one party do
/// not make the case parallel). Paused spells are not ongoing.
/// </summary>
public static class Parallelism
{
    /// <summary>Measures <paramref name="periods"/> (by owning party) over the case's days.</summary>
    public static ParallelismMeasure Measure(IEnumerable<(PartyCode Party, OngoingPeriod Period)> periods, DateOnly caseStart, DateOnly caseEnd)
    {
        if (caseEnd < caseStart)
        {
            return new ParallelismMeasure(0, 0, 0);
        }

        var caseDays = caseEnd.DayNumber - caseStart.DayNumber + 1;
        // Per party, a day set: cases are months long and have a handful of insatser, so a sweep
        // over days is simpler than interval arithmetic and fast enough.
        var byParty = new Dictionary<PartyCode, HashSet<int>>();
        foreach (var (party, period) in periods)
        {
            var from = Math.Max(period.From.DayNumber, caseStart.DayNumber);
            var to = Math.Min((period.To ?? caseEnd.AddDays(1)).DayNumber, caseEnd.DayNumber + 1);
            if (to <= from)
            {
                continue;
            }

            if (!byParty.TryGetValue(party, out var days))
            {
                byParty[party] = days = [];
            }

            for (var d = from; d < to; d++)
            {
                days.Add(d);
            }
        }

        var parallel = 0;
        for (var d = caseStart.DayNumber; d <= caseEnd.DayNumber; d++)
        {
            var parties = 0;
            foreach (var days in byParty.Values)
            {
                if (days.Contains(d) && ++parties >= 2)
                {
                    parallel++;
                    break;
                }
            }
        }

        return new ParallelismMeasure(parallel, caseDays, Math.Round((double)parallel / caseDays, 4));
    }
}
