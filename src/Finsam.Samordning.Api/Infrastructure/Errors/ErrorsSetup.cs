using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace Finsam.Samordning.Api.Infrastructure.Errors;

/// <summary>RFC 9457 problem details for every error, whoever produces it.</summary>
public static class ErrorsSetup
{
    /// <summary>Problem details with a trace id, and the exception handler that maps our exceptions.</summary>
    public static IServiceCollection AddFinsamErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] =
                System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Malformed JSON and wrong content types surface as exceptions we can explain, instead of
        // bare status codes.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>JSON conventions for the API: camelCase, enums as their names.</summary>
    public static IServiceCollection AddFinsamJson(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        return services;
    }

    /// <summary>The API's JSON options, shared with tests.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    /// <summary>Exception handler first, then status-code pages so empty 401/404/405/415 get a body too.</summary>
    public static WebApplication UseFinsamErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
