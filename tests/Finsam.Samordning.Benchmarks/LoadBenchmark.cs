using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Infrastructure.Persistence;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Marten;
using Npgsql;

namespace Finsam.Samordning.Benchmarks;

/// <summary>
/// Drives the real API over HTTP and compares it with what its PostgreSQL can do, in one run:
/// pgbench -N and -S as the ceilings, then one-event commands, case openings, overview reads on a
/// store of seeded cases, and one hot case under If-Match; then checks that no accepted command
/// was lost or doubled.
/// </summary>
public static partial class LoadBenchmark
{
    private const string SigningKey = "benchmark-signing-key-0123456789abcdef";
    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Runs everything and prints the table.</summary>
    public static async Task RunAsync(int seconds, int seedCases, int clients, int warmUp = 90)
    {
        var total = Stopwatch.StartNew();
        var cluster = PostgresCluster.Start(durable: true);
        Console.WriteLine($"PostgreSQL {cluster.Port} (durable settings), {Environment.ProcessorCount} cores, {clients} clients, {seconds} s per phase");

        // 1. The database's own ceilings.
        var pgbenchDb = await cluster.CreateDatabaseAsync("pgbench");
        _ = pgbenchDb;
        Pgbench(cluster, "-i", "-q", "-s", "10", "pgbench");
        var writeTps = Tps(Pgbench(cluster, "-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture), "pgbench"));
        var readTps = Tps(Pgbench(cluster, "-S", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture), "pgbench"));
        Console.WriteLine($"  pgbench -N {writeTps:N0} tps, -S {readTps:N0} tps");

        // 2. Seed the store the API will serve (directly, through the same inline projections).
        var connection = await cluster.CreateDatabaseAsync("finsam_bench");
        var seeded = await Seed(connection, seedCases);
        await Sql(connection, "create extension if not exists pg_stat_statements; select pg_stat_statements_reset();");

        // 3. The API, Release build, api role only, as its own process.
        using var api = StartApi(connection);
        var baseUrl = api.Url;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        await WaitReady(http);

        var tokens = Enumerable.Range(0, clients).Select(i => DevTokenFactory.Create(
            new AuthOptions { SigningKey = SigningKey }, $"bench-{i}", $"Bench {i}", "handlaggare", "AF", DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromHours(2))).ToArray();
        // Overview reads are by the party that opened the case: any other party is not related to it and gets a 404.
        var readTokens = Enum.GetValues<PartyCode>().ToDictionary(p => p, p => DevTokenFactory.Create(
            new AuthOptions { SigningKey = SigningKey }, $"bench-read-{p}", $"Bench {p}", "handlaggare", p.ToString(), DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromHours(2)));

        // Warm-up, not measured: every kind of request the phases send, long enough for the JIT's
        // tiering to settle (profiled: with 3 s of openings only, a third of the API's CPU in the
        // contacts phase still went to the tiered compiler; with 10 s of each kind, the openings right
        // after it still ran profiling-instrumented code at nearly twice the CPU they settle at, so each
        // kind runs a third of 90 s). A service runs for days; the phases
        // measure it warm, and the warm-up's commands are checked for loss like any other.
        var accepted = new ConcurrentDictionary<Guid, int>();
        var warmCases = new ConcurrentBag<(int Client, Guid Id, long Version)>();
        await Phase(clients, warmUp / 3, async (c, _) =>
        {
            var (id, version) = await Open(http, tokens[c]);
            warmCases.Add((c, id, version));
            accepted.TryAdd(id, 0);
            return true;
        });
        var warmMine = warmCases.GroupBy(o => o.Client).ToDictionary(g => g.Key, g => g.Select(o => o.Id).ToArray());
        var warmVersions = new ConcurrentDictionary<Guid, long>(warmCases.Select(o => KeyValuePair.Create(o.Id, o.Version)));
        await Phase(clients, warmUp / 3, (c, n) => LogContact(http, tokens[c], warmMine[c][n % warmMine[c].Length], warmVersions, accepted));
        await Phase(clients, warmUp / 3, async (c, _) =>
        {
            var (id, opener) = seeded[Random.Shared.Next(seeded.Count)];
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}/overview");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readTokens[opener]);
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK;
        });

        api.Progress("warm-up");

        // (b) case openings.
        var opened = new ConcurrentBag<(int Client, Guid Id, long Version)>();
        var cpu = new CpuMeter(api, cluster.Port);
        var cpuBefore = cpu.Read();
        var open = await Phase(clients, seconds / 2, async (c, _) =>
        {
            var (id, version) = await Open(http, tokens[c]);
            opened.Add((c, id, version));
            accepted.TryAdd(id, 0);
            return true;
        });
        var openCpu = cpu.PerRequest(cpuBefore, open, seconds / 2);
        api.Progress("openings");

        // (a) one-event commands: a contact on the client's own cases, with If-Match and Idempotency-Key.
        var mine = opened.GroupBy(o => o.Client).ToDictionary(g => g.Key, g => g.Select(o => (o.Id, Version: o.Version)).ToArray());
        var versions = new ConcurrentDictionary<Guid, long>(opened.Select(o => KeyValuePair.Create(o.Id, o.Version)));
        cpuBefore = cpu.Read();
        var contacts = await Phase(clients, seconds, (c, n) => LogContact(http, tokens[c], mine[c][n % mine[c].Length].Id, versions, accepted));
        var contactsCpu = cpu.PerRequest(cpuBefore, contacts, seconds);
        api.Progress("contacts");

        // (a2) the same command on seeded cases, whose case files carry a history (about 8 kB of
        // JSON, where (a)'s freshly opened cases have 2 kB): what a caseworker's cases cost. Each
        // client writes to open seeded cases of its own, as the party that opened them (still on them).
        var writable = await Writable(connection, seeded);
        var slices = writable.Select((w, i) => (w, i)).GroupBy(x => x.i % clients).ToDictionary(g => g.Key, g => g.Select(x => x.w).ToArray());
        var seededVersions = new ConcurrentDictionary<Guid, long>(writable.Select(w => KeyValuePair.Create(w.Id, w.Version)));
        var seededAccepted = new ConcurrentDictionary<Guid, int>();
        cpuBefore = cpu.Read();
        var rich = await Phase(clients, seconds, (c, n) =>
        {
            var (id, opener, _, _) = slices[c][n % slices[c].Length];
            return LogContact(http, readTokens[opener], id, seededVersions, seededAccepted);
        });
        var richCpu = cpu.PerRequest(cpuBefore, rich, seconds);
        api.Progress("contacts on seeded cases");

        // (c) overview reads, random cases from the seeded store.
        var random = new ThreadLocal<Random>(() => new Random(Environment.CurrentManagedThreadId));
        cpuBefore = cpu.Read();
        var reads = await Phase(clients, seconds, async (c, _) =>
        {
            var (id, opener) = seeded[random.Value!.Next(seeded.Count)];
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}/overview");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readTokens[opener]);
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK;
        });
        var readsCpu = cpu.PerRequest(cpuBefore, reads, seconds);
        api.Progress("overview reads");

        // (d) one hot case, all clients, If-Match; a 412 means read the ETag again and retry.
        var (hot, hotVersion) = await Open(http, tokens[0]);
        accepted.TryAdd(hot, 0);
        var preconditionFailed = 0;
        var retries = 0;
        cpuBefore = cpu.Read();
        var hotPhase = await Phase(clients, seconds / 2, async (c, _) =>
        {
            var version = hotVersion;
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var response = await Send(http, HttpMethod.Post, $"/api/v1/cases/{hot}/contacts", tokens[c],
                    new { kind = "Meeting", occurredOn = Today(), noShow = false }, version);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    accepted.AddOrUpdate(hot, 1, (_, v) => v + 1);
                    Interlocked.Exchange(ref hotVersion, long.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture));
                    return true;
                }

                if (response.StatusCode != HttpStatusCode.PreconditionFailed)
                {
                    return false;
                }

                Interlocked.Increment(ref preconditionFailed);
                Interlocked.Increment(ref retries);
                version = await CurrentVersion(http, tokens[c], hot);
            }

            return false;
        });
        var hotPhaseCpu = cpu.PerRequest(cpuBefore, hotPhase, seconds / 2);
        api.Progress("hot case");

        var rss = api.PeakRssMb();
        var rssNow = api.RssNow();

        // Correctness: every case's events = 2 from opening + each accepted command, none lost or doubled.
        var mismatches = await CheckEventCounts(connection, accepted) + await CheckStreamVersions(connection, writable, seededAccepted);
        var statements = await TopStatements(connection);

        // (e), (f): what the store does without the API, once the API has stopped (after the check,
        // since (e) appends to seeded cases).
        api.Dispose();
        var (floorTps, floorCpu) = StoreFloor.ContactStatements(cluster, "finsam_bench", [.. seeded.Select(s => s.Id)], clients, seconds, Pgbench);
        Console.WriteLine($"  (e) a contact's statements, pgbench: {floorTps:N0} tps");
        var (appendRate, appendClientCpu, appendCpu) = await StoreFloor.MartenAppend(cluster, clients, seconds);
        Console.WriteLine($"  (f) Marten alone, read version and append one event: {appendRate:N0} /s");

        Console.WriteLine();
        var rows = new List<string[]>
        {
            Row("pgbench -N (simple updates)", $"{writeTps:N0} tps", "", "", "", "1.00", ""),
            Row("pgbench -S (selects)", $"{readTps:N0} tps", "", "", "", "1.00", ""),
            Row("(a) POST contacts, own cases, If-Match", $"{contacts.PerSecond:N0} /s", P(contacts, 50), P(contacts, 95), P(contacts, 99), $"{contacts.PerSecond / writeTps:0.00} of -N", contactsCpu),
            Row("(a2) POST contacts, seeded cases (8 kB file)", $"{rich.PerSecond:N0} /s", P(rich, 50), P(rich, 95), P(rich, 99), $"{rich.PerSecond / writeTps:0.00} of -N", richCpu),
            Row("(b) POST cases (open)", $"{open.PerSecond:N0} /s", P(open, 50), P(open, 95), P(open, 99), $"{open.PerSecond / writeTps:0.00} of -N", openCpu),
            Row($"(c) GET overview, {seedCases:N0} cases stored", $"{reads.PerSecond:N0} /s", P(reads, 50), P(reads, 95), P(reads, 99), $"{reads.PerSecond / readTps:0.00} of -S", readsCpu),
            Row("(d) hot case, If-Match, 412 → reread → retry", $"{hotPhase.PerSecond:N0} /s", P(hotPhase, 50), P(hotPhase, 95), P(hotPhase, 99), $"{preconditionFailed:N0} × 412, {retries:N0} retries", hotPhaseCpu),
            Row("(e) a contact's statements alone, pgbench, no API", $"{floorTps:N0} tps", "", "", "", $"{floorTps / writeTps:0.00} of -N", $"- / {floorCpu:0.00}"),
            Row("(f) Marten alone: read version, append 1 event", $"{appendRate:N0} /s", "", "", "", $"{appendRate / writeTps:0.00} of -N", $"{appendClientCpu:0.00} / {appendCpu:0.00}"),
        };
        Print(["phase", "throughput", "p50 ms", "p95 ms", "p99 ms", "ratio", "CPU ms/request API / PostgreSQL"], rows);
        Console.WriteLine();
        Console.WriteLine($"Failed requests: (a) {contacts.Failed}, (a2) {rich.Failed}, (b) {open.Failed}, (c) {reads.Failed}, (d) {hotPhase.Failed}");
        Console.WriteLine($"Peak RSS of the API process: {rss:N0} MB (at the end: {rssNow})");
        Console.WriteLine($"Correctness: {accepted.Count + writable.Count:N0} cases checked, {accepted.Values.Sum() + seededAccepted.Values.Sum():N0} accepted commands, {mismatches} with a lost or doubled event");
        Console.WriteLine();
        Console.WriteLine("Where the database's time went during the API phases (pg_stat_statements, top 8 by total time):");
        foreach (var line in statements)
        {
            Console.WriteLine("  " + line);
        }

        Console.WriteLine($"Total wall time: {total.Elapsed.TotalMinutes:0.0} min");
        if (mismatches > 0)
        {
            Environment.ExitCode = 1;
        }
    }

    private static string Today() => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(Guid Id, long Version)> Open(HttpClient http, string token)
    {
        var response = await Send(http, HttpMethod.Post, "/api/v1/cases", token, new
        {
            municipalityCode = "1282", targetGroups = new[] { "Uvas" }, openingParty = "AF", openingUnit = "AF Landskrona", openedOn = Today(),
        }, null);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"open case: {(int)response.StatusCode}");
        }

        return (Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]), long.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture));
    }

    // One contact with If-Match on the version last seen; an accepted one moves the version on and is counted.
    private static async Task<bool> LogContact(HttpClient http, string token, Guid id, ConcurrentDictionary<Guid, long> versions, ConcurrentDictionary<Guid, int> accepted)
    {
        var response = await Send(http, HttpMethod.Post, $"/api/v1/cases/{id}/contacts", token,
            new { kind = "Phone", occurredOn = Today(), noShow = false }, versions[id]);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        versions[id] = long.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);
        accepted.AddOrUpdate(id, 1, (_, v) => v + 1);
        return true;
    }

    private static async Task<long> CurrentVersion(HttpClient http, string token, Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return long.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string url, string token, object body, long? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        if (ifMatch is { } v)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        }

        var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response;
    }

    private sealed record PhaseResult(double PerSecond, long[] LatenciesTicks, int Failed);

    private static async Task<PhaseResult> Phase(int clients, int seconds, Func<int, int, Task<bool>> work)
    {
        var latencies = new ConcurrentBag<long>();
        var failed = 0;
        var done = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var n = 0; Stopwatch.GetTimestamp() < deadline; n++)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await work(c, n);
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    ok = false;
                }

                latencies.Add(Stopwatch.GetTimestamp() - start);
                if (ok)
                {
                    Interlocked.Increment(ref done);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        return new PhaseResult(done / clock.Elapsed.TotalSeconds, [.. latencies.Order()], failed);
    }

    private static string P(PhaseResult r, int percentile) => r.LatenciesTicks.Length == 0 ? "" :
        $"{r.LatenciesTicks[Math.Min(r.LatenciesTicks.Length - 1, (int)(r.LatenciesTicks.Length * percentile / 100.0))] * 1000.0 / Stopwatch.Frequency:0.0}";

    private static string[] Row(params string[] cells) => cells;

    private static void Print(string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        Console.WriteLine("| " + string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))) + " |");
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))) + " |");
        }
    }

    internal static string Pgbench(PostgresCluster cluster, params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(cluster.BinDirectory, "pgbench")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-h", "127.0.0.1", "-p", cluster.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres" }.Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pgbench {string.Join(' ', args)}: {error.Result}");
        }

        return output.Result;
    }

    internal static double Tps(string output) =>
        double.Parse(TpsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();

    private static async Task<List<(Guid Id, PartyCode Opener)>> Seed(string connection, int count)
    {
        var clock = Stopwatch.StartNew();
        var options = new StoreOptions();
        PersistenceSetup.Configure(options, connection, development: false, Finsam.Samordning.Api.Features.FeaturesSetup.ConfigureDocuments);
        await using var store = new DocumentStore(options);
        // Every schema, as a deployment's migrate step applies it (the API process changes none).
        await Finsam.Samordning.Api.Infrastructure.Schema.SchemaMigrator.MigrateAsync(connection, connection, runtimeRole: null,
            Finsam.Samordning.Api.Features.FeaturesSetup.ConfigureDocuments, _ => { }, CancellationToken.None);
        var ids = new ConcurrentBag<(Guid, PartyCode)>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            var generator = new CaseGenerator(w + 1, today);
            for (var done = 0; done < count / 2;)
            {
                await using var session = store.LightweightSession();
                var n = Math.Min(250, count / 2 - done);
                for (var i = 0; i < n; i++)
                {
                    var (id, events) = generator.Next();
                    session.Events.StartStream<Finsam.Samordning.Api.Features.Cases.CaseFile>(id, events.Cast<object>().ToArray());
                    ids.Add((id, ((CaseOpened)events[0]).OpeningParty));
                }

                await session.SaveChangesAsync();
                done += n;
            }
        })));
        Console.WriteLine($"  seeded {ids.Count:N0} cases in {clock.Elapsed.TotalSeconds:0} s");
        return [.. ids];
    }

    private static async Task Sql(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TopStatements(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select calls, total_exec_time, mean_exec_time, regexp_replace(left(query, 90), '[[:space:]]+', ' ', 'g') from pg_stat_statements " +
            "where dbid = (select oid from pg_database where datname = current_database()) order by total_exec_time desc limit 8", db);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add($"{reader.GetDouble(1) / 1000,7:0.0} s {reader.GetInt64(0),8:N0} calls {reader.GetDouble(2),6:0.00} ms  {reader.GetString(3)}");
        }

        return lines;
    }

    private static async Task<int> CheckEventCounts(string connection, ConcurrentDictionary<Guid, int> accepted)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select stream_id, count(*) from finsam.mt_events where stream_id = any(@ids) and type in ('case_opened', 'party_joined', 'contact_logged') group by stream_id", db);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. accepted.Keys]));
        var counts = new Dictionary<Guid, long>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                counts[reader.GetGuid(0)] = reader.GetInt64(1);
            }
        }

        return accepted.Count(a => counts.GetValueOrDefault(a.Key) != 2 + a.Value);
    }

    // Seeded cases that are open with their opener still on them, with the case file's version (the
    // ETag) and the stream's (flags included, for the check afterwards).
    private static async Task<List<(Guid Id, PartyCode Opener, long Version, long StreamVersion)>> Writable(string connection, List<(Guid Id, PartyCode Opener)> seeded)
    {
        var opener = seeded.ToDictionary(s => s.Id, s => s.Opener);
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select f.id, f.mt_version, s.version, f.data -> 'parties' from finsam.mt_doc_casefile as f join finsam.mt_streams as s on s.id = f.id " +
            "where f.id = any(@ids) and f.data -> 'overview' ->> 'status' = 'Open'", db);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. opener.Keys]));
        var result = new List<(Guid, PartyCode, long, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            var parties = JsonSerializer.Deserialize<string[]>(reader.GetString(3))!;
            if (parties.Contains(opener[id].ToString()))
            {
                result.Add((id, opener[id], Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetInt64(2)));
            }
        }

        return result;
    }

    // Every seeded case written to: its stream grew by exactly its accepted commands.
    private static async Task<int> CheckStreamVersions(string connection, List<(Guid Id, PartyCode Opener, long Version, long StreamVersion)> cases,
        ConcurrentDictionary<Guid, int> accepted)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("select id, version from finsam.mt_streams where id = any(@ids)", db);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. cases.Select(c => c.Id)]));
        var now = new Dictionary<Guid, long>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                now[reader.GetGuid(0)] = reader.GetInt64(1);
            }
        }

        return cases.Count(c => now.GetValueOrDefault(c.Id) != c.StreamVersion + accepted.GetValueOrDefault(c.Id));
    }

    private static async Task WaitReady(HttpClient http)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException("The API did not become ready.");
    }

    private static ApiProcess StartApi(string connection)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Finsam.Samordning.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        }

        var dll = Path.Combine(root, "src", "Finsam.Samordning.Api", "bin", "Release", "net10.0", "Finsam.Samordning.Api.dll");
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        // "Testing": production behaviour (JSON logs, no development keys) but local tokens and
        // no rate limit, which would measure the limiter instead of the API (appsettings.Testing.json).
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["ConnectionStrings__Finsam"] = connection + ";Maximum Pool Size=60";
        info.Environment["Finsam__Roles"] = "api";
        info.Environment["Finsam__Auth__SigningKey"] = SigningKey;
        info.Environment["Finsam__Crypto__KeyEncryptionKey"] = Convert.ToBase64String("benchmark-key-encryption-key-32b"u8.ToArray());
        info.Environment["Finsam__Crypto__LookupKey"] = Convert.ToBase64String("benchmark-lookup-hmac-key-32byte"u8.ToArray());
        // Request logging at Information would measure the console, not the API.
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ApiProcess(process, $"http://127.0.0.1:{port}");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// CPU time spent by the API process and by the cluster's PostgreSQL processes (postmaster and
    /// its children), read from /proc. Per request it is a figure the machine's other load does not
    /// move much, unlike throughput on 2 shared cores.
    /// </summary>
    private sealed class CpuMeter(ApiProcess api, int pgPort)
    {
        public (TimeSpan Api, TimeSpan Postgres) Read() => (api.CpuTime(), PostgresCpu(pgPort));

        public string PerRequest((TimeSpan Api, TimeSpan Postgres) before, PhaseResult phase, double seconds)
        {
            var (apiNow, pgNow) = Read();
            var requests = Math.Max(1, phase.PerSecond * seconds);
            return $"{(apiNow - before.Api).TotalMilliseconds / requests:0.00} / {(pgNow - before.Postgres).TotalMilliseconds / requests:0.00}";
        }
    }

    /// <summary>CPU time of the cluster's PostgreSQL processes (postmaster and its children) so far, from /proc.</summary>
    internal static TimeSpan PostgresCpu(int pgPort)
    {
        var postmaster = -1;
        var reaped = 0L;
        var stats = new List<(int Pid, int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the command's closing parenthesis: state ppid ... utime(14) stime(15)
                // cutime(16) cstime(17), the last two of children that ended and were waited for.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                stats.Add((pid, int.Parse(fields[1], CultureInfo.InvariantCulture),
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)));
                var p = Array.IndexOf(cmdline, "-p");
                if (cmdline[0].EndsWith("/postgres", StringComparison.Ordinal) && p >= 0 && p + 1 < cmdline.Length && cmdline[p + 1] == pgPort.ToString(CultureInfo.InvariantCulture))
                {
                    postmaster = pid;
                    reaped = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while it was read.
            }
        }

        // The postmaster's children's time counts the backends that have already exited (pgbench's).
        var ticks = stats.Where(s => s.Pid == postmaster || s.Parent == postmaster).Sum(s => s.Ticks) + reaped;
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ on Linux
    }

    private sealed class ApiProcess(Process process, string url) : IDisposable
    {
        public string Url { get; } = url;

        public TimeSpan CpuTime()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }

        /// <summary>The resident set now, split into anonymous memory (heaps, JIT code) and mapped files (assemblies).</summary>
        public string RssNow()
        {
            var status = File.ReadAllLines($"/proc/{process.Id}/status");
            string Mb(string key) => status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
                ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024:N0} MB" : "?";
            return $"anonymous {Mb("RssAnon:")}, files {Mb("RssFile:")}";
        }

        /// <summary>Prints the memory after a phase, to see which phase sets the peak.</summary>
        public void Progress(string phase) => Console.WriteLine($"  after {phase}: peak RSS {PeakRssMb():N0} MB, now {RssNow()}");

        public long PeakRssMb()
        {
            var status = File.ReadAllLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return status is null ? 0 : long.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }

        public void Dispose()
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        Api.Infrastructure.Errors.ErrorsSetup.ConfigureJson(options);
        return options;
    }
}
