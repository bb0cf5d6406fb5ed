using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Finsam.Samordning.Api.Infrastructure.OpenApi;

/// <summary>
/// Documents the 503 every access-logged operation may answer: its row could not be stored, so
/// nothing was answered; a problem with <c>Retry-After</c>.
/// </summary>
public sealed class ServiceUnavailableResponse : IOperationFilter
{
    private const string Name = "ServiceUnavailable";
    /// <inheritdoc />
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!AccessLogMiddleware.IsLogged("/" + context.ApiDescription.RelativePath))
        {
            return;
        }

        var components = context.Document.Components ??= new OpenApiComponents();
        components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        components.Responses.TryAdd(Name, new OpenApiResponse
        {
            Description = "The access log could not be written (or the database is unavailable): nothing was answered. Retry after Retry-After.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = $"Seconds to wait before retrying ({ProblemExceptionHandler.RetryAfterSeconds}).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            },
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository) },
            },
        });
        operation.Responses ??= [];
        operation.Responses["503"] = new OpenApiResponseReference(Name, context.Document);
    }
}
