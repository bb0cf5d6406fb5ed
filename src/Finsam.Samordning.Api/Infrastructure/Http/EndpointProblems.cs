namespace Finsam.Samordning.Api.Infrastructure.Http;

/// <summary>The problem answers (RFC 9457) an endpoint declares for the OpenAPI document.</summary>
public static class EndpointProblems
{
    /// <summary>
    /// Declares what every endpoint with input can answer, 400 naming the offending fields and 401,
    /// followed by <paramref name="statuses"/> (e.g. 403, 404, 409), in that order.
    /// </summary>
    /// <param name="builder">The endpoint.</param>
    /// <param name="statuses">Further problem statuses it can answer.</param>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        builder.ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
