using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Finsam.Samordning.Api.Infrastructure.Health;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (database reachable, schema applied).</summary>
public static class HealthSetup
{
    /// <summary>Registers the readiness check.</summary>
    public static IServiceCollection AddFinsamHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Maps both endpoints; neither needs a token.</summary>
    public static WebApplication MapFinsamHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteReason })
            .AllowAnonymous();
        return app;
    }

    // "Healthy", or the status with the reason (e.g. which schema is behind): an operator reading
    // the probe learns what to do. The reasons name components, never data.
    private static Task WriteReason(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain";
        var reasons = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy && e.Description is not null).Select(e => e.Description);
        var text = report.Status == HealthStatus.Healthy ? "Healthy" : $"{report.Status}: {string.Join(" ", reasons)}";
        return http.Response.WriteAsync(text);
    }
}

/// <summary>Ready when PostgreSQL and the key store answer and their schemas are what this build expects (<c>migrate</c> has run).</summary>
public sealed class DatabaseReadyCheck(Schema.SchemaExpectation schema) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await schema.BehindAsync(cancellationToken) is { } behind
                ? HealthCheckResult.Unhealthy(behind)
                : HealthCheckResult.Healthy("PostgreSQL reachable, schemas applied.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL (the data or the key store) is not reachable.");
        }
    }
}

