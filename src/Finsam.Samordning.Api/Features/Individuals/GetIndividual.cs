using System.Text.Json;

namespace Finsam.Samordning.Api.Features.Individuals;

/// <summary>An individual's personal data, or that it was erased.</summary>
/// <param name="Id">Individual id.</param>
/// <param name="Erased">True when erased: every other field is empty.</param>
/// <param name="Personnummer">Twelve digits.</param>
/// <param name="IsSamordningsnummer">Whether it is a samordningsnummer.</param>
/// <param name="Name">Name.</param>
/// <param name="Phone">Phone.</param>
/// <param name="Email">E-mail.</param>
/// <param name="Address">Address.</param>
public sealed record IndividualView(Guid Id, bool Erased, string? Personnummer, bool? IsSamordningsnummer, string? Name, string? Phone, string? Email, string? Address);

/// <summary>Read an individual's personal data (every read is in the access log).</summary>
/// <param name="Id">Individual id.</param>
/// <param name="Reader">Who reads.</param>
public sealed record GetIndividual(Guid Id, CurrentUser Reader) : IRequest<IndividualView>
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapGet("/individuals/{id:guid}",
                async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new GetIndividual(id, CurrentUser.Of(http)), ct)))
            .RequireAuthorization(Policies.CaseWriter)
            .WithName("GetIndividual")
            .WithTags("Individuals")
            .WithSummary("Read an individual")
            .WithDescription("Decrypts and returns the personal data held under this id, or erased: true once the person was erased. " +
                "Only for a handläggare whose party registered this id or is on a case about it now; to any other party the id does not exist (404, as for an unknown id).")
            .Produces<IndividualView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Loads the sealed data and the person's key (the same key store that opens case text).</summary>
    internal sealed class Handler(IQuerySession session, TextKeys keys) : IRequestHandler<GetIndividual, IndividualView>
    {
        public async Task<IndividualView> Handle(GetIndividual request, CancellationToken cancellationToken)
        {
            // Personal data is for the parties working with the person under this id; to others the id does not exist.
            var individual = await IndividualAccess.FindRelatedAsync(session, request.Id, request.Reader.Party, cancellationToken)
                ?? throw new NotFoundException(IndividualAccess.NotFound(request.Id));
            if (individual.ErasedAt is not null || await keys.GetAsync(request.Id, cancellationToken) is not { } key)
            {
                return new IndividualView(request.Id, true, null, null, null, null, null, null);
            }

            var data = JsonSerializer.Deserialize<PersonalData>(PersonalDataProtector.Decrypt(key, individual.SealedData, request.Id))!;
            return new IndividualView(request.Id, false, data.Personnummer, data.IsSamordningsnummer, data.Name, data.Phone, data.Email, data.Address);
        }
    }
}
