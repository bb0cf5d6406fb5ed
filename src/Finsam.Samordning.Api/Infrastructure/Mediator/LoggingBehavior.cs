using System.Diagnostics;

namespace Finsam.Samordning.Api.Infrastructure.Mediator;

/// <summary>
/// Logs each request's name, duration and outcome. Never the request itself: commands carry free
/// text about a person.
/// </summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    /// <inheritdoc />
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = typeof(TRequest).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogInformation("{RequestName} succeeded in {ElapsedMs:0.0} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (request is ICommandWithKey)
            {
                Observability.FinsamTelemetry.CommandHandled(name, "succeeded");
            }

            return response;
        }
        catch (Exception ex)
        {
            // The exception type is enough to tell refusals from faults; messages may quote input.
            // Debug: the request's own log line says what the client got (once), and the exception
            // handler logs a fault at Error.
            logger.LogDebug("{RequestName} refused or failed ({Outcome}) in {ElapsedMs:0.0} ms", name, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (request is ICommandWithKey)
            {
                Observability.FinsamTelemetry.CommandHandled(name, ex.GetType().Name);
            }

            throw;
        }
    }
}
