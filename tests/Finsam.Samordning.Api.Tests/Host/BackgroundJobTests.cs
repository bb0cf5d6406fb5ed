using Finsam.Samordning.Api.Infrastructure.Idempotency;
using Finsam.Samordning.Api.Infrastructure.Jobs;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.Samordning.Api.Tests.Host;

/// <summary>Hangfire runs an enqueued job against the real database where the worker role is on.</summary>
public sealed class BackgroundJobTests(WorkerApiFactory api) : IClassFixture<WorkerApiFactory>
{
    [Fact]
    public async Task An_enqueued_purge_job_runs_on_the_worker_and_removes_expired_idempotency_records()
    {
        _ = api.Server; // start the host, and with it the Hangfire server
        var store = api.Services.GetRequiredService<IDocumentStore>();
        var now = api.Clock.GetUtcNow();
        await using (var session = store.LightweightSession())
        {
            session.Store(
                new IdempotencyRecord { Id = "expired", Fingerprint = "f", ResponseJson = "{}", CreatedAt = now.AddDays(-2), ExpiresAt = now.AddDays(-1) },
                new IdempotencyRecord { Id = "live", Fingerprint = "f", ResponseJson = "{}", CreatedAt = now, ExpiresAt = now.AddDays(1) });
            await session.SaveChangesAsync();
        }

        var jobId = api.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<IdempotencyPurgeJob>(job => job.RunAsync(CancellationToken.None));

        // Waiting for another process's queue is not a time rule: poll the job's state, bounded.
        var monitor = api.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? state = null;
        while (DateTime.UtcNow < deadline)
        {
            state = monitor.JobDetails(jobId)?.History.FirstOrDefault()?.StateName;
            if (state == SucceededState.StateName || state == FailedState.StateName)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(SucceededState.StateName, state);
        await using var query = store.QuerySession();
        Assert.Null(await query.LoadAsync<IdempotencyRecord>("expired"));
        Assert.NotNull(await query.LoadAsync<IdempotencyRecord>("live"));
    }

    [Fact]
    public void The_worker_registers_the_recurring_purge()
    {
        _ = api.Server;
        using var connection = api.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs();
        Assert.Contains(recurring, r => r.Id == IdempotencyPurgeJob.Id);
    }
}
