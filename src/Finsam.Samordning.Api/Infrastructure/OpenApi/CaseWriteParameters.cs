using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Finsam.Samordning.Api.Infrastructure.OpenApi;

/// <summary>
/// Marks an endpoint whose handler binds only its body: its route ids and the If-Match and
/// Idempotency-Key headers are read by the pipeline (the case write table), so the OpenAPI
/// document would not list them; <see cref="CaseWriteParameters"/> does.
/// </summary>
public sealed class HeadersReadByPipeline;

/// <summary>Lists the route ids and headers of endpoints marked <see cref="HeadersReadByPipeline"/>, for clients.</summary>
public sealed class CaseWriteParameters : IOperationFilter
{
    /// <inheritdoc />
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<HeadersReadByPipeline>().Any() || context.ApiDescription.RelativePath is null)
        {
            return;
        }

        operation.Parameters = [];
        foreach (var segment in context.ApiDescription.RelativePath.Split('/').Where(s => s.StartsWith('{')))
        {
            var name = segment.Trim('{', '}').Split(':')[0];
            if (name == "party")
            {
                var schema = context.SchemaGenerator.GenerateSchema(typeof(PartyCode), context.SchemaRepository);
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name, In = ParameterLocation.Path, Required = true, Schema = schema,
                    // The enum's own description, as Swashbuckle gives a typed route parameter.
                    Description = context.SchemaRepository.Schemas.TryGetValue("Cases.PartyCode", out var party) ? party.Description : null,
                });
            }
            else
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                });
            }
        }

        operation.Parameters.Add(new OpenApiParameter { Name = "If-Match", In = ParameterLocation.Header, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
        operation.Parameters.Add(new OpenApiParameter { Name = "Idempotency-Key", In = ParameterLocation.Header, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
    }
}
