using System.Diagnostics;
using Finsam.Samordning.Api.Features.Stalls;
using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Persistence;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Finsam.Samordning.Benchmarks;

/// <summary>
/// Generates realistic cases into a private database and times the stall scan: a full sweep, and
/// an incremental scan with a share of the cases due, at growing store sizes.
/// </summary>
public static class StallScanBenchmark
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private const int FixedDue = 1_000;

    /// <summary>Runs the benchmark for each cumulative size in <paramref name="sizes"/>.</summary>
    /// <param name="sizes">Cumulative store sizes.</param>
    /// <param name="duePercent">Share of the store due in the incremental scan.</param>
    /// <param name="reuse">A database an earlier run generated (its connection string): its cases are scanned as they are, nothing is generated.
    /// An empty one is generated into, and kept.</param>
    /// <param name="generateOnly">Only generate (into <paramref name="reuse"/>), then stop: a template to copy for repeated scans.</param>
    public static async Task RunAsync(IReadOnlyList<int> sizes, double duePercent, string? reuse = null, bool generateOnly = false)
    {
        var connection = reuse ?? await PostgresCluster.Instance.CreateDatabaseAsync($"bench_stall_{Guid.NewGuid():N}");
        var options = new StoreOptions();
        PersistenceSetup.Configure(options, connection, development: false, Finsam.Samordning.Api.Features.FeaturesSetup.ConfigureDocuments);
        await using var store = new DocumentStore(options);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var time = new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(2)));
        var calendar = new BusinessCalendar(time, Options.Create(new FinsamOptions()));
        var scanner = new StallScanner(store, new StallSettingsStore(store, new ConfigurationBuilder().Build()), calendar, NullLogger<StallScanner>.Instance,
            new Finsam.Samordning.Api.Features.Inbox.NoticeWriter(new Finsam.Samordning.Api.Features.Secrecy.CaseSecrecy(calendar), calendar));
        var ids = new List<Guid>();
        if (reuse is not null)
        {
            await using var session = store.QuerySession();
            ids.AddRange(await session.QueryAsync<Guid>($"select id from {PersistenceSetup.Schema}.mt_streams order by id"));
            sizes = ids.Count == 0 ? sizes : [ids.Count];
        }

        var rows = new List<string[]>();
        Console.WriteLine($"Stall scan benchmark: today {Today:yyyy-MM-dd}, {duePercent}% due in the incremental scan, {Environment.ProcessorCount} cores");

        foreach (var size in sizes)
        {
            var generate = Stopwatch.StartNew();
            var added = await Generate(store, size - ids.Count, seed: ids.Count + 1, ids);
            generate.Stop();
            Console.WriteLine($"  generated {added:N0} cases ({ids.Count:N0} in store) in {generate.Elapsed.TotalSeconds:0.0} s ({added / generate.Elapsed.TotalSeconds:N0} cases/s)");
            if (generateOnly)
            {
                continue;
            }

            // Fresh statistics, as a production table would have: the due query must use its index.
            await using (var session = store.LightweightSession())
            {
                session.QueueSqlCommand($"analyze {PersistenceSetup.Schema}.mt_doc_casefile");
                await session.SaveChangesAsync();
            }

            await using (var session = store.QuerySession())
            {
                // The size of what a flag rewrites: the whole case file, as stored (compressed) and as JSON,
                // over a 1 % sample (over a million files the whole table's JSON outran the command timeout).
                var stored = await session.QueryAsync<string>(
                    $"select round(avg(pg_column_size(data))) || ' B stored, ' || round(avg(length(data::text))) || ' B of JSON' from {PersistenceSetup.Schema}.mt_doc_casefile tablesample system (1)");
                Console.WriteLine($"  case file: {stored[0]} on average");
                // What the JSON is made of: each part is rewritten with the whole file on every write.
                var parts = await session.QueryAsync<string>(
                    "select string_agg(k || ' ' || round(l) || ' B', ', ' order by l desc) from (select k, avg(length((data -> k)::text)) as l " +
                    $"from {PersistenceSetup.Schema}.mt_doc_casefile tablesample system (1), jsonb_object_keys(data) as k group by k) as p");
                Console.WriteLine($"  case file parts (JSON): {parts[0]}");
            }

            // After generation every case is due (something happened to all of them): the full
            // sweep judges them and writes back when each needs attention next.
            var full = await scanner.RunAsync(fullSweep: true, CancellationToken.None);
            var idle = await scanner.RunAsync(fullSweep: false, CancellationToken.None);

            // The same 1,000 due cases at every size: the scan's cost must not follow the store's.
            await Touch(store, ids, FixedDue, seed: size);
            var fixedDue = await scanner.RunAsync(fullSweep: false, CancellationToken.None);

            var dueCount = (int)(ids.Count * duePercent / 100);
            await Touch(store, ids, dueCount, seed: size + 1);
            var share = await scanner.RunAsync(fullSweep: false, CancellationToken.None);
            Console.WriteLine($"  full: read {full.ReadMs} ms, rules {full.RulesMs} ms, write {full.WriteMs} ms, raised {full.Raised}, cleared {full.Cleared}, notified {full.Notified}; {duePercent}% due: read {share.ReadMs} ms, rules {share.RulesMs} ms, write {share.WriteMs} ms");
            rows.Add(
            [
                ids.Count.ToString("N0"), $"{generate.Elapsed.TotalSeconds:0}",
                full.CasesExamined.ToString("N0"), $"{full.DurationMs / 1000.0:0}", $"{full.CasesExamined / Math.Max(0.001, full.DurationMs / 1000.0):N0}",
                $"{idle.DurationMs / 1000.0:0.000}",
                $"{fixedDue.CasesExamined:N0} in {fixedDue.DurationMs / 1000.0:0.000}",
                $"{share.CasesExamined:N0} in {share.DurationMs / 1000.0:0.000}", $"{share.CasesExamined / Math.Max(0.001, share.DurationMs / 1000.0):N0}",
                $"{share.Raised}/{share.Cleared}",
            ]);
        }

        Console.WriteLine();
        Print(["cases in store", "generate s", "full sweep: cases", "full s", "full cases/s", "nothing due s", "1,000 due: cases in s", $"{duePercent}% due: cases in s", $"{duePercent}% due cases/s", "raised/cleared"], rows);
    }

    private static async Task<int> Generate(IDocumentStore store, int count, int seed, List<Guid> ids)
    {
        if (count <= 0)
        {
            return 0;
        }

        // Two writers on two cores, 250 cases a transaction, through the same inline projections the API uses.
        var perWriter = count / 2;
        var tasks = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            var generator = new CaseGenerator(seed * 7919 + w, Today);
            var mine = new List<Guid>();
            var todo = w == 0 ? perWriter : count - perWriter;
            while (todo > 0)
            {
                await using var session = store.LightweightSession();
                var n = Math.Min(250, todo);
                for (var i = 0; i < n; i++)
                {
                    var (id, events) = generator.Next();
                    session.Events.StartStream<Finsam.Samordning.Api.Features.Cases.CaseFile>(id, events.Cast<object>().ToArray());
                    mine.Add(id);
                }

                await session.SaveChangesAsync();
                todo -= n;
            }

            return mine;
        })).ToList();
        foreach (var result in await Task.WhenAll(tasks))
        {
            ids.AddRange(result);
        }

        return count;
    }

    // A contact logged on some cases: each becomes due, as after a handläggare's work.
    private static async Task Touch(IDocumentStore store, List<Guid> ids, int count, int seed)
    {
        var random = new Random(seed);
        foreach (var chunk in ids.OrderBy(_ => random.Next()).Take(count).Chunk(250))
        {
            await using var session = store.LightweightSession();
            foreach (var id in chunk)
            {
                session.Events.Append(id, new ContactLogged(id, Guid.CreateVersion7(), PartyCode.SOC, ContactKind.Phone, false, null, Today));
            }

            await session.SaveChangesAsync();
        }
    }

    private static void Print(string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        Console.WriteLine("| " + string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))) + " |");
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row.Select((c, i) => c.PadLeft(widths[i]))) + " |");
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
