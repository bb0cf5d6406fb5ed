using System.Globalization;
using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.FollowUp;

/// <summary>What the rows of the indicator tables are split by.</summary>
public enum IndicatorDimension
{
    /// <summary>One row: the förbund.</summary>
    Total,
    /// <summary>The case's municipality.</summary>
    Municipality,
    /// <summary>Party (a case counts under every party on it in the period).</summary>
    Party,
    /// <summary>Target group (a case counts under each of its groups).</summary>
    TargetGroup,
    /// <summary>Insats kind, as PARTY:kind (a case counts under each kind it had in the period).</summary>
    InsatsKind,
    /// <summary>Sex, from the SUS start data.</summary>
    Sex,
}

/// <summary>A published cell: its value unless suppressed, and what to print.</summary>
/// <param name="Value">The count; null when suppressed.</param>
/// <param name="Display">What to print: the count, "&lt;5" (below the threshold) or ".." (hidden so no total reveals a small one).</param>
/// <param name="Status">Published, primary or secondary suppression.</param>
public sealed record IndicatorCell(int? Value, string Display, CellStatus Status);

/// <summary>A row of a count table.</summary>
/// <param name="Key">The row's value of the dimension (or the table's own row variable).</param>
/// <param name="Cells">One cell per column.</param>
/// <param name="Total">The row total.</param>
public sealed record IndicatorRow(string Key, IReadOnlyList<IndicatorCell> Cells, IndicatorCell Total);

/// <summary>A two-way count table with row and column totals, suppressed.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="Title">Swedish title.</param>
/// <param name="RowHeader">What the rows are.</param>
/// <param name="Columns">Column headings (Swedish).</param>
/// <param name="Rows">Rows, in key order.</param>
/// <param name="Total">The column totals and the grand total.</param>
public sealed record IndicatorTable(string Code, string Title, string RowHeader, IReadOnlyList<string> Columns, IReadOnlyList<IndicatorRow> Rows, IndicatorRow Total);

/// <summary>A row of a statistics table: how many, median and 90th percentile (nearest rank) of a number of days.</summary>
/// <param name="Key">Row key.</param>
/// <param name="Count">How many (suppressed as a count).</param>
/// <param name="Median">Median days; null when the count is hidden.</param>
/// <param name="P90">90th percentile of days; null when the count is hidden.</param>
public sealed record StatisticRow(string Key, IndicatorCell Count, int? Median, int? P90);

/// <summary>A table of day statistics per row.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="Title">Swedish title.</param>
/// <param name="RowHeader">What the rows are.</param>
/// <param name="Rows">Rows.</param>
/// <param name="Total">Over all rows.</param>
public sealed record StatisticTable(string Code, string Title, string RowHeader, IReadOnlyList<StatisticRow> Rows, StatisticRow Total);

/// <summary>A participant counted anonymously, as the tables see it.</summary>
/// <param name="Party">The insats' party.</param>
/// <param name="Kind">Insats kind.</param>
/// <param name="StartYear">Start year.</param>
/// <param name="Sex">Sex.</param>
public sealed record AnonymousCount(PartyCode Party, string Kind, int StartYear, Sex Sex);

/// <summary>The indicator tables of one period.</summary>
/// <param name="Period">Period code.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <param name="AsOf">The last day counted: the period's end, or today while it runs.</param>
/// <param name="By">Row dimension.</param>
/// <param name="Threshold">Counts from 1 below this are suppressed.</param>
/// <param name="Tables">Count tables.</param>
/// <param name="Statistics">Day statistics.</param>
public sealed record IndicatorReport(string Period, DateOnly From, DateOnly To, DateOnly AsOf, IndicatorDimension By, int Threshold,
    IReadOnlyList<IndicatorTable> Tables, IReadOnlyList<StatisticTable> Statistics);

/// <summary>
/// The förbund's indicator tables, computed from the cases' follow-up facts by business date: only
/// what is dated on or before the period's last day counts, so a past period always rebuilds to the
/// same figures. Every count table is additive (each unit in one column; a row total is the sum of
/// its cells, a column total the sum of its rows) and suppressed by <see cref="Suppression"/>.
/// </summary>
public static class IndicatorTables
{
    private const string Missing = "Uppgift saknas";

    private static readonly string[] Sexes = ["Kvinna", "Man"];

    // Enum.ToString() looks the name up each time; a row key is asked for hundreds of thousands of times.
    private static readonly Dictionary<PartyCode, string> PartyNames = Enum.GetValues<PartyCode>().ToDictionary(p => p, p => p.ToString());

    private static string Name(PartyCode party) => PartyNames[party];

    /// <summary>Computes every table for <paramref name="period"/>.</summary>
    public static IndicatorReport Compute(IEnumerable<FollowUpFacts> cases, IEnumerable<AnonymousCount> anonymous, ReportingPeriod period, DateOnly today,
        IndicatorDimension by, int threshold)
    {
        var from = period.From;
        var asOf = period.To < today ? period.To : today;
        var all = cases.Where(c => c.OpenedOn <= asOf).ToList();
        var active = all.Where(c => c.ActiveIn(from, asOf)).ToList();
        // Most cases hold no meeting and no answers: the tables of those skip them before looking.
        var withMeetings = active.Where(c => c.Meetings.Count > 0).ToList();
        bool In(DateOnly d) => d >= from && d <= asOf;
        // A case's rows are asked for by most tables: worked out once per case.
        var caseRows = new Dictionary<FollowUpFacts, IReadOnlyList<string>>(all.Count, ReferenceEqualityComparer.Instance);
        foreach (var c in all)
        {
            caseRows[c] = RowsOf(c, null, by, from, asOf);
        }

        IEnumerable<string> CaseRows(FollowUpFacts c) => caseRows[c];
        IEnumerable<string> InsatsRows(FollowUpFacts c, InsatsFacts i) => RowsOf(c, i, by, from, asOf);
        var rowHeader = RowHeader(by);
        // SUS records may be completed after the case closed: they count in the period they are dated in.
        var insatser = all.SelectMany(c => c.Insatser.Select(i => (Case: c, Insats: i))).ToList();

        Func<IndicatorTable>[] tables =
        [
            () => Count("active-cases", "Deltagare i aktiva ärenden", rowHeader, ["Nya i perioden", "Från tidigare perioder"],
                active.Select(c => (CaseRows(c), c.OpenedOn >= from ? 0 : 1)), threshold),
            () => Count("closed-cases", "Avslutade ärenden efter utfall", rowHeader, [.. Enum.GetValues<CaseOutcome>().Select(OutcomeLabel)],
                active.Select(c => (Case: c, Close: c.Lifecycle.LastOrDefault(l => l.Closed && In(l.On))))
                    .Where(x => x.Close is not null)
                    .Select(x => (CaseRows(x.Case), (int)x.Close!.Outcome!.Value)), threshold),
            () => Count("participants-started", "Påbörjade deltagare (SUS-start) efter kön", rowHeader, Sexes,
                insatser.Where(x => x.Insats.Start is { } s && In(s.RecordedOn)).Select(x => (InsatsRows(x.Case, x.Insats), (int)x.Insats.Start!.Sex)), threshold),
            () => Count("participants-ended", "Avslutade deltagare (SUS-avslut) efter avslutsorsak", rowHeader,
                ["Avslutat", "Avbrutet: samtycke återkallat", "Avbrutet: avslutade själv", "Avbrutet: annat skäl", "Felregistrering"],
                insatser.Where(x => x.Insats.End is { } e && In(e.RecordedOn)).Select(x => (InsatsRows(x.Case, x.Insats), EndColumn(x.Insats.End!))), threshold),
            () => Count("occupation-before-after", "Sysselsättning före (rad) och efter (kolumn), avslutade deltagare", "Före",
                [.. Enum.GetValues<Occupation>().Select(OccupationLabel)],
                insatser.Where(x => x.Insats is { Start: not null, End: { After: not null } e } && In(e.RecordedOn))
                    .Select(x => ((IEnumerable<string>)[OccupationLabel(x.Insats.Start!.Before.Occupation)], (int)x.Insats.End!.After!.Occupation)), threshold,
                [.. Enum.GetValues<Occupation>().Select(OccupationLabel)]),
            () => Count("parallelism", "Parallellitetsindex: andel ärendedagar med insatser från två eller fler parter", rowHeader,
                ["0 %", "1–24 %", "25–49 %", "50–74 %", "75–100 %"],
                active.Select(c => (CaseRows(c), Bucket(ParallelShare(c, from, asOf)))), threshold),
            () => Count("consent-coverage", "Samtyckestäckning: aktiva ärenden med giltigt samtycke periodens sista aktiva dag", rowHeader,
                ["Med giltigt samtycke", "Utan giltigt samtycke"],
                active.Select(c => (CaseRows(c), c.Consents.Any(k => k.ValidOn(LastOpenDay(c, from, asOf))) ? 0 : 1)), threshold),
            () => Count("flags", "Flaggor som restes i perioden, per regel", "Regel", ["Lösta vid periodens slut", "Öppna vid periodens slut"],
                all.SelectMany(c => c.Flags).Where(f => In(f.RaisedOn))
                    .Select(f => ((IEnumerable<string>)[f.Rule], f.ClearedOn is { } cleared && cleared <= asOf ? 0 : 1)), threshold),
            () => Count("sip-meetings", "SIP-möten som hölls i perioden", rowHeader, ["Personen deltog", "Personen deltog inte"],
                withMeetings.SelectMany(c => c.Meetings.Where(m => In(m.HeldOn)).Select(m => (CaseRows(c), m.PersonPresent ? 0 : 1))), threshold),
            () => Count("sip-follow-ups", "Uppföljningar av SIP som skulle hållas i perioden", rowHeader, ["Hölls i tid", "Missades"],
                withMeetings.SelectMany(c => c.Meetings.Where(m => m.HeldOn <= asOf && m.NextFollowUpOn is { } due && In(due))
                    .Select(m => (CaseRows(c), c.Meetings.Any(n => n.HeldOn > m.HeldOn && n.HeldOn <= m.NextFollowUpOn) ? 0 : 1))), threshold),
            () => Count("anonymous-participants", $"Anonymt räknade deltagare med startår {from.Year} (utan samtycke eller med skyddad identitet)",
                by == IndicatorDimension.InsatsKind ? "Insats" : "Part", Sexes,
                anonymous.Where(a => a.StartYear == from.Year)
                    .Select(a => ((IEnumerable<string>)[by == IndicatorDimension.InsatsKind ? $"{a.Party}:{a.Kind}" : a.Party.ToString()], (int)a.Sex)), threshold),
            () => Count("progress-change", "Förändring per indikator i personens enkätsvar, första mot senaste (senaste svaret i perioden)", "Indikator",
                ["Bättre", "Oförändrat", "Sämre"],
                active.Where(c => c.Answers.Count >= 2).Select(c => c.Answers.Where(a => a.Respondent == Respondent.Person && a.Version == ProgressQuestionnaire.Version && a.AnsweredOn <= asOf)
                        .OrderBy(a => a.AnsweredOn).ToList())
                    .Where(a => a.Count >= 2 && In(a[^1].AnsweredOn))
                    .SelectMany(a => ProgressQuestionnaire.For(Respondent.Person).Select((q, i) =>
                        ((IEnumerable<string>)[q.Code], Math.Sign(a[0].Scores[i] - a[^1].Scores[i]) + 1))), threshold,
                [.. ProgressQuestionnaire.For(Respondent.Person).Select(q => q.Code)]),
        ];

        Func<StatisticTable>[] statistics =
        [
            () => Statistic("days-to-first-insats", "Dagar från öppnat ärende till första påbörjade insats", rowHeader,
                active.Select(c => (Case: c, First: c.Insatser.Where(i => i.StartedOn <= asOf).Select(i => i.StartedOn).Min()))
                    .Where(x => x.First is { } d && In(d))
                    .Select(x => (CaseRows(x.Case), x.First!.Value.DayNumber - x.Case.OpenedOn.DayNumber)), threshold),
            () => Statistic("waiting-days", "Väntedagar från planerad till påbörjad insats, per part", "Part",
                insatser.Where(x => x.Insats.StartedOn is { } s && In(s))
                    .Select(x => ((IEnumerable<string>)[Name(x.Insats.Party)], x.Insats.StartedOn!.Value.DayNumber - x.Insats.PlannedOn.DayNumber)), threshold),
            () => Statistic("flag-resolution-days", "Dagar från flagga till lösning, per regel", "Regel",
                all.SelectMany(c => c.Flags).Where(f => f.ClearedOn is { } d && In(d))
                    .Select(f => ((IEnumerable<string>)[f.Rule], f.ClearedOn!.Value.DayNumber - f.RaisedOn.DayNumber)), threshold),
        ];

        // The tables are independent of each other: built side by side, kept in their order.
        return new IndicatorReport(period.Code, period.From, period.To, asOf, by, threshold, Build(tables), Build(statistics));
    }

    private static T[] Build<T>(Func<T>[] tables)
    {
        var built = new T[tables.Length];
        Parallel.For(0, tables.Length, i => built[i] = tables[i]());
        return built;
    }

    /// <summary>The share of the case's open days in the period on which insatser of two or more parties were ongoing.</summary>
    public static double ParallelShare(FollowUpFacts c, DateOnly from, DateOnly asOf)
    {
        var first = from > c.OpenedOn ? from : c.OpenedOn;
        if (first > asOf)
        {
            return 0;
        }

        var started = c.Insatser.Where(i => i.StartedOn <= asOf && !(i.EndedOn < from)).ToList();
        if (!started.Exists(i => i.Party != started[0].Party))
        {
            // No day can have insatser of two parties: the share is nought, however many days were open.
            return 0;
        }

        var spans = c.OpenSpans(asOf).ToList();
        // Whether a day is open, and whether insatser of two parties are ongoing on it, changes only on
        // a day a span, an insats or a pause starts or ends. So each stretch between such days is
        // judged on its first day, as a day on its own would be, and counts all its days: a few
        // judgements per case instead of one per day of the period.
        var changes = new SortedSet<int> { first.DayNumber, asOf.DayNumber + 1 };
        void Change(DateOnly? day)
        {
            if (day is { } d && d > first && d <= asOf)
            {
                changes.Add(d.DayNumber);
            }
        }

        foreach (var span in spans)
        {
            Change(span.From);
            Change(span.To);
        }

        foreach (var insats in started)
        {
            Change(insats.StartedOn);
            Change(insats.EndedOn);
            foreach (var pause in insats.Pauses ?? [])
            {
                Change(pause.From);
                Change(pause.To);
            }
        }

        int open = 0, parallel = 0, stretchStart = -1;
        foreach (var next in changes)
        {
            if (stretchStart >= 0)
            {
                var (d, days) = (DateOnly.FromDayNumber(stretchStart), next - stretchStart);
                if (spans.Any(s => s.From <= d && (s.To is not { } end || end > d)))
                {
                    open += days;
                    if (started.Where(i => i.OngoingOn(d, asOf)).Select(i => i.Party).Distinct().Skip(1).Any())
                    {
                        parallel += days;
                    }
                }
            }

            stretchStart = next;
        }

        return open == 0 ? 0 : (double)parallel / open;
    }

    private static int Bucket(double share) => share switch
    {
        0.0 => 0,
        < 0.25 => 1,
        < 0.5 => 2,
        < 0.75 => 3,
        _ => 4,
    };

    private static DateOnly LastOpenDay(FollowUpFacts c, DateOnly from, DateOnly asOf)
    {
        var last = c.OpenSpans(asOf).Last(s => s.From <= asOf);
        return last.To is { } end && end.AddDays(-1) < asOf ? end.AddDays(-1) : asOf;
    }

    private static int EndColumn(ParticipantEndRecorded e) => e.End switch
    {
        ParticipantEnd.Completed => 0,
        ParticipantEnd.RegisteredInError => 4,
        _ => e.Reason switch
        {
            InterruptionReason.ConsentWithdrawn => 1,
            InterruptionReason.PersonQuit => 2,
            _ => 3,
        },
    };

    private static string RowHeader(IndicatorDimension by) => by switch
    {
        IndicatorDimension.Municipality => "Kommun",
        IndicatorDimension.Party => "Part",
        IndicatorDimension.TargetGroup => "Målgrupp",
        IndicatorDimension.InsatsKind => "Insats",
        IndicatorDimension.Sex => "Kön",
        _ => "Förbundet",
    };

    // A case unit (insats null) or an insats unit: the rows it counts under.
    private static IReadOnlyList<string> RowsOf(FollowUpFacts c, InsatsFacts? insats, IndicatorDimension by, DateOnly from, DateOnly asOf)
    {
        IEnumerable<string> rows = by switch
        {
            IndicatorDimension.Municipality => [c.MunicipalityCode],
            IndicatorDimension.TargetGroup => c.TargetGroups.Select(g => g.ToString()),
            IndicatorDimension.Party when insats is not null => [Name(insats.Party)],
            IndicatorDimension.Party => c.Parties.Where(p => p.From <= asOf && !(p.To is { } to && to < from)).Select(p => Name(p.Party)),
            IndicatorDimension.InsatsKind when insats is not null => [$"{insats.Party}:{insats.Kind}"],
            IndicatorDimension.InsatsKind => c.Insatser.Where(i => i.PlannedOn <= asOf && !(i.EndedOn < from)).Select(i => $"{i.Party}:{i.Kind}"),
            IndicatorDimension.Sex => [SexOf(insats is null ? c.Insatser : [insats], asOf)],
            _ => ["Totalt"],
        };
        if (rows is IReadOnlyList<string> { Count: 1 } one)
        {
            return one;
        }

        var distinct = rows.Distinct().ToList();
        return distinct.Count == 0 ? [Missing] : distinct;
    }

    private static string SexOf(IEnumerable<InsatsFacts> insatser, DateOnly asOf) =>
        insatser.Select(i => i.Start).Where(s => s is not null && s.RecordedOn <= asOf).OrderBy(s => s!.RecordedOn).LastOrDefault() is { } start
            ? Sexes[(int)start.Sex]
            : Missing;

    /// <summary>Builds and suppresses a count table from units, each counted in one column under one or more rows.</summary>
    public static IndicatorTable Count(string code, string title, string rowHeader, IReadOnlyList<string> columns,
        IEnumerable<(IEnumerable<string> Rows, int Column)> units, int threshold, IReadOnlyList<string>? rowOrder = null)
    {
        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (rows, column) in units)
        {
            foreach (var row in rows)
            {
                if (!counts.TryGetValue(row, out var line))
                {
                    counts[row] = line = new int[columns.Count];
                }

                line[column]++;
            }
        }

        var keys = rowOrder is null ? counts.Keys.ToList() : [.. rowOrder.Where(counts.ContainsKey)];
        var grid = new int[keys.Count + 1, columns.Count + 1];
        for (var r = 0; r < keys.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var v = counts[keys[r]][c];
                grid[r, c] += v;
                grid[r, columns.Count] += v;
                grid[keys.Count, c] += v;
                grid[keys.Count, columns.Count] += v;
            }
        }

        var status = Suppression.Suppress(grid, threshold);
        IndicatorCell Cell(int r, int c) => status[r, c] switch
        {
            CellStatus.Published => new IndicatorCell(grid[r, c], grid[r, c].ToString(CultureInfo.InvariantCulture), CellStatus.Published),
            CellStatus.Primary => new IndicatorCell(null, $"<{threshold}", CellStatus.Primary),
            _ => new IndicatorCell(null, "..", CellStatus.Secondary),
        };
        IndicatorRow Row(int r, string key) => new(key, [.. Enumerable.Range(0, columns.Count).Select(c => Cell(r, c))], Cell(r, columns.Count));
        return new IndicatorTable(code, title, rowHeader, columns, [.. keys.Select((k, r) => Row(r, k))], Row(keys.Count, "Totalt"));
    }

    /// <summary>
    /// Builds a statistics table: the counts are suppressed as a one-column count table, and a row's
    /// median and 90th percentile are shown only where its count is (a median of three reveals a value).
    /// </summary>
    public static StatisticTable Statistic(string code, string title, string rowHeader, IEnumerable<(IEnumerable<string> Rows, int Days)> units, int threshold)
    {
        var values = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (rows, days) in units)
        {
            foreach (var row in rows)
            {
                if (!values.TryGetValue(row, out var list))
                {
                    values[row] = list = [];
                }

                list.Add(days);
            }
        }

        var counts = Count(code, title, rowHeader, ["Antal"], values.SelectMany(v => v.Value.Select(_ => ((IEnumerable<string>)[v.Key], 0))), threshold);
        StatisticRow Row(IndicatorRow counted, List<int> days)
        {
            var shown = counted.Total.Status == CellStatus.Published && days.Count > 0;
            days.Sort();
            return new StatisticRow(counted.Key, counted.Total, shown ? Rank(days, 0.5) : null, shown ? Rank(days, 0.9) : null);
        }

        return new StatisticTable(code, title, rowHeader, [.. counts.Rows.Select(r => Row(r, values[r.Key]))],
            Row(counts.Total, [.. values.Values.SelectMany(v => v)]));
    }

    // Nearest rank: the smallest value with at least p of the values at or below it.
    private static int Rank(List<int> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string OutcomeLabel(CaseOutcome o) => o switch
    {
        CaseOutcome.Arbete => "Arbete",
        CaseOutcome.Studier => "Studier",
        CaseOutcome.Sysselsattning => "Sysselsättning",
        CaseOutcome.Arbetssokande => "Arbetssökande",
        CaseOutcome.Sjukskriven => "Sjukskriven",
        CaseOutcome.Avliden => "Avliden",
        CaseOutcome.Flyttat => "Flyttat",
        _ => "Annat",
    };

    private static string OccupationLabel(Occupation o) => o switch
    {
        Occupation.Work => "Arbete",
        Occupation.SubsidisedWork => "Arbete med stöd",
        Occupation.Studies => "Studier",
        Occupation.JobSeeking => "Arbetssökande",
        Occupation.Activity => "Aktivitet eller sysselsättning",
        Occupation.SickListed => "Sjukskriven",
        _ => "Ingen sysselsättning",
    };
}
