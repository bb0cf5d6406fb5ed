using Finsam.Samordning.Api.Infrastructure.Idempotency;

namespace Finsam.Samordning.Api.Infrastructure.Jobs;

/// <summary>Deletes idempotency records whose retention has passed, so the table stays small.</summary>
public sealed class IdempotencyPurgeJob(IDocumentStore store, TimeProvider time, ILogger<IdempotencyPurgeJob> logger)
{
    /// <summary>Recurring job id.</summary>
    public const string Id = "idempotency-purge";

    /// <summary>Runs one purge; returns how many records were removed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var expired = await session.Query<IdempotencyRecord>().CountAsync(r => r.ExpiresAt <= now, cancellationToken);
        session.DeleteWhere<IdempotencyRecord>(r => r.ExpiresAt <= now);
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Purged {Count} expired idempotency records", expired);
        return expired;
    }
}
