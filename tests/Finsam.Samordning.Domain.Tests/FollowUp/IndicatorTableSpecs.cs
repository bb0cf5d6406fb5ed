using System.Text.Json;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.FollowUp;

namespace Finsam.Samordning.Domain.Tests.FollowUp;

public sealed class IndicatorTableSpecs(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateOnly Feb1 = new(2026, 2, 1);
    private static readonly DateOnly Today = new(2026, 12, 1);

    // Case n: opened on Feb 1 + n, SOC and AF on it, AF's insats planned at once and started n days later; every third closed on Feb 20 with work.
    internal static List<ICaseEvent> Case(int n, string municipality = "1282", Sex? sex = null)
    {
        var id = Guid.Parse($"00000000-0000-7000-8000-{n:000000000000}");
        var insats = Guid.Parse($"00000000-0000-7000-9000-{n:000000000000}");
        var opened = Feb1.AddDays(n % 10);
        List<ICaseEvent> events =
        [
            new CaseOpened(id, null, municipality, [TargetGroup.Uvas], PartyCode.SOC, opened),
            new PartyJoined(id, PartyCode.SOC, "IFO", "soc", "Soc", opened),
            new PartyJoined(id, PartyCode.AF, "AF", "af", "Af", opened),
            new InterventionPlanned(id, insats, PartyCode.AF, "kartlaggning", null, opened, opened),
            new InterventionStarted(id, insats, opened.AddDays(n % 4)),
            new ParticipantStartRecorded(id, insats, PartyCode.AF, sex ?? (n % 2 == 0 ? Sex.Female : Sex.Male), municipality, EducationLevel.Primary,
                SupportDuration.UnderOneYear, new ParticipantSituation([IncomeSource.IncomeSupport], Occupation.None, 0), opened.AddDays(n % 4)),
        ];
        if (n % 3 == 0)
        {
            events.Add(new InterventionCompleted(id, insats, InterventionEndReason.MovedOnToWorkOrStudies, null, new DateOnly(2026, 2, 20)));
            events.Add(new ParticipantEndRecorded(id, insats, PartyCode.AF, ParticipantEnd.Completed, null,
                new ParticipantSituation([IncomeSource.Wages], Occupation.Work, 100), new DateOnly(2026, 2, 20)));
            events.Add(new CaseClosed(id, CaseOutcome.Arbete, null, new DateOnly(2026, 2, 20)));
        }

        return events;
    }

    // What happens later, dated after February: a reopening, a new insats, a late close, a consent, a flag.
    internal static IEnumerable<ICaseEvent> Later(int n)
    {
        var id = Guid.Parse($"00000000-0000-7000-8000-{n:000000000000}");
        var march = new DateOnly(2026, 3, 5 + n % 20);
        if (n % 3 == 0)
        {
            yield return new CaseReopened(id, "Ny insats", march);
        }

        yield return new InterventionPlanned(id, Guid.NewGuid(), PartyCode.SOC, "other", "Stöd", march, march);
        yield return new ConsentRecorded(id, Guid.NewGuid(), [PartyCode.SOC], true, ConsentForm.Written, march, null, PartyCode.SOC, march);
        yield return new StallFlagRaised(id, Guid.NewGuid(), "NoContact", "x", FlagSeverity.Warning, "r", "r", march, march, null);
        if (n % 5 == 1)
        {
            yield return new CaseClosed(id, CaseOutcome.Studier, null, march.AddDays(3));
        }
    }

    private static FollowUpFacts Fold(IEnumerable<ICaseEvent> events) => events.Aggregate((FollowUpFacts?)null, FollowUpFacts.Evolve)!;

    private static string Tables(IEnumerable<FollowUpFacts> cases, string period, IndicatorDimension by) =>
        JsonSerializer.Serialize(IndicatorTables.Compute(cases, [], ReportingPeriod.Parse(period)!, Today, by, 5));

    [Fact]
    public void Any_past_period_rebuilds_to_the_same_figures_whatever_is_recorded_later()
    {
        var cases = Enumerable.Range(1, 40).Select(n => Case(n, n % 7 == 0 ? "1261" : "1282")).ToList();
        foreach (var period in new[] { "2026-02", "2026-T1", "2026-01" })
        {
            foreach (var by in Enum.GetValues<IndicatorDimension>())
            {
                var before = Tables(cases.Select(Fold), period, by);
                var after = Tables(cases.Select((events, i) => Fold(events.Concat(Later(i + 1)))), period, by);
                if (period == "2026-T1")
                {
                    // The tertial runs into March: later events dated in it do count.
                    Assert.NotEqual(before, after);
                }
                else
                {
                    Assert.Equal(before, after);
                }
            }
        }
    }

    [Fact]
    public void The_february_tables_count_what_happened_in_february_and_suppress_small_cells()
    {
        var cases = Enumerable.Range(1, 40).Select(n => Case(n, n % 7 == 0 ? "1261" : "1282")).Select(Fold).ToList();
        var report = IndicatorTables.Compute(cases, [], ReportingPeriod.Parse("2026-02")!, Today, IndicatorDimension.Municipality, 5);

        var active = report.Tables.Single(t => t.Code == "active-cases");
        Assert.Equal(40, active.Total.Total.Value);
        Assert.Equal(["1261", "1282"], active.Rows.Select(r => r.Key));
        Assert.Equal(5, active.Rows[0].Total.Value); // 7, 14, 21, 28, 35

        var closed = report.Tables.Single(t => t.Code == "closed-cases");
        Assert.Equal(13, closed.Total.Cells[(int)CaseOutcome.Arbete].Value);
        // 1261 closed 21 only (of 7, 14, 21, 28, 35 the multiples of 3): 1 is suppressed, and so is its counterpart in 1282.
        Assert.Equal("<5", closed.Rows[0].Cells[(int)CaseOutcome.Arbete].Display);
        Assert.Equal(CellStatus.Secondary, closed.Rows[1].Cells[(int)CaseOutcome.Arbete].Status);

        var change = report.Tables.Single(t => t.Code == "occupation-before-after");
        Assert.Equal(13, change.Rows.Single(r => r.Key == "Ingen sysselsättning").Cells[(int)Occupation.Work].Value);

        var wait = report.Statistics.Single(s => s.Code == "waiting-days");
        Assert.Equal(40, wait.Total.Count.Value);
        Assert.Equal(1, wait.Total.Median);
        Assert.Equal(3, wait.Total.P90);
    }

    [Fact]
    public void The_sample_table_in_the_readme()
    {
        var cases = Enumerable.Range(1, 40).Select(n => Case(n, n % 7 == 0 ? "1261" : n % 5 == 0 ? "1292" : "1282", n % 3 == 0 ? Sex.Female : Sex.Male)).Select(Fold).ToList();
        var report = IndicatorTables.Compute(cases, [], ReportingPeriod.Parse("2026-02")!, Today, IndicatorDimension.Municipality, 5);
        var table = report.Tables.Single(t => t.Code == "participants-started");
        var lines = new List<string> { $"| {table.RowHeader} | {string.Join(" | ", table.Columns)} | Totalt |" };
        lines.AddRange(table.Rows.Append(table.Total).Select(r => $"| {r.Key} | {string.Join(" | ", r.Cells.Select(c => c.Display))} | {r.Total.Display} |"));
        output.WriteLine(string.Join(Environment.NewLine, lines));
        Assert.Equal(["<5", "<5", "5", "10", "18", "28", "<5", "..", "7", "13", "27", "40"],
            table.Rows.Append(table.Total).SelectMany(r => r.Cells.Append(r.Total)).Select(c => c.Display));
    }

    [Fact]
    public void Parallelism_counts_days_with_two_parties_ongoing()
    {
        var id = Guid.NewGuid();
        var facts = Fold(
        [
            new CaseOpened(id, null, "1282", [], PartyCode.SOC, Feb1),
            new InterventionPlanned(id, Guid.Parse("00000000-0000-0000-0000-000000000001"), PartyCode.AF, "k", null, Feb1, Feb1),
            new InterventionStarted(id, Guid.Parse("00000000-0000-0000-0000-000000000001"), Feb1),
            new InterventionPlanned(id, Guid.Parse("00000000-0000-0000-0000-000000000002"), PartyCode.VC, "h", null, Feb1, Feb1),
            new InterventionStarted(id, Guid.Parse("00000000-0000-0000-0000-000000000002"), Feb1.AddDays(14)),
        ]);

        Assert.Equal(0.5, IndicatorTables.ParallelShare(facts, Feb1, Feb1.AddDays(27)));
    }

    [Theory]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    [InlineData("2026-T1", "2026-01-01", "2026-04-30")]
    [InlineData("2026-T3", "2026-09-01", "2026-12-31")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    public void Periods_are_years_tertials_and_months(string code, string from, string to)
    {
        var period = ReportingPeriod.Parse(code)!;
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (period.From, period.To));
    }

    [Theory]
    [InlineData("2026-T4")]
    [InlineData("2026-13")]
    [InlineData("26")]
    [InlineData(null)]
    public void Other_period_codes_are_refused(string? code) => Assert.Null(ReportingPeriod.Parse(code));
}
