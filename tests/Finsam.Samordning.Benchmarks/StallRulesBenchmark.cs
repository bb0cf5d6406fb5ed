using System.Diagnostics;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Inbox;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Benchmarks;

/// <summary>
/// The stall scan's judging step alone, no database: generated cases folded into their stall facts
/// in memory, then judged as the scanner's batch does (findings, flag decision, next look, actions
/// coming due), once with no flag open (a full sweep after generation) and once with the flags that
/// first pass raised (an incremental scan of cases already flagged).
/// </summary>
public static class StallRulesBenchmark
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    /// <summary>Folds <paramref name="count"/> generated cases and judges them <paramref name="runs"/> times.</summary>
    public static void Compute(int count, int runs)
    {
        var generator = new CaseGenerator(7919, Today);
        var cases = Enumerable.Range(0, count)
            .Select(_ => generator.Next())
            .Select(c => (c.Id, Facts: c.Events.Aggregate((StallFacts?)null, StallFacts.Evolve)!))
            .ToList();
        var settings = StallSettings.Defaults;
        Console.WriteLine($"Stall rules, judging alone: {count:N0} generated cases folded in memory, {Environment.ProcessorCount} cores");
        for (var run = 0; run < runs; run++)
        {
            var (watch, cpu) = (Stopwatch.StartNew(), Cpu());
            var raised = cases.Select(c => Judge(c.Id, c.Facts, [], settings)).ToList();
            var first = (watch.Elapsed, Cpu() - cpu);
            var open = raised.Select(events => events.OfType<StallFlagRaised>().Select(OpenFlags.From).ToList()).ToList();
            watch.Restart();
            cpu = Cpu();
            var changed = cases.Select((c, i) => Judge(c.Id, c.Facts, open[i], settings)).Count(e => e.Count > 0);
            Console.WriteLine($"  run {run + 1}: no flags open {first.Elapsed.TotalMilliseconds / count * 1000:0.0} µs a case (cpu {first.Item2.TotalSeconds:0.000} s, " +
                $"{raised.Sum(r => r.Count):N0} raised); flags open {watch.Elapsed.TotalMilliseconds / count * 1000:0.0} µs a case " +
                $"(cpu {(Cpu() - cpu).TotalSeconds:0.000} s, {changed:N0} cases changed)");
        }
    }

    // What StallScanner.RunBatch does for one case between reading and writing.
    private static IReadOnlyList<IFlagEvent> Judge(Guid id, StallFacts facts, IReadOnlyList<OpenFlag> open, StallSettings settings)
    {
        var comingDue = settings.For(StallRuleCodes.ActionComingDue);
        var (findings, nextChange) = StallRules.Judge(facts, Today, settings);
        var events = StallScan.Decide(id, open, findings, Today, Guid.CreateVersion7);
        var next = StallScan.Earlier(StallScan.NextLook(nextChange, open, Today),
            TimedNotices.NextComingDue(facts, Today, comingDue));
        GC.KeepAlive(next);
        GC.KeepAlive(TimedNotices.ActionsComingDue(id, facts, Today, comingDue).ToList());
        return events;
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;
}
