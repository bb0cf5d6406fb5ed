using System.Threading.Channels;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Marten;
using Npgsql;

namespace Finsam.Samordning.Api.Infrastructure.Access;

/// <summary>One read or write of case or individual data: the basis of logguppföljning and of telling a person who looked at their case.</summary>
/// <param name="At">When.</param>
/// <param name="UserId">Who (token subject).</param>
/// <param name="Party">Their party, if any.</param>
/// <param name="Role">Their role.</param>
/// <param name="CaseId">The case, if the request was about one.</param>
/// <param name="IndividualId">The individual, if the request was about one.</param>
/// <param name="Action">What: the endpoint's name, e.g. GetCaseOverview.</param>
/// <param name="Allowed">False when access was refused (401/403).</param>
/// <param name="Status">The HTTP status answered.</param>
public sealed record AccessLogEntry(DateTimeOffset At, string UserId, string? Party, string? Role, Guid? CaseId, Guid? IndividualId,
    string Action, bool Allowed, int Status);

/// <summary>What the current request has already written to the access log.</summary>
public sealed class AccessContext
{
    /// <summary>Set when a command's own transaction carried its access-log row.</summary>
    public bool LoggedInTransaction { get; set; }

    /// <summary>The already-registered individual a registration matched, if it matched one.</summary>
    public Guid? MatchedIndividualId { get; set; }
}

/// <summary>
/// The append-only access log. Writes ride in the command's own transaction (see the unit of work);
/// reads and refusals go through a bounded channel that a background writer drains in batches, so a
/// reader never waits on an extra round trip. A clean shutdown drains the channel; a crash can lose
/// the entries of the last fraction of a second (at most one batch interval).
/// </summary>
public sealed class AccessLogWriter(IDocumentStore store, ILogger<AccessLogWriter> logger) : BackgroundService
{
    /// <summary>Schema of the access log.</summary>
    public const string Schema = "finsam_audit";

    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(20_000)
    {
        // Full means the database is far behind: slow readers down rather than lose entries.
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>The insert a command's transaction queues for its own row.</summary>
    public const string InsertSql =
        "insert into " + Schema + ".access_log (at, user_id, party, role, case_id, individual_id, action, allowed, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /// <summary>Queues an entry; waits only if the queue is full.</summary>
    public ValueTask EnqueueAsync(AccessLogEntry entry, CancellationToken ct) => _queue.Writer.WriteAsync(entry, ct);

    /// <summary>Completes once everything queued before the call is in the database.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(done, ct);
        await done.Task.WaitAsync(ct);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AccessLogEntry>();
        var waiters = new List<TaskCompletionSource>();
        // Not the stopping token: on shutdown the loop drains what is queued, then ends.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < 500 && _queue.Reader.TryRead(out var item))
            {
                if (item is AccessLogEntry entry)
                {
                    batch.Add(entry);
                }
                else if (item is TaskCompletionSource waiter)
                {
                    waiters.Add(waiter);
                }
            }

            await WriteAsync(batch);
            batch.Clear();
            waiters.ForEach(w => w.TrySetResult());
            waiters.Clear();
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<AccessLogEntry> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"insert into {Schema}.access_log (at, user_id, party, role, case_id, individual_id, action, allowed, status) " +
                "select * from unnest(@at, @user, @party, @role, @case, @individual, @action, @allowed, @status)";
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("at", [.. batch.Select(e => e.At)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("user", [.. batch.Select(e => e.UserId)]));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("party", [.. batch.Select(e => e.Party)]));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("role", [.. batch.Select(e => e.Role)]));
            command.Parameters.Add(new NpgsqlParameter<Guid?[]>("case", [.. batch.Select(e => e.CaseId)]));
            command.Parameters.Add(new NpgsqlParameter<Guid?[]>("individual", [.. batch.Select(e => e.IndividualId)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("action", [.. batch.Select(e => e.Action)]));
            command.Parameters.Add(new NpgsqlParameter<bool[]>("allowed", [.. batch.Select(e => e.Allowed)]));
            command.Parameters.Add(new NpgsqlParameter<int[]>("status", [.. batch.Select(e => e.Status)]));
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // Logged by type only; the entries themselves hold no personal data but are not echoed.
            logger.LogError("Could not write {Count} access-log entries ({ExceptionType})", batch.Count, ex.GetType().Name);
        }
    }
}

/// <summary>
/// Logs every request that touches case or individual data, allowed or refused, with who, party,
/// role, case or individual, action and status. Sits between authentication and authorization so
/// that refusals by policy are logged too.
/// </summary>
public sealed class AccessLogMiddleware(RequestDelegate next)
{
    private static readonly string[] Logged = ["/api/v1/cases", "/api/v1/individuals", "/api/v1/review"];

    /// <summary>Runs the request and logs it.</summary>
    public async Task InvokeAsync(HttpContext http, AccessLogWriter writer, AccessContext access, TimeProvider time)
    {
        if (!Logged.Any(p => http.Request.Path.StartsWithSegments(p)))
        {
            await next(http);
            return;
        }

        var status = 500;
        try
        {
            await next(http);
            status = http.Response.StatusCode;
        }
        catch (ForbiddenException)
        {
            status = 403;
            throw;
        }
        catch (Exception ex)
        {
            // Answered by the exception handler further out; log the status it will give.
            status = ProblemStatus.Of(ex, http);
            throw;
        }
        finally
        {
            if (!access.LoggedInTransaction && http.User.Identity?.IsAuthenticated == true)
            {

                var user = CurrentUser.From(http.User);
                await writer.EnqueueAsync(new AccessLogEntry(time.GetUtcNow().ToUniversalTime(), user.UserId, user.Party?.ToString(), user.Role,
                    RouteGuid(http, "/api/v1/cases"), RouteGuid(http, "/api/v1/individuals"), ActionOf(http), status is not (401 or 403), status), http.RequestAborted);
            }
        }
    }

    /// <summary>The endpoint's name, or the route template.</summary>
    public static string ActionOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
        ?? (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Method + " (no route)";

    private static Guid? RouteGuid(HttpContext http, string prefix) =>
        http.Request.Path.StartsWithSegments(prefix) && Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var id) ? id : null;
}

/// <summary>The status the exception handler answers an exception with (the same mapping, for the access log).</summary>
internal static class ProblemStatus
{
    public static int Of(Exception ex, HttpContext http) => ex switch
    {
        Errors.NotFoundException => 404,
        FluentValidation.ValidationException => 400,
        BadHttpRequestException b => b.StatusCode,
        Domain.Cases.CaseRuleViolation => 409,
        Errors.PreconditionFailedException => 412,
        Idempotency.IdempotencyKeyReusedException => 422,
        Features.Individuals.IndividualExistsException => 409,
        JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException => http.Request.Headers.IfMatch.Count > 0 ? 412 : 409,
        _ => 500,
    };
}
