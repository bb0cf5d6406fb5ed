using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Finsam.Samordning.Api.Features.CaseWrites;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Stalls;
using Npgsql;
using Xunit.Abstractions;

namespace Finsam.Samordning.Api.Tests.Host;

/// <summary>
/// The deployment shape as real OS processes on the run's cluster: <c>migrate</c> as the owner
/// role, then two API replicas and one worker as the runtime role, the key store in a database of
/// its own. Concurrent writes with retries go through both replicas while thresholds change and
/// scans run; one replica is killed with SIGKILL mid-load.
/// </summary>
public sealed class ReplicasAndWorkerTests(ITestOutputHelper output)
{
    // Modest on purpose: the suite runs on a shared two-core machine, and what is tested (retries
    // across replicas, a kill mid-load, overlapping scans) needs overlap, not volume.
    private const int Writers = 4;
    private const int WritesPerWriter = 12;
    private const int BusyCases = 8;
    private const int QuietCases = 3;
    private const int KillAfterAcks = 24;
    private const int ChangeThresholdsAfterAcks = 12;

    [Fact]
    public async Task Two_api_replicas_and_a_worker_lose_and_double_no_write_and_raise_no_flag_twice_when_one_replica_is_killed()
    {
        var clock = Stopwatch.StartNew();
        var cluster = PostgresCluster.Instance;
        var data = $"mp_{Guid.NewGuid():N}";
        var keys = $"mpk_{Guid.NewGuid():N}";
        await cluster.CreateDatabaseAsync(data);
        await cluster.CreateDatabaseAsync(keys);

        // 1. The schema, as the owner role, by the service's own migrate command.
        using (var migrate = ServiceProcess.Start("migrate", ["migrate"], new()
               {
                   ["ConnectionStrings__Finsam"] = cluster.ConnectionString(data, PostgresCluster.OwnerRole),
                   ["ConnectionStrings__FinsamKeys"] = cluster.ConnectionString(keys, PostgresCluster.OwnerRole),
                   ["Finsam__Database__RuntimeRole"] = PostgresCluster.RuntimeRole,
               }))
        {
            Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(180)), "migrate did not finish: " + migrate.Output);
            Assert.True(migrate.ExitCode == 0, $"migrate exited {migrate.ExitCode}: {migrate.Output}");
        }

        output.WriteLine($"migrated at {clock.Elapsed}");

        // 2. Two replicas and a worker, as the runtime role.
        Dictionary<string, string> Runtime(string roles) => new()
        {
            ["ConnectionStrings__Finsam"] = cluster.ConnectionString(data, PostgresCluster.RuntimeRole),
            ["ConnectionStrings__FinsamKeys"] = cluster.ConnectionString(keys, PostgresCluster.RuntimeRole),
            ["Finsam__Roles"] = roles,
            // The scan every few seconds, so scans overlap the load; the worker polls its queue often.
            ["Finsam__Jobs__StallScanCron"] = "*/3 * * * * *",
            ["Finsam__Jobs__QueuePollInterval"] = "00:00:00.500",
        };
        using var api1 = ServiceProcess.StartApi("api1", Runtime("api"));
        using var api2 = ServiceProcess.StartApi("api2", Runtime("api"));
        using var worker = ServiceProcess.StartApi("worker", Runtime("worker"));
        await Task.WhenAll(api1.WaitReadyAsync(), api2.WaitReadyAsync(), worker.WaitReadyAsync());
        output.WriteLine($"ready at {clock.Elapsed}");

        var replicas = new[] { api1, api2 };
        using var soc = Client("handlaggare", "SOC", "soc-replicas");
        using var admin = Client("administrator", null, "admin-replicas");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd");
        var busy = new List<Guid>();
        var quiet = new List<Guid>();
        for (var i = 0; i < BusyCases + QuietCases; i++)
        {
            var opened = await soc.PostAsJsonAsync($"{replicas[i % 2].Url}/api/v1/cases", CaseWalk.Opening("SOC", "IFO", yesterday), Http.Json);
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            (i < BusyCases ? busy : quiet).Add(CaseWalk.CaseId(opened.Headers.Location!.OriginalString));
        }

        // Judged once with the design's thresholds: nothing holds yet, and no case is due again for two
        // weeks. Scanning and reading the rules on each replica also warms what the first use of a
        // document type costs (Marten generates its code then), so the load below meets warm replicas.
        foreach (var replica in replicas)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{replica.Url}/api/v1/admin/stall-scan", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{replica.Url}/api/v1/admin/stall-rules")).StatusCode);
        }

        // 3. The load: each writer logs contacts on the busy cases through both replicas, with an
        // Idempotency-Key and If-Match, retrying as a careful client does.
        var acks = new ConcurrentDictionary<string, Ack>();
        var killedAt = TimeSpan.MaxValue;
        var loadClock = Stopwatch.StartNew();
        var thresholdsChanged = 0;
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loadDone = new CancellationTokenSource();
        var scans = Task.Run(async () =>
        {
            // Scans run by hand on the surviving replica, beside the worker's: scanners overlap.
            while (!loadDone.IsCancellationRequested)
            {
                try
                {
                    await admin.PostAsync($"{api2.Url}/api/v1/admin/stall-scan", null);
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(1000);
            }
        });

        async Task AfterAck()
        {
            var count = acks.Count;
            if (count >= ChangeThresholdsAfterAcks && Interlocked.Exchange(ref thresholdsChanged, 1) == 0)
            {
                // Through the replica about to be killed; a failed attempt is repeated on the other (setting thresholds is idempotent).
                var rules = new[] { new { rule = StallRuleCodes.NoActiveIntervention, enabled = true, days = 0, count = 0 } };
                HttpResponseMessage change;
                try
                {
                    change = await admin.PutAsJsonAsync($"{api1.Url}/api/v1/admin/stall-rules", rules, Http.Json);
                }
                catch (HttpRequestException)
                {
                    change = await admin.PutAsJsonAsync($"{api2.Url}/api/v1/admin/stall-rules", rules, Http.Json);
                }

                Assert.Equal(HttpStatusCode.OK, change.StatusCode);
                output.WriteLine($"thresholds changed at {clock.Elapsed}");
                changed.TrySetResult();
            }

            if (count >= KillAfterAcks && !api1.Killed)
            {
                // Killed only once the change has been answered, so the order is the same in every
                // run: the change through the replica, then that replica dies with writes in flight.
                await changed.Task.WaitAsync(TimeSpan.FromSeconds(60));
                lock (api1)
                {
                    if (!api1.Killed)
                    {
                        api1.Kill();
                        killedAt = loadClock.Elapsed;
                        output.WriteLine($"api1 killed after {count} acknowledged writes at {clock.Elapsed}");
                    }
                }
            }
        }

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var n = 0; n < WritesPerWriter; n++)
            {
                var caseId = busy[random.Next(busy.Count)];
                var ack = await WriteWithRetries(soc, replicas, w, caseId, $"w{w}-n{n}", yesterday);
                Assert.True(acks.TryAdd(ack.Key, ack with { At = loadClock.Elapsed }), "one acknowledgement per logical write");
                await AfterAck();
            }
        })).ToList();
        await Task.WhenAll(writers);
        output.WriteLine($"load done at {clock.Elapsed}: {acks.Count} acknowledged, {acks.Values.Sum(a => a.Attempts)} attempts, " +
            $"{acks.Count(a => a.Value.At > killedAt)} after the kill");

        // 4. Let the scans run until the owed sweep has been honoured and every open case judged by
        // the new threshold (the quiet ones are not due by date: only the sweep reaches them).
        var deadline = Stopwatch.StartNew();
        long owed, flagged;
        do
        {
            await Task.Delay(250);
            owed = await Scalar(cluster, data, "select count(*) from finsam.mt_doc_stallsweeprequest");
            flagged = await Scalar(cluster, data,
                "select count(distinct stream_id) from finsam.mt_events where type = 'stall_flag_raised' and data ->> 'rule' = 'NoActiveIntervention'");
        }
        while ((owed > 0 || flagged < BusyCases + QuietCases) && deadline.Elapsed < TimeSpan.FromSeconds(45));
        await loadDone.CancelAsync();
        await scans;
        output.WriteLine($"scans settled at {clock.Elapsed}");

        // Every acknowledged write is stored once, and nothing else was stored.
        Assert.Equal(Writers * WritesPerWriter, acks.Count);
        var stored = await Strings(cluster, data, "select data ->> 'contactId' from finsam.mt_events where type = 'contact_logged'");
        Assert.Equal(acks.Count, stored.Count);
        Assert.Equal(acks.Values.Select(a => a.ContactId.ToString()).Order(), stored.Order());
        // The replica was killed mid-load, and the other kept serving.
        Assert.True(api1.Killed);
        Assert.True(acks.Count(a => a.Value.At > killedAt) >= Writers * WritesPerWriter - KillAfterAcks - Writers);
        Assert.Equal(HttpStatusCode.OK, (await new HttpClient().GetAsync($"{api2.Url}/health/ready")).StatusCode);
        // Writes were retried: every write of the writers that start on the killed replica failed there first.
        Assert.True(acks.Values.Sum(a => a.Attempts) > acks.Count);
        // The sweep ran: no sweep is owed, and the quiet cases, due by no date, were judged.
        Assert.Equal(0, owed);
        Assert.Equal(BusyCases + QuietCases, flagged);
        // The worker ran scan jobs (the prompted sweep, the recurring scan) beside the replica's scans.
        Assert.True(await Scalar(cluster, data,
            "select count(*) from hangfire.job where statename = 'Succeeded' and invocationdata::text like '%StallScanJob%'") >= 1);
        // No flag was raised twice: per case and rule, at most one more raise than clears.
        Assert.Equal(0, await Scalar(cluster, data, """
            select count(*) from (
              select stream_id, data ->> 'rule' as rule,
                     count(*) filter (where type = 'stall_flag_raised') as raised,
                     count(*) filter (where type = 'stall_flag_cleared') as cleared
              from finsam.mt_events where type in ('stall_flag_raised', 'stall_flag_cleared')
              group by stream_id, data ->> 'rule') x
            where raised > cleared + 1
            """));
        // The key store is its own database: every case's key is there (none names a registered person), none beside the data.
        Assert.Equal(BusyCases + QuietCases, await Scalar(cluster, keys, "select count(*) from finsam_keys.case_keys"));
        Assert.Equal(0, await Scalar(cluster, data, "select count(*) from information_schema.tables where table_schema = 'finsam_keys'"));
        output.WriteLine($"total {clock.Elapsed}");
    }

    /// <summary>One logical write: retried until acknowledged, on the other replica after a failure.</summary>
    private static async Task<Ack> WriteWithRetries(HttpClient client, ServiceProcess[] replicas, int writer, Guid caseId, string name, string day)
    {
        var replica = writer % replicas.Length;
        var key = Guid.NewGuid().ToString();
        string? ifMatch = null;
        for (var attempt = 1; attempt <= 60; attempt++)
        {
            var url = $"{replicas[replica].Url}/api/v1/cases/{caseId}";
            try
            {
                if (ifMatch is null)
                {
                    var read = await client.GetAsync(url);
                    if (read.StatusCode != HttpStatusCode.OK)
                    {
                        throw new HttpRequestException($"read {(int)read.StatusCode}");
                    }

                    ifMatch = read.Headers.ETag!.Tag;
                }

                var request = new HttpRequestMessage(HttpMethod.Post, $"{url}/contacts")
                {
                    Content = JsonContent.Create(new { kind = "Meeting", occurredOn = day, note = $"Samtal {name}" }, options: Http.Json),
                };
                request.Headers.Add("Idempotency-Key", key);
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                var response = await client.SendAsync(request);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        var result = await response.Read<CaseCommandResult>();
                        return new Ack(key, result.Id!.Value, attempt, TimeSpan.Zero);
                    case HttpStatusCode.PreconditionFailed:
                        // Not stored (a stored one would be replayed under its key): a new request
                        // on the version read now.
                        key = Guid.NewGuid().ToString();
                        ifMatch = null;
                        continue;
                    case >= HttpStatusCode.InternalServerError:
                        throw new HttpRequestException($"{(int)response.StatusCode}");
                    default:
                        Assert.Fail($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // Maybe stored, maybe not: the very same request (key and If-Match) on the other replica.
                replica = (replica + 1) % replicas.Length;
            }
        }

        throw new InvalidOperationException($"{name}: no acknowledgement after 60 attempts");
    }

    private static HttpClient Client(string role, string? party, string userId)
    {
        // Generous: a cold replica on a busy machine can be slow to answer its first requests; a killed
        // replica fails its requests at once (the kernel closes its sockets), so no timeout is needed to notice it.
        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var token = DevTokenFactory.Create(new AuthOptions { SigningKey = ApiFactory.SigningKey }, userId, $"Testperson {userId}", role, party,
            DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<long> Scalar(PostgresCluster cluster, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> Strings(PostgresCluster cluster, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private sealed record Ack(string Key, Guid ContactId, int Attempts, TimeSpan At);
}

/// <summary>The built service (<c>dotnet Finsam.Samordning.Api.dll</c>) as a child process, its output kept for failure messages.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(string name, Process process, string url)
    {
        Name = name;
        _process = process;
        Url = url;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>For messages.</summary>
    public string Name { get; }

    /// <summary>Where it listens.</summary>
    public string Url { get; }

    /// <summary>Whether this test killed it.</summary>
    public bool Killed { get; private set; }

    /// <summary>Its exit code.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines it wrote.</summary>
    public string Output => $"[{Name}] " + string.Join('\n', _output);

    /// <summary>Starts the service with <paramref name="args"/> and the test keys; <paramref name="environment"/> adds to them.</summary>
    public static ServiceProcess Start(string name, IReadOnlyList<string> args, Dictionary<string, string> environment, int port = 0)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var dll = BuiltApi();
        info.WorkingDirectory = Path.GetDirectoryName(dll)!;
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["Finsam__Auth__SigningKey"] = ApiFactory.SigningKey;
        info.Environment["Finsam__Crypto__KeyEncryptionKey"] = Convert.ToBase64String("tests-key-encryption-key-32bytes"u8.ToArray());
        info.Environment["Finsam__Crypto__LookupKey"] = Convert.ToBase64String("tests-lookup-hmac-key-32-bytes!!"u8.ToArray());
        info.Environment["Finsam__LogFormat"] = "text";
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new ServiceProcess(name, Process.Start(info)!, $"http://127.0.0.1:{port}");
    }

    /// <summary>Starts a service process listening on a free port.</summary>
    public static ServiceProcess StartApi(string name, Dictionary<string, string> environment)
    {
        var port = FreePort();
        return Start(name, ["--urls", $"http://127.0.0.1:{port}"], environment, port);
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 (a start-up deadline, not a time rule).</summary>
    public async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}: {Output}");
            }

            try
            {
                if ((await http.GetAsync($"{Url}/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"{Name} was not ready within 180 s: {Output}");
    }

    /// <summary>Waits for the process to exit.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, connections dropped mid-transaction.</summary>
    public void Kill()
    {
        Killed = true;
        _process.Kill(entireProcessTree: false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 60)
        {
            _output.TryDequeue(out _);
        }
    }

    // The service as built beside this test run (same configuration), e.g. src/…/bin/Release/net10.0.
    private static string BuiltApi()
    {
        var root = AppContext.BaseDirectory;
        var configuration = Path.GetFileName(Path.GetDirectoryName(root.TrimEnd('/'))!);
        while (!File.Exists(Path.Combine(root, "Finsam.Samordning.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("Finsam.Samordning.sln not found above the test run.");
        }

        var dll = Path.Combine(root, "src", "Finsam.Samordning.Api", "bin", configuration, "net10.0", "Finsam.Samordning.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The built service is not at {dll}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
