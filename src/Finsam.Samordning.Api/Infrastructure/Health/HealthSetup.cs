using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

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
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}

/// <summary>Ready when PostgreSQL answers and both our schemas hold their tables.</summary>
public sealed class DatabaseReadyCheck(IDocumentStore store) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            var connection = (NpgsqlConnection)session.Connection!;
            await using var command = new NpgsqlCommand(
                """
                select count(*) from information_schema.tables
                where (table_schema = @marten and table_name = 'mt_events')
                   or (table_schema = @hangfire and table_name = 'job')
                """, connection);
            command.Parameters.AddWithValue("marten", Persistence.PersistenceSetup.Schema);
            command.Parameters.AddWithValue("hangfire", Jobs.JobsSetup.Schema);
            var found = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            return found == 2
                ? HealthCheckResult.Healthy("PostgreSQL reachable, schemas applied.")
                : HealthCheckResult.Unhealthy("PostgreSQL reachable but the schema is not applied.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.");
        }
    }
}
