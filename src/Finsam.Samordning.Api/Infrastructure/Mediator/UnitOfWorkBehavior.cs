using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Infrastructure.Idempotency;
using Marten;
using MediatR;
using Microsoft.Extensions.Options;

namespace Finsam.Samordning.Api.Infrastructure.Mediator;

/// <summary>
/// Commits a command's session in one <c>SaveChangesAsync</c>: the events, the inline projections
/// and the idempotency record travel in one transaction and one batch. A retry with the same
/// <c>Idempotency-Key</c> gets the first result back and appends nothing.
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(
    IDocumentSession session,
    IdempotencyStore idempotency,
    IHttpContextAccessor http,
    TimeProvider time,
    IOptions<FinsamOptions> options,
    Access.AccessContext access) : IPipelineBehavior<TRequest, TResponse>
{
    /// <inheritdoc />
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse> command)
        {
            return await next();
        }

        if (string.IsNullOrEmpty(command.IdempotencyKey))
        {
            var plain = await next();
            await Commit(command, plain, cancellationToken);
            return plain;
        }

        if (command.IdempotencyKey.Length > Features.Limits.IdempotencyKey)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("Idempotency-Key",
                $"Idempotency-Key may be at most {Features.Limits.IdempotencyKey} characters.")]);
        }

        var user = http.HttpContext is { } ctx ? CurrentUser.Of(ctx) : CurrentUser.System;
        var id = IdempotencyStore.RecordId(user.UserId, command.IdempotencyKey);
        var fingerprint = idempotency.Fingerprint(command);
        var now = time.GetUtcNow();

        // No look-up before the work: the record's unique id makes a second commit under the same
        // key fail, and only then is the first result looked up. That saves a round trip on every
        // command; a retry costs one more. (A key reused after its retention ends fails with a
        // conflict until the hourly purge has removed the old record.)
        try
        {
            var response = await next();
            session.Insert(new IdempotencyRecord
            {
                Id = id,
                Fingerprint = fingerprint,
                ResponseJson = IdempotencyStore.Serialize(response),
                CreatedAt = now,
                ExpiresAt = now + options.Value.IdempotencyRetention,
            });
            await Commit(command, response, cancellationToken);
            return response;
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

    // The write's access-log row rides in the same transaction: logged if and only if it happened.
    private async Task Commit(ICommandWithKey command, TResponse response, CancellationToken ct)
    {
        var caseId = command is Cases.ICaseCommand c ? c.CaseId : (response as Features.Cases.CaseDetails)?.Id;
        var context = http.HttpContext;
        var user = context is null ? CurrentUser.System : CurrentUser.Of(context);
        var individualId = command switch
        {
            Features.Individuals.EraseIndividual e => e.Id,
            _ => (response as Features.Individuals.IndividualRegistered)?.Id,
        };
        session.QueueSqlCommand(Access.AccessLogWriter.InsertSql, time.GetUtcNow().ToUniversalTime(), user.UserId, (object?)user.Party?.ToString() ?? DBNull.Value,
            (object?)user.Role ?? DBNull.Value, (object?)caseId ?? DBNull.Value, (object?)individualId ?? DBNull.Value,
            context is null ? typeof(TRequest).Name : Access.AccessLogMiddleware.ActionOf(context), true, 200,
            (object?)access.ShownCaseIds?.ToArray() ?? DBNull.Value, (object?)access.MatchedIndividualId ?? DBNull.Value);
        access.LoggedInTransaction = true;
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch
        {
            access.LoggedInTransaction = false;
            throw;
        }
    }

    private async Task<TResponse?> Replay(string id, string fingerprint, DateTimeOffset now, CancellationToken ct)
    {
        var record = await idempotency.FindAsync(id, ct);
        if (record is null)
        {
            return default;
        }

        if (record.ExpiresAt <= now)
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
