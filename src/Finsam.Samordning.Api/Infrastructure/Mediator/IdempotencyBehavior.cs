using Finsam.Samordning.Api.Infrastructure.Idempotency;

namespace Finsam.Samordning.Api.Infrastructure.Mediator;

/// <summary>
/// A retry with the same <c>Idempotency-Key</c> gets the first result back and appends nothing. The
/// record rides in the command's transaction.
/// </summary>
public sealed class IdempotencyBehavior<TRequest, TResponse>(
    IDocumentSession session,
    CommandTransaction transaction,
    IdempotencyStore idempotency,
    IHttpContextAccessor http,
    TimeProvider time,
    IOptions<FinsamOptions> options) : IPipelineBehavior<TRequest, TResponse>
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxKeyLength = 200;

    /// <inheritdoc />
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse> { IdempotencyKey: { Length: > 0 } key } command)
        {
            return await next();
        }

        if (key.Length > MaxKeyLength)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("Idempotency-Key",
                $"Idempotency-Key may be at most {MaxKeyLength} characters.")]);
        }

        var user = http.HttpContext is { } ctx ? CurrentUser.Of(ctx) : CurrentUser.System;
        var id = IdempotencyStore.RecordId(user.UserId, key);
        var fingerprint = idempotency.Fingerprint(command);
        var now = time.GetUtcNow();
        transaction.BeforeCommit(response => session.Insert(new IdempotencyRecord
        {
            Id = id,
            Fingerprint = fingerprint,
            ResponseJson = IdempotencyStore.Serialize(response),
            CreatedAt = now,
            ExpiresAt = now + options.Value.IdempotencyRetention,
        }));

        // No look-up before the work: the record's unique id makes a second commit under the same
        // key fail, and only then is the first result looked up. That saves a round trip on every
        // command; a retry costs one more. (A key reused after its retention ends fails with a
        // conflict until the hourly purge has removed the old record.)
        try
        {
            return await next();
        }
        catch (Exception ex) when (ex is not FluentValidation.ValidationException)
        {
            // A retry of a request that already committed: it fails here (stale If-Match, the
            // record's key, a rule that no longer holds) and the first result is the answer.
            if (await Replay(id, fingerprint, now, cancellationToken) is { } earlier)
            {
                return earlier;
            }

            throw;
        }
    }

    private async Task<TResponse?> Replay(string id, string fingerprint, DateTimeOffset now, CancellationToken ct)
    {
        var record = await idempotency.FindAsync(id, ct);
        if (record is null || record.ExpiresAt <= now)
        {
            return default;
        }

        if (record.Fingerprint != fingerprint)
        {
            throw new IdempotencyKeyReusedException(
                "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
        }

        return IdempotencyStore.Deserialize<TResponse>(record.ResponseJson);
    }
}
