using System.Text.Json;
using Finsam.Samordning.Api.Infrastructure.Access;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Infrastructure.Errors;
using Marten;
using MediatR;
using Npgsql;

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
    /// <summary>Endpoint.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapGet("/individuals/{id:guid}",
                async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new GetIndividual(id, CurrentUser.From(http.User)), ct)))
            .RequireAuthorization(Policies.CaseWriter)
            .WithName("GetIndividual")
            .WithTags("Individuals")
            .WithSummary("Read an individual")
            .WithDescription("Decrypts and returns the person's personal data, or erased: true once the person was erased. " +
                "Only for a handläggare whose party is, or was, on a case about the person (403 otherwise).")
            .Produces<IndividualView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Loads the sealed data and the wrapped key.</summary>
    public sealed class Handler(IQuerySession session, IDocumentStore store, PersonalDataProtector protector) : IRequestHandler<GetIndividual, IndividualView>
    {
        /// <inheritdoc />
        public async Task<IndividualView> Handle(GetIndividual request, CancellationToken cancellationToken)
        {
            var individual = await session.LoadAsync<Individual>(request.Id, cancellationToken)
                ?? throw new NotFoundException($"No individual with id {request.Id}.");
            // Personal data is for the parties working with the person: those on one of their cases.
            var cases = await session.Query<Features.Cases.CaseDetails>().Where(c => c.IndividualId == request.Id).ToListAsync(cancellationToken);
            if (request.Reader.Party is not { } party || !cases.Any(c => c.Parties.Any(p => p.Party == party)))
            {
                throw new ForbiddenException("Only a party on one of this person's cases may read their personal data.");
            }

            var wrapped = await WrappedKey(store, request.Id, cancellationToken);
            if (individual.ErasedAt is not null || wrapped is null)
            {
                return new IndividualView(request.Id, true, null, null, null, null, null, null);
            }

            var key = protector.Unwrap(wrapped, request.Id);
            var data = JsonSerializer.Deserialize<PersonalData>(PersonalDataProtector.Decrypt(key, individual.SealedData, request.Id))!;
            return new IndividualView(request.Id, false, data.Personnummer, data.IsSamordningsnummer, data.Name, data.Phone, data.Email, data.Address);
        }

        /// <summary>The wrapped key, or null once shredded.</summary>
        public static async Task<byte[]?> WrappedKey(IDocumentStore store, Guid id, CancellationToken ct)
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"select wrapped_key from {AuditSchema.KeySchema}.individual_keys where individual_id = @id";
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
            return await command.ExecuteScalarAsync(ct) as byte[];
        }
    }
}
