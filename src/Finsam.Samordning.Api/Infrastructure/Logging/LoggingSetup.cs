using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Finsam.Samordning.Api.Infrastructure.Logging;

/// <summary>Serilog wiring: structured logs that never carry request bodies or personal data.</summary>
public static class LoggingSetup
{
    /// <summary>Compact console output locally, JSON elsewhere; levels from configuration.</summary>
    public static WebApplicationBuilder AddFinsamLogging(this WebApplicationBuilder builder)
    {
        var json = !builder.Environment.IsDevelopment()
            && !string.Equals(builder.Configuration["Finsam:LogFormat"], "text", StringComparison.OrdinalIgnoreCase);
        // The host's own logger, not the static one: several hosts in one process (the tests) must
        // not write into each other's sinks.
        builder.Services.AddSerilog((services, config) =>
        {
            config
                .ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .Enrich.FromLogContext()
                .ReadFrom.Services(services);
            if (json)
            {
                config.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                config.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        }, preserveStaticLogger: true);
        return builder;
    }

    private const string RouteTemplateKey = "finsam.route-template";

    /// <summary>
    /// One line per request: method, route template (not the raw path), status, duration and trace id.
    /// The template keeps ids and query strings (which may hold search terms) out of the log.
    /// </summary>
    public static WebApplication UseFinsamRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate =
                "HTTP {RequestMethod} {RouteTemplate} responded {StatusCode} in {Elapsed:0.0} ms (trace {TraceId})";
            options.IncludeQueryInRequestPath = false;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                // The exception handler clears the endpoint before it writes a problem, so the template
                // kept on the way in is the one a refused request was for.
                var template = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText
                    ?? http.Items[RouteTemplateKey] as string ?? "(no route)";
                diagnostics.Set("RouteTemplate", template);
                diagnostics.Set("TraceId", System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
            };
            options.GetLevel = (http, _, ex) => LevelOf(http.Request.Path, http.Response.StatusCode, ex);
        });
        app.Use((http, next) =>
        {
            if (http.GetEndpoint() is RouteEndpoint endpoint)
            {
                http.Items[RouteTemplateKey] = endpoint.RoutePattern.RawText;
            }

            return next(http);
        });
        return app;
    }

    /// <summary>
    /// The level of a request's log line: Error only for a fault (500, or an exception that got
    /// past the handler); Warning for what an operator should notice (401, 403, 413, 429, a 503
    /// while the database or access log is away); Information for every other refusal the client
    /// caused (400, 404, 409, 412, 415, 422) and for successes; health probes at Verbose.
    /// </summary>
    public static LogEventLevel LevelOf(PathString path, int status, Exception? exception) => status switch
    {
        _ when exception is not null => LogEventLevel.Error,
        >= 500 and not 503 => LogEventLevel.Error,
        503 or 401 or 403 or 413 or 429 => LogEventLevel.Warning,
        _ when path.StartsWithSegments("/health") => LogEventLevel.Verbose,
        _ => LogEventLevel.Information,
    };
}
