using Finsam.Samordning.Api.Features.Secrecy;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>Read one case's details.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Reader">Who reads.</param>
public sealed record GetCase(Guid CaseId, CurrentUser Reader) : IRequest<CaseDetails>
{
    internal sealed class Endpoint : Features.IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapGet("/cases/{id:guid}", Handle)
            .RequireAuthorization(Policies.CaseReader)
            .WithName("GetCase")
            .WithTags("Cases")
            .WithSummary("Read a case")
            .WithDescription("The case's details: status, municipality, target groups and parties. The ETag header is the stream version to send as If-Match on writes.")
            .Produces<CaseDetails>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        private static async Task<IResult> Handle(Guid id, HttpContext http, IMediator mediator, CancellationToken ct)
        {
            var details = await mediator.Send(new GetCase(id, CurrentUser.Of(http)), ct);
            http.Response.SetETag(details.Version);
            return TypedResults.Ok(details);
        }
    }

    /// <summary>Loads the case file and filters it by relation and consent.</summary>
    internal sealed class Handler(IQuerySession session, CaseSecrecy secrecy) : IRequestHandler<GetCase, CaseDetails>
    {
        public async Task<CaseDetails> Handle(GetCase request, CancellationToken cancellationToken)
        {
            var file = await session.LoadAsync<CaseFile>(request.CaseId, cancellationToken) ?? throw NotFoundException.Case(request.CaseId);
            var viewer = CaseSecrecy.Resolve(request.Reader, request.CaseId, file.RelationOf);
            return secrecy.Details(CaseDetails.From(file), viewer, file.Overview);
        }
    }
}
