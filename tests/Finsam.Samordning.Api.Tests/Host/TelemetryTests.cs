using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Finsam.Samordning.Api.Infrastructure.Observability;
using Hangfire;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Finsam.Samordning.Api.Tests.Host;

/// <summary>An OTLP/HTTP collector stand-in: Kestrel on a free port keeping every export's body.</summary>
public sealed class FakeCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeCollector(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public string Address { get; }

    /// <summary>Bodies received, by path.</summary>
    public ConcurrentQueue<(string Path, byte[] Body)> Received { get; } = new();

    /// <summary>Starts the collector.</summary>
    public static async Task<FakeCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeCollector? self = null;
        app.Run(async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            self!.Received.Enqueue((http.Request.Path, body.ToArray()));
            http.Response.ContentType = "application/x-protobuf";
            http.Response.StatusCode = 200;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeCollector(app, address.TrimEnd('/') + "/");
        return self;
    }

    /// <summary>Whether any body sent to <paramref name="path"/> contains <paramref name="text"/>.</summary>
    public bool Saw(string path, string text) =>
        Received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The API exporting to <see cref="FakeCollector"/> over OTLP/HTTP.</summary>
public sealed class TelemetryApiFactory : ApiFactory
{
    /// <summary>The collector.</summary>
    public FakeCollector Collector { get; private set; } = null!;

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        Collector = await FakeCollector.StartAsync();
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Finsam:Telemetry:OtlpEndpoint", Collector.Address);
        builder.UseSetting("Finsam:Telemetry:OtlpProtocol", "http/protobuf");
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Collector.DisposeAsync();
    }
}

/// <summary>Traces and metrics (requests, SQL, commands, the stall scan) reach an OTLP collector.</summary>
public sealed class TelemetryTests(TelemetryApiFactory api) : IClassFixture<TelemetryApiFactory>
{
    [Fact]
    public async Task Requests_sql_commands_and_the_scan_are_exported_over_otlp()
    {
        var measured = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FinsamTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, _, _) => measured.Add(instrument.Name));
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => measured.Add(instrument.Name));
        listener.Start();

        var soc = api.ClientFor("handlaggare", "SOC");
        await soc.OpenCase("SOC", "Ekonomiskt bistånd");
        var scan = await api.ClientFor("administrator", null).PostAsync("/api/v1/admin/stall-scan", null);
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);

        // Export now instead of waiting for the batch and metric intervals.
        Assert.True(api.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(api.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        Assert.Contains("finsam.commands", measured);
        Assert.Contains("finsam.stall_scan.duration", measured);
        Assert.Contains("finsam.stall_flags.raised", measured);
        Assert.True(api.Collector.Saw("/v1/traces", "/api/v1/cases"), "no ASP.NET Core span exported");
        Assert.True(api.Collector.Saw("/v1/traces", "postgresql"), "no Npgsql span exported");
        Assert.True(api.Collector.Saw("/v1/metrics", "finsam.commands"), "no command metric exported");
        Assert.True(api.Collector.Saw("/v1/metrics", "finsam.stall_scan.duration"), "no scan metric exported");
        Assert.True(api.Collector.Saw("/v1/metrics", "http.server.request.duration"), "no ASP.NET Core metric exported");
    }
}

/// <summary>A Hangfire job gets a span and a duration from <see cref="JobTelemetryFilter"/>.</summary>
public sealed class JobTelemetryTests(WorkerApiFactory api) : IClassFixture<WorkerApiFactory>
{
    [Fact]
    public async Task A_job_run_by_the_worker_has_a_span_and_a_duration()
    {
        _ = api.Server; // start the host and its Hangfire server
        var spans = new ConcurrentBag<System.Diagnostics.Activity>();
        using var activities = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == FinsamTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
                System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(activities);
        var durations = new ConcurrentBag<string>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "finsam.jobs.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "job")
                {
                    durations.Add((string)tag.Value!);
                }
            }
        });
        meters.Start();

        var jobId = api.Services.GetRequiredService<Hangfire.IBackgroundJobClient>()
            .Enqueue<Finsam.Samordning.Api.Infrastructure.Jobs.IdempotencyPurgeJob>(job => job.RunAsync(CancellationToken.None));

        // Spans are seen process-wide, and other test classes' workers number their jobs from 1 too: this
        // job's span is the one with its id and its name (another host's job of the same id ran something else).
        bool Ours(System.Diagnostics.Activity s) => (string?)s.GetTagItem("hangfire.job.id") == jobId && s.DisplayName == "job IdempotencyPurgeJob.RunAsync";

        // Waiting for the worker's queue is not a time rule: poll for the span, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !(spans.Any(Ours) && durations.Contains("IdempotencyPurgeJob.RunAsync")))
        {
            await Task.Delay(100);
        }

        var ours = spans.Where(Ours).ToList();
        Assert.NotEmpty(ours);
        Assert.All(ours, span => Assert.Equal(System.Diagnostics.ActivityStatusCode.Unset, span.Status));
        Assert.Contains("IdempotencyPurgeJob.RunAsync", durations);
    }
}
