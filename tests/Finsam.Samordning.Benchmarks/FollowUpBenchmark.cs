using System.Diagnostics;
using Finsam.Samordning.Api.Features.FollowUp;
using Finsam.Samordning.Api.Infrastructure.Persistence;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.FollowUp;
using Marten;

namespace Finsam.Samordning.Benchmarks;

/// <summary>
/// Generates realistic cases (with SUS start and end data on their insatser) into a private
/// database and times a year's indicator tables: reading every case's follow-up facts, then
/// computing and suppressing the tables, as GET /follow-up/indicators does.
/// </summary>
public static class FollowUpBenchmark
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    /// <summary>
    /// Runs the benchmark for each cumulative size in <paramref name="sizes"/>, <paramref name="runs"/>
    /// times each. With <paramref name="connection"/> (a database an earlier run holds, see
    /// FINSAM_BENCH_HOLD) it generates nothing and times that database's cases.
    /// </summary>
    public static async Task RunAsync(IReadOnlyList<int> sizes, int runs, string? connection)
    {
        var reuse = connection is not null;
        connection ??= await PostgresCluster.Instance.CreateDatabaseAsync($"bench_followup_{Guid.NewGuid():N}");
        var options = new StoreOptions();
        PersistenceSetup.Configure(options, connection, development: false, Finsam.Samordning.Api.Features.FeaturesSetup.ConfigureDocuments);
        await using var store = new DocumentStore(options);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Console.WriteLine($"Indicator tables benchmark: year 2026, {Environment.ProcessorCount} cores");
        var stored = 0;
        var rows = new List<string>();
        foreach (var size in reuse ? [0] : sizes)
        {
            var generate = Stopwatch.StartNew();
            await Generate(store, size - stored, seed: stored + 1);
            stored = size;
            Console.WriteLine($"  generated up to {stored:N0} cases in {generate.Elapsed.TotalSeconds:0.0} s");

            for (var run = 0; run < runs; run++)
            {
                // Each run starts from a collected heap: not the generation's garbage.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await using var session = store.QuerySession();
                var (read, cpu) = (Stopwatch.StartNew(), Cpu());
                var cases = await new FollowUpReader(session, store).FactsAsync(CancellationToken.None);
                read.Stop();
                var compute = Stopwatch.StartNew();
                var report = IndicatorTables.Compute(cases, [], ReportingPeriod.Parse("2026")!, Today, IndicatorDimension.Municipality, 5);
                compute.Stop();
                var totalCpu = Cpu() - cpu;
                var byParty = Stopwatch.StartNew();
                IndicatorTables.Compute(cases, [], ReportingPeriod.Parse("2026")!, Today, IndicatorDimension.Party, 5);
                byParty.Stop();
                var line = $"| {cases.Count:N0} | {run + 1} | {read.Elapsed.TotalSeconds:0.00} | {compute.Elapsed.TotalSeconds:0.00} | " +
                    $"{(read.Elapsed + compute.Elapsed).TotalSeconds:0.00} | {totalCpu.TotalSeconds:0.00} | {byParty.Elapsed.TotalSeconds:0.00} | {report.Tables[0].Total.Total.Display} |";
                Console.WriteLine(line);
                rows.Add(line);
            }
        }

        // FINSAM_BENCH_HOLD=<file>: keep the database (and its cluster) while that file exists, to
        // look into it with psql (EXPLAIN ANALYZE, sizes) or time it again (--connection). The
        // connection string is written into the file.
        if (!reuse && Environment.GetEnvironmentVariable("FINSAM_BENCH_HOLD") is { Length: > 0 } hold)
        {
            await File.WriteAllTextAsync(hold, connection);
            Console.WriteLine($"  holding {connection} while {hold} exists");
            while (File.Exists(hold))
            {
                await Task.Delay(1000);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| cases | run | read facts s | compute by municipality s | total s | total cpu s (this process) | compute by party s | active cases |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    /// <summary>
    /// The computation alone: folds <paramref name="count"/> generated cases' facts in memory (no
    /// database) and times a year's tables by municipality and by party, <paramref name="runs"/> times.
    /// </summary>
    public static void Compute(int count, int runs)
    {
        var generator = new CaseGenerator(7919, Today);
        var random = new Random(31);
        var cases = Enumerable.Range(0, count)
            .Select(_ => WithSusData(generator.Next().Events, random).Aggregate((FollowUpFacts?)null, FollowUpFacts.Evolve)!)
            .ToList();
        Console.WriteLine($"Indicator tables, computation alone: year 2026, {count:N0} cases folded in memory, {Environment.ProcessorCount} cores");
        for (var run = 0; run < runs; run++)
        {
            var (watch, cpu) = (Stopwatch.StartNew(), Cpu());
            var report = IndicatorTables.Compute(cases, [], ReportingPeriod.Parse("2026")!, Today, IndicatorDimension.Municipality, 5);
            var (byMunicipality, byMunicipalityCpu) = (watch.Elapsed, Cpu() - cpu);
            IndicatorTables.Compute(cases, [], ReportingPeriod.Parse("2026")!, Today, IndicatorDimension.Party, 5);
            Console.WriteLine($"  run {run + 1}: by municipality {byMunicipality.TotalSeconds:0.000} s (cpu {byMunicipalityCpu.TotalSeconds:0.000} s), " +
                $"by party {(watch.Elapsed - byMunicipality).TotalSeconds:0.000} s (cpu {(Cpu() - cpu - byMunicipalityCpu).TotalSeconds:0.000} s), " +
                $"active cases {report.Tables[0].Total.Total.Display}");
        }
    }

    // This process's processor time over all its threads: on a shared machine less noisy than the clock.
    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static async Task Generate(IDocumentStore store, int count, int seed)
    {
        var perWriter = count / 2;
        await Task.WhenAll(Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            var generator = new CaseGenerator(seed * 7919 + w, Today);
            var todo = w == 0 ? perWriter : count - perWriter;
            var random = new Random(seed * 31 + w);
            while (todo > 0)
            {
                await using var session = store.LightweightSession();
                var n = Math.Min(250, todo);
                for (var i = 0; i < n; i++)
                {
                    var (id, events) = generator.Next();
                    session.Events.StartStream<Finsam.Samordning.Api.Features.Cases.CaseFile>(id, WithSusData(events, random).Cast<object>().ToArray());
                }

                await session.SaveChangesAsync();
                todo -= n;
            }
        })));
    }

    // Start data when an insats starts, end data when it completes: as a förbund that registers everyone.
    private static IEnumerable<ICaseEvent> WithSusData(List<ICaseEvent> events, Random random)
    {
        var party = new Dictionary<Guid, PartyCode>();
        var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
        foreach (var e in events)
        {
            yield return e;
            switch (e)
            {
                case InterventionPlanned p:
                    party[p.InterventionId] = p.Party;
                    break;
                case InterventionStarted s:
                    yield return new ParticipantStartRecorded(s.CaseId, s.InterventionId, party[s.InterventionId], sex, "1282", EducationLevel.Primary,
                        SupportDuration.OneToTwoYears, new ParticipantSituation([IncomeSource.IncomeSupport], Occupation.None, 0), s.StartedOn);
                    break;
                case InterventionCompleted c:
                    yield return new ParticipantEndRecorded(c.CaseId, c.InterventionId, party[c.InterventionId], ParticipantEnd.Completed, null,
                        new ParticipantSituation([random.Next(3) == 0 ? IncomeSource.Wages : IncomeSource.IncomeSupport], (Occupation)random.Next(7), 50), c.CompletedOn);
                    break;
            }
        }
    }
}
