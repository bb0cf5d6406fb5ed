using Microsoft.OpenApi;

namespace Finsam.Samordning.Api.Infrastructure.OpenApi;

/// <summary>Swashbuckle: the OpenAPI document (committed under api-specs/) and Swagger UI at <c>/swagger</c>.</summary>
public static class OpenApiSetup
{
    /// <summary>Document name; the JSON is served at <c>/swagger/v1/swagger.json</c>.</summary>
    public const string DocumentName = "v1";

    /// <summary>Registers the generator with XML comments and the bearer scheme.</summary>
    public static IServiceCollection AddFinsamOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Finsam Samordning API",
                Version = "v1",
                Description =
                    "Case coordination for samordningsförbund: the parties around one person, their parallel insatser, " +
                    "the shared plan and SIP meetings. Errors are RFC 9457 problem details.",
            });
            foreach (var xml in new[] { "Finsam.Samordning.Api.xml", "Finsam.Samordning.Domain.xml" })
            {
                var path = Path.Combine(AppContext.BaseDirectory, xml);
                if (File.Exists(path))
                {
                    options.IncludeXmlComments(path, includeControllerXmlComments: false);
                }
            }

            options.CustomSchemaIds(SchemaId);
            options.OperationFilter<CaseWriteParameters>();
            options.OperationFilter<ServiceUnavailableResponse>();
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token with the claims sub, name, party and role. Locally: deploy/local/token.sh handlaggare AF",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
        });
        return services;
    }

    // "Area.Type" for our types (the last namespace segment names the area, in the API and the domain
    // alike), the bare name for the framework's: short, stable ids that say where a type belongs.
    private static string SchemaId(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("Finsam.", StringComparison.Ordinal)
            ? $"{ns[(ns.LastIndexOf('.') + 1)..]}.{type.FullName![(ns.Length + 1)..].Replace('+', '.')}"
            : type.Name;

    /// <summary>Serves the document and the UI.</summary>
    public static WebApplication UseFinsamOpenApi(this WebApplication app)
    {
        // Only requests under /swagger reach Swashbuckle: its middleware takes the document generator
        // on every request it sees, and the generator's options read the XML comments (some 0.9 MB of
        // XML) into memory, so the first request of any kind loaded them and the XML stack for good.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/swagger"), swagger =>
        {
            swagger.UseSwagger();
            swagger.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "Finsam Samordning v1");
                options.RoutePrefix = "swagger";
            });
        });
        return app;
    }
}
