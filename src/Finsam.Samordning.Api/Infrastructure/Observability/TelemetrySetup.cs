using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Common;
using Hangfire.Server;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Finsam.Samordning.Api.Infrastructure.Observability;

/// <summary>The <c>Finsam:Telemetry</c> configuration section.</summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Finsam:Telemetry";

    /// <summary>The OTLP collector (e.g. <c>http://otel-collector:4317</c>); empty exports nothing.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>The service name the traces and metrics carry.</summary>
    public string ServiceName { get; set; } = "finsam-samordning";

    /// <summary>How often metrics are exported.</summary>
    public TimeSpan MetricExportInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The service's own activity source and meter: commands, the stall scan and Hangfire jobs. Tags
/// carry request and rule names, never ids or input (traces leave the förbund's network at the
/// collector's discretion).
/// </summary>
public static class FinsamTelemetry
{
    /// <summary>Name of the activity source and the meter.</summary>
    public const string Name = "Finsam.Samordning";

    /// <summary>Spans of Hangfire jobs.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Commands = Meter.CreateCounter<long>(
        "finsam.commands", "{command}", "Commands handled (its rate is commands per second), by command and outcome.");

    private static readonly Histogram<double> ScanDuration = Meter.CreateHistogram<double>(
        "finsam.stall_scan.duration", "s", "Duration of a stall scan.");

    private static readonly Counter<long> FlagsRaised = Meter.CreateCounter<long>(
        "finsam.stall_flags.raised", "{flag}", "Flags raised by the stall scan.");

    private static readonly Counter<long> FlagsCleared = Meter.CreateCounter<long>(
        "finsam.stall_flags.cleared", "{flag}", "Flags cleared by the stall scan.");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "finsam.jobs.duration", "s", "Duration of a Hangfire job, by job and outcome.");

    /// <summary>Counts a handled command.</summary>
    public static void CommandHandled(string command, string outcome) =>
        Commands.Add(1, new KeyValuePair<string, object?>("command", command), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Records a finished stall scan.</summary>
    public static void ScanFinished(TimeSpan duration, int raised, int cleared, bool fullSweep)
    {
        var sweep = new KeyValuePair<string, object?>("full_sweep", fullSweep);
        ScanDuration.Record(duration.TotalSeconds, sweep);
        FlagsRaised.Add(raised, sweep);
        FlagsCleared.Add(cleared, sweep);
    }

    /// <summary>Records a finished job.</summary>
    public static void JobFinished(string job, bool failed, TimeSpan duration) =>
        JobDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("job", job),
            new KeyValuePair<string, object?>("outcome", failed ? "failed" : "succeeded"));
}

/// <summary>OpenTelemetry traces and metrics over OTLP, when an endpoint is configured.</summary>
public static class TelemetrySetup
{
    /// <summary>
    /// ASP.NET Core, Npgsql and the service's own source and meter, exported to
    /// <c>Finsam:Telemetry:OtlpEndpoint</c>. Without an endpoint nothing is registered: the
    /// counters then cost an unobserved call each.
    /// </summary>
    public static IServiceCollection AddFinsamTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        JobTelemetryFilter.Register();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return services;
        }

        var endpoint = new Uri(options.OtlpEndpoint);
        var protocol = options.OtlpProtocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        void Exporter(OtlpExporterOptions o, string signal)
        {
            // With http/protobuf the exporter posts to the signal's own path under the endpoint.
            o.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, signal) : endpoint;
            o.Protocol = protocol;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(FinsamTelemetry.Name)
                // Probes every few seconds would drown the traces that matter.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql()
                .AddOtlpExporter(o => Exporter(o, "v1/traces")))
            .WithMetrics(metrics => metrics
                .AddMeter(FinsamTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddMeter("Npgsql")
                .AddOtlpExporter((o, reader) =>
                {
                    Exporter(o, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.MetricExportInterval.TotalMilliseconds;
                }));
        return services;
    }
}

/// <summary>
/// A span and a duration per Hangfire job. Hangfire's filters are process-wide (its static
/// <c>GlobalJobFilters</c>), so this one is added once per process, whichever host comes first.
/// </summary>
public sealed class JobTelemetryFilter : JobFilterAttribute, IServerFilter
{
    private const string Key = "finsam.activity";
    private const string Started = "finsam.started";
    private static int _registered;

    /// <summary>Adds the filter to Hangfire's global filters, once.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Hangfire.GlobalJobFilters.Filters.Add(new JobTelemetryFilter());
        }
    }

    /// <inheritdoc />
    public void OnPerforming(PerformingContext context)
    {
        var name = $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
        var activity = FinsamTelemetry.Source.StartActivity($"job {name}", ActivityKind.Internal);
        activity?.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        context.Items[Key] = activity;
        context.Items[Started] = Stopwatch.GetTimestamp();
    }

    /// <inheritdoc />
    public void OnPerformed(PerformedContext context)
    {
        var failed = context.Exception is not null && !context.ExceptionHandled;
        if (context.Items.TryGetValue(Key, out var item) && item is Activity activity)
        {
            if (failed)
            {
                // The type only: an exception's message may quote data.
                activity.SetStatus(ActivityStatusCode.Error, context.Exception!.GetType().Name);
            }

            activity.Dispose();
        }

        if (context.Items.TryGetValue(Started, out var started) && started is long timestamp)
        {
            FinsamTelemetry.JobFinished($"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}", failed,
                Stopwatch.GetElapsedTime(timestamp));
        }
    }
}
