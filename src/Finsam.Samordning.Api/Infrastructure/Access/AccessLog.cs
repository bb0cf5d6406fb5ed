using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;
using NpgsqlTypes;

namespace Finsam.Samordning.Api.Infrastructure.Access;

/// <summary>One read or write of case or individual data: the basis of logguppföljning and of telling a person who looked at their case.</summary>
/// <param name="At">When.</param>
/// <param name="UserId">Who (token subject).</param>
/// <param name="Party">Their party, if any.</param>
/// <param name="Role">Their role.</param>
/// <param name="CaseId">The case, if the request was about one.</param>
/// <param name="IndividualId">The individual, if the request was about one.</param>
/// <param name="Action">What: the endpoint's name, e.g. GetCaseOverview.</param>
/// <param name="Allowed">False when access was refused (403, or 404 for a case the caller has no relation to).</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="ShownCaseIds">The cases a list or the review queue showed.</param>
/// <param name="MatchedIndividualId">For a registration of an already registered personnummer: the individual it matched.</param>
public sealed record AccessLogEntry(DateTimeOffset At, string UserId, string? Party, string? Role, Guid? CaseId, Guid? IndividualId,
    string Action, bool Allowed, int Status, IReadOnlyList<Guid>? ShownCaseIds = null, Guid? MatchedIndividualId = null);

/// <summary>What the current request has written to, or adds to, the access log.</summary>
public sealed class AccessContext
{
    /// <summary>Set when a command's own transaction carried its access-log row.</summary>
    public bool LoggedInTransaction { get; set; }

    /// <summary>The cases a list showed; set by list handlers.</summary>
    public IReadOnlyList<Guid>? ShownCaseIds { get; set; }

    /// <summary>The individual an already registered personnummer matched; set by the registration.</summary>
    public Guid? MatchedIndividualId { get; set; }

    /// <summary>
    /// For an endpoint marked <see cref="StreamedAfterLogging"/>: stores the request's row (allowed,
    /// 200, with <see cref="ShownCaseIds"/>) and returns the response's real body to stream to. An
    /// export's row is stored before its first byte, so it is never answered unlogged, and its body
    /// is not held in memory.
    /// </summary>
    public Func<Task<Stream>>? LogAndStream { get; set; }
}

/// <summary>Marks an endpoint whose answer is streamed: it stores its access-log row itself, through <see cref="AccessContext.LogAndStream"/>, before it writes.</summary>
public sealed class StreamedAfterLogging;

/// <summary>The access log could not be written, so the request is not answered (503).</summary>
public sealed class AccessLogUnavailableException(Exception? inner = null)
    : Exception("The access log could not be written; nothing was answered.", inner);

/// <summary>
/// The append-only access log. Writes ride in the command's own transaction (see the unit of work).
/// Reads and refusals are stored by group commit: each request queues its row and waits until the
/// batch carrying it is committed; a batch that fails fails every request in it. Nothing is
/// answered before its row is stored, so a crash loses only rows of requests never answered.
/// </summary>
public sealed class AccessLogWriter(IDocumentStore store, ILogger<AccessLogWriter> logger) : BackgroundService
{
    /// <summary>Schema of the access log.</summary>
    public const string Schema = "finsam_audit";

    private const int MaxBatch = 500;

    private const string Columns = "at, user_id, party, role, case_id, individual_id, action, allowed, status, shown_case_ids, matched_individual_id";

    /// <summary>The insert a command's transaction queues for its own row.</summary>
    public const string InsertSql = "insert into " + Schema + ".access_log (" + Columns + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private sealed record Pending(AccessLogEntry Entry, TaskCompletionSource Stored);

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000)
    {
        // Full means the database is far behind: slow readers down rather than lose entries.
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>Completes once the entry is committed; throws <see cref="AccessLogUnavailableException"/> if it cannot be.</summary>
    public async Task StoreAsync(AccessLogEntry entry, CancellationToken ct)
    {
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await _queue.Writer.WriteAsync(pending, ct);
        }
        catch (ChannelClosedException ex)
        {
            // Shutting down: this instance answers no more reads.
            throw new AccessLogUnavailableException(ex);
        }

        await pending.Stored.Task.WaitAsync(ct);
    }
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        // Not the stopping token: on shutdown the loop stores what is queued, then ends.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            // Whatever queued while the previous batch was being committed goes in one batch.
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await WriteAsync(batch);
                batch.ForEach(p => p.Stored.TrySetResult());
            }
            catch (Exception ex)
            {
                // Logged by type only; the entries hold no personal data but are not echoed.
                logger.LogError("Could not store {Count} access-log entries ({ExceptionType}); their requests answer 503", batch.Count, ex.GetType().Name);
                var failure = new AccessLogUnavailableException(ex);
                batch.ForEach(p => p.Stored.TrySetException(failure));
            }

            batch.Clear();
        }
    }
    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    // The batch's rows as one array per column, inserted row-wise with unnest: one round trip (with
    // Npgsql's automatic preparation, a prepared statement), where a binary COPY took two (the COPY
    // command, then the rows) and was the read's largest wait in the load benchmark.
    private const string BatchInsertSql = "insert into " + Schema + ".access_log (" + Columns + ") " +
        "select at, user_id, party, role, case_id, individual_id, action, allowed, status, shown::uuid[], matched " +
        "from unnest(@at, @user_id, @party, @role, @case_id, @individual_id, @action, @allowed, @status, @shown, @matched) " +
        "as r(at, user_id, party, role, case_id, individual_id, action, allowed, status, shown, matched)";

    private async Task WriteAsync(List<Pending> batch)
    {
        var entries = batch.Select(p => p.Entry).ToList();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = BatchInsertSql;
        command.Parameters.Add(Column("at", entries, e => e.At.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Column("user_id", entries, e => e.UserId, NpgsqlDbType.Text));
        command.Parameters.Add(Column("party", entries, e => e.Party, NpgsqlDbType.Text));
        command.Parameters.Add(Column("role", entries, e => e.Role, NpgsqlDbType.Text));
        command.Parameters.Add(Column("case_id", entries, e => e.CaseId, NpgsqlDbType.Uuid));
        command.Parameters.Add(Column("individual_id", entries, e => e.IndividualId, NpgsqlDbType.Uuid));
        command.Parameters.Add(Column("action", entries, e => e.Action, NpgsqlDbType.Text));
        command.Parameters.Add(Column("allowed", entries, e => e.Allowed, NpgsqlDbType.Boolean));
        command.Parameters.Add(Column("status", entries, e => e.Status, NpgsqlDbType.Integer));
        // A list's shown cases are an array per row; unnest takes one dimension, so each travels as
        // its array literal ("{id,id}") and is cast back to uuid[] in the select.
        command.Parameters.Add(Column("shown", entries, e => e.ShownCaseIds is { } ids ? "{" + string.Join(',', ids) + "}" : null, NpgsqlDbType.Text));
        command.Parameters.Add(Column("matched", entries, e => e.MatchedIndividualId, NpgsqlDbType.Uuid));
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlParameter Column<T>(string name, List<AccessLogEntry> entries, Func<AccessLogEntry, T> value, NpgsqlDbType type) =>
        new(name, NpgsqlDbType.Array | type) { Value = entries.Select(value).ToArray() };
}

/// <summary>
/// Logs every <c>/api/v1</c> request of an authenticated caller (all but the static catalogue),
/// allowed or refused, with who, party, role, case or individual, action and status. Sits between
/// authentication and authorization so that refusals by policy are logged too. The response body is
/// held back until the row is stored: if it cannot be, the answer is a 503 instead.
/// </summary>
public sealed class AccessLogMiddleware(RequestDelegate next)
{
    private const string Api = "/api/v1";
    private const string Catalogue = "/api/v1/catalogue";

    /// <summary>Whether requests to this path are logged: everything under /api/v1 but the catalogue.</summary>
    public static bool IsLogged(PathString path) => path.StartsWithSegments(Api) && !path.StartsWithSegments(Catalogue);

    /// <summary>Runs the request, stores its row, then sends what it answered.</summary>
    public async Task InvokeAsync(HttpContext http, AccessLogWriter writer, AccessContext access, TimeProvider time)
    {
        if (!IsLogged(http.Request.Path) || http.User.Identity?.IsAuthenticated != true)
        {
            await next(http);
            return;
        }

        var server = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        if (http.GetEndpoint()?.Metadata.GetMetadata<StreamedAfterLogging>() is not null)
        {
            access.LogAndStream = async () =>
            {
                var caller = CurrentUser.Of(http);
                await writer.StoreAsync(new AccessLogEntry(time.GetUtcNow().ToUniversalTime(), caller.UserId, caller.Party?.ToString(), caller.Role,
                    null, null, ActionOf(http), true, StatusCodes.Status200OK, access.ShownCaseIds, null), http.RequestAborted);
                access.LoggedInTransaction = true;
                return server.Stream;
            };
        }

        using var buffer = new MemoryStream();
        var held = new StreamResponseBodyFeature(buffer, server);
        http.Features.Set<IHttpResponseBodyFeature>(held);
        ExceptionDispatchInfo? failure = null;
        int status;
        var refused = false;
        try
        {
            await next(http);
            await held.CompleteAsync();
            status = http.Response.StatusCode;
        }
        catch (Exception ex)
        {
            // Answered by the exception handler further out; log the status it will give.
            failure = ExceptionDispatchInfo.Capture(ex);
            status = ProblemExceptionHandler.StatusOf(http, ex);
            // A case hidden from a caller with no relation answers 404 like a missing one; the log knows better.
            refused = ex is Errors.NotFoundException { Refused: true };
        }
        finally
        {
            http.Features.Set(server);
        }

        if (!access.LoggedInTransaction)
        {
            var user = CurrentUser.Of(http);
            // Throws AccessLogUnavailableException (503) when the row cannot be stored; the held body is dropped.
            await writer.StoreAsync(new AccessLogEntry(time.GetUtcNow().ToUniversalTime(), user.UserId, user.Party?.ToString(), user.Role,
                RouteGuid(http, "/api/v1/cases"), RouteGuid(http, "/api/v1/individuals"), ActionOf(http), !refused && status is not (401 or 403), status,
                access.ShownCaseIds, access.MatchedIndividualId), http.RequestAborted);
        }

        failure?.Throw();
        if (buffer.Length > 0)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }

    /// <summary>The endpoint's name, or the route template.</summary>
    public static string ActionOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
        ?? (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Method + " (no route)";

    private static Guid? RouteGuid(HttpContext http, string prefix) =>
        http.Request.Path.StartsWithSegments(prefix) && Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var id) ? id : null;
}
