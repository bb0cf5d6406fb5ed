using Finsam.Samordning.Api.Infrastructure.Errors;
using Finsam.Samordning.Api.Infrastructure.Http;
using Marten;
using MediatR;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>Read one case's details.</summary>
/// <param name="CaseId">Case id.</param>
public sealed record GetCase(Guid CaseId) : IRequest<CaseDetails>
{
    /// <summary>Endpoint: <c>GET /api/v1/cases/{id}</c>.</summary>
    public sealed class Endpoint : Features.IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapGet("/cases/{id:guid}", Handle)
            .WithName("GetCase")
            .WithTags("Cases")
            .WithSummary("Read a case")
            .WithDescription("The case's details: status, municipality, target groups and parties. The ETag header is the stream version to send as If-Match on writes.")
            .Produces<CaseDetails>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        private static async Task<IResult> Handle(Guid id, HttpContext http, IMediator mediator, CancellationToken ct)
        {
            var details = await mediator.Send(new GetCase(id), ct);
            http.Response.SetETag(details.Version);
            return TypedResults.Ok(details);
        }
    }

    /// <summary>Loads the projected document: one row by id.</summary>
    public sealed class Handler(IQuerySession session) : IRequestHandler<GetCase, CaseDetails>
    {
        /// <inheritdoc />
        public async Task<CaseDetails> Handle(GetCase request, CancellationToken cancellationToken) =>
            await session.LoadAsync<CaseDetails>(request.CaseId, cancellationToken)
            ?? throw new NotFoundException($"No case with id {request.CaseId}.");
    }
}
