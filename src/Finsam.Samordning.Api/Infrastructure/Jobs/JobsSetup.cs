using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Finsam.Samordning.Api.Infrastructure.Jobs;

/// <summary>The <c>Finsam:Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    /// <summary>How often an idle worker looks for queued jobs.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Number of worker threads per Hangfire server.</summary>
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Cron for the purge of expired idempotency records.</summary>
    public string IdempotencyPurgeCron { get; set; } = "17 * * * *";

    /// <summary>Cron for the stall scan (default every 15 minutes).</summary>
    public string StallScanCron { get; set; } = "*/15 * * * *";
}

/// <summary>
/// Hangfire with PostgreSQL storage in its own schema. The server runs only where
/// <c>Finsam:Roles</c> includes <c>worker</c>; every role can enqueue.
/// </summary>
public static class JobsSetup
{
    /// <summary>Hangfire's PostgreSQL schema.</summary>
    public const string Schema = "hangfire";

    /// <summary>Registers storage, clients and (for the worker role) the server.</summary>
    public static IServiceCollection AddFinsamJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var jobs = configuration.GetSection("Finsam:Jobs").Get<JobsOptions>() ?? new JobsOptions();
        var roles = configuration.GetSection(FinsamOptions.Section).Get<FinsamOptions>() ?? new FinsamOptions();
        var connectionString = configuration.GetConnectionString("Finsam")
            ?? throw new InvalidOperationException("ConnectionStrings:Finsam is not configured.");

        // Our own JobStorage singleton, registered before AddHangfire: Hangfire would otherwise hand
        // out the process-wide static JobStorage.Current, which several hosts in one process (tests)
        // would overwrite for each other.
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions
            {
                SchemaName = Schema,
                // Applied by the migrate command; the runtime role could not create it.
                PrepareSchemaIfNecessary = false,
                QueuePollInterval = jobs.QueuePollInterval,
            }));
        // Likewise the activator: Hangfire's default reads the static JobActivator.Current, so a job
        // could be resolved from another host's container (and run against its database).
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (roles.IsWorker)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = jobs.WorkerCount;
                options.SchedulePollingInterval = jobs.QueuePollInterval;
            });
        }

        services.AddScoped<IdempotencyPurgeJob>();
        return services;
    }

    /// <summary>Dashboard at <c>/hangfire</c> (administrators only, see <see cref="Auth.DashboardAuthorization"/>) and the recurring jobs.</summary>
    public static WebApplication MapFinsamJobs(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new Auth.DashboardAuthorization(app.Environment.IsDevelopment())],
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>());

        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FinsamOptions>>().Value;
        if (options.IsWorker)
        {
            var jobs = app.Configuration.GetSection("Finsam:Jobs").Get<JobsOptions>() ?? new JobsOptions();
            var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
            recurring.AddOrUpdate<IdempotencyPurgeJob>(
                IdempotencyPurgeJob.Id, job => job.RunAsync(CancellationToken.None), jobs.IdempotencyPurgeCron);
        }

        return app;
    }
}
