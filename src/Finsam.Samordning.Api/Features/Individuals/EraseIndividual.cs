using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Access;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Infrastructure.Errors;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Individuals;

/// <summary>The erasure's result.</summary>
/// <param name="Id">Individual id.</param>
/// <param name="ErasedAt">When.</param>
public sealed record IndividualErased(Guid Id, DateTimeOffset ErasedAt);

/// <summary>Erase an individual by deleting their key (crypto-shredding).</summary>
/// <param name="Id">Individual id.</param>
/// <param name="IdempotencyKey">Idempotency-Key.</param>
public sealed record EraseIndividual(Guid Id, string? IdempotencyKey) : ICommand<IndividualErased>
{
    /// <summary>Endpoint.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/individuals/{id:guid}/erase",
                async (Guid id, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new EraseIndividual(id, idempotencyKey), ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("EraseIndividual")
            .WithTags("Individuals")
            .WithSummary("Erase an individual")
            .WithDescription("Deletes the person's key: their personnummer, name and contact details become unreadable everywhere, backups included " +
                "(the key store is kept apart from the data and its backups). Cases and their events stay, so the statistics still count them. Administrators only.")
            .Produces<IndividualErased>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Deletes the key and the look-up hash in one transaction.</summary>
    public sealed class Handler(IDocumentSession session, BusinessCalendar calendar) : IRequestHandler<EraseIndividual, IndividualErased>
    {
        /// <inheritdoc />
        public async Task<IndividualErased> Handle(EraseIndividual request, CancellationToken cancellationToken)
        {
            var individual = await session.LoadAsync<Individual>(request.Id, cancellationToken)
                ?? throw new NotFoundException($"No individual with id {request.Id}.");
            if (individual.ErasedAt is { } already)
            {
                return new IndividualErased(request.Id, already);
            }

            individual.ErasedAt = calendar.Now;
            individual.LookupHash = null;
            // The sealed bytes are useless without the key; blanking them too leaves nothing to attack.
            individual.SealedData = [];
            session.Store(individual);
            session.QueueSqlCommand($"delete from {AuditSchema.KeySchema}.individual_keys where individual_id = ?", request.Id);
            return new IndividualErased(request.Id, individual.ErasedAt.Value);
        }
    }
}
