using System.Text.Json;
using Finsam.Samordning.Api.Infrastructure.Idempotency;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Infrastructure.Errors;

/// <summary>
/// Turns exceptions into problem details. Known refusals get their own status and a message a
/// caller can act on; anything else is a 500 that carries only a trace id.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IHostEnvironment environment,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(http, exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            // A fault: logged for operators by type and stack only; its message may quote input.
            logger.LogError("Unhandled {ExceptionType} at {StackTrace}", exception.GetType().FullName, exception.StackTrace);
            if (environment.IsDevelopment())
            {
                problem.Detail = exception.ToString();
            }
        }
        else if (problem.Status >= 500)
        {
            // The database or the access log is unavailable: the request was refused whole and may be
            // retried; the request log line carries the status.
            logger.LogWarning("Service unavailable: {ExceptionType}", exception.GetType().FullName);
        }

        http.Response.StatusCode = problem.Status ?? 500;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>Seconds a client is asked to wait before retrying a 503.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The status an exception is answered with (the access log records it before the answer).</summary>
    public static int StatusOf(HttpContext http, Exception exception) => Map(http, exception).Status ?? 500;

    private static ProblemDetails Map(HttpContext http, Exception exception) => exception switch
    {
        Access.AccessLogUnavailableException => new ProblemDetails
        {
            Status = 503,
            Title = "Service unavailable.",
            Detail = "The access log could not be written, so nothing was answered. Retry after the time in Retry-After.",
        },
        ValidationException v => Validation(v),
        BadHttpRequestException { InnerException: JsonException json } => new ValidationProblemDetails(
            new Dictionary<string, string[]> { [JsonField(json.Path)] = [JsonMessage(json)] })
        {
            Status = 400,
            Title = "The request body could not be read.",
            Detail = "The body is not valid JSON for this request, or a field has a value of the wrong type.",
        },
        BadHttpRequestException b => new ProblemDetails
        {
            Status = b.StatusCode,
            Title = b.StatusCode switch
            {
                415 => "Unsupported media type: send the body as application/json.",
                413 => "The request body is too large.",
                _ => "The request could not be read.",
            },
            Detail = b.StatusCode == 400 ? SafeDetail(b.Message) : null,
        },
        AlreadyExistsException x => new ProblemDetails
        {
            Status = 409,
            Title = "Already registered.",
            Detail = x.Message,
            Extensions = { ["existingId"] = x.ExistingId },
        },
        NotFoundException n => new ProblemDetails { Status = 404, Title = "Not found.", Detail = n.Message },
        ForbiddenException f => new ProblemDetails { Status = 403, Title = "Forbidden.", Detail = f.Message },
        CaseRuleViolation r => new ProblemDetails
        {
            Status = 409,
            Title = "The case's rules refuse this.",
            Detail = r.Message,
            Extensions = { ["code"] = r.Code },
        },
        IdempotencyKeyReusedException k => new ProblemDetails
        {
            Status = 422,
            Title = "Idempotency-Key reused with a different request.",
            Detail = k.Message,
        },
        PreconditionFailedException p => PreconditionFailed(p.Message),
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException when HasIfMatch(http) =>
            PreconditionFailed("The case changed since the version in If-Match. Read it again and retry."),
        Marten.Exceptions.MartenCommandException { InnerException: Npgsql.PostgresException { SqlState: "23505" } } => new ProblemDetails
        {
            Status = 409,
            Title = "Conflict.",
            Detail = "The same thing was registered at the same moment by another request. Retry to get its result.",
        },
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException or DocumentAlreadyExistsException => new ProblemDetails
        {
            Status = 409,
            Title = "Concurrent change.",
            Detail = "Another request changed the same case at the same moment. Retry the request.",
        },
        _ when DatabaseUnavailable(exception) => new ProblemDetails
        {
            Status = 503,
            Title = "Service unavailable.",
            Detail = "The database cannot be reached just now; nothing was changed. Retry after the time in Retry-After.",
        },
        _ => new ProblemDetails
        {
            Status = 500,
            Title = "An unexpected error occurred.",
            Detail = "Quote the trace id when you report this.",
        },
    };

    /// <summary>
    /// Whether the exception says the database could not be reached or refused connections (down,
    /// restarting, failing over, out of connections), as opposed to refusing this request.
    /// </summary>
    public static bool DatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException pg:
                    // 08: connection exception; 53300: too many connections; 57P01-57P03: shutdown, cannot connect now.
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState == "53300"
                        || pg.SqlState.StartsWith("57P0", StringComparison.Ordinal);
                case Npgsql.NpgsqlException npgsql when npgsql.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException:
                case Npgsql.NpgsqlException { IsTransient: true }:
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }

        return false;
    }

    private static bool HasIfMatch(HttpContext http) => http.Request.Headers.IfMatch.Count > 0;

    private static ProblemDetails PreconditionFailed(string detail) =>
        new() { Status = 412, Title = "Precondition failed.", Detail = detail };

    private static ValidationProblemDetails Validation(ValidationException v) => new(
        v.Errors.GroupBy(e => string.IsNullOrEmpty(e.PropertyName) ? "$" : e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
    {
        Status = 400,
        Title = "One or more fields are invalid.",
    };

    // "$.targetGroups[0]" -> "targetGroups[0]": the same field names validators use.
    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string JsonMessage(JsonException json) =>
        json.Path is null or "$" ? "The body is not valid JSON." : "The value is missing, malformed or not one of the allowed values.";

    // Framework messages name parameters and types, never the body's content.
    private static string SafeDetail(string message) => message.Length > 300 ? message[..300] : message;
}

/// <summary>
/// The requested case or entry does not exist (404), or exists but the caller has no relation to it
/// (<see cref="Refused"/>): both answer alike, so the status does not tell whether a case exists.
/// </summary>
/// <param name="message">The problem's detail.</param>
/// <param name="refused">True when access was refused rather than the thing missing (for the access log).</param>
public sealed class NotFoundException(string message, bool refused = false) : Exception(message)
{
    /// <summary>Access was refused; the caller is told only "not found".</summary>
    public bool Refused { get; } = refused;

    /// <summary>The answer for an unknown case id, and for a case the caller has no relation to.</summary>
    public static NotFoundException Case(Guid id, bool refused = false) => new($"No case with id {id}.", refused);
}

/// <summary>An <c>If-Match</c> precondition does not hold (412).</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>The thing is already there and the caller may know it (409 with <c>existingId</c>).</summary>
/// <param name="message">The problem's detail.</param>
/// <param name="existingId">The id to use.</param>
public sealed class AlreadyExistsException(string message, Guid existingId) : Exception(message)
{
    /// <summary>The id to use.</summary>
    public Guid ExistingId { get; } = existingId;
}
