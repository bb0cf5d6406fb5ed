using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Individuals;

/// <summary>The erasure's result.</summary>
/// <param name="Id">Individual id.</param>
/// <param name="ErasedAt">When.</param>
public sealed record IndividualErased(Guid Id, DateTimeOffset ErasedAt);

/// <summary>Erase an individual by deleting their key (crypto-shredding).</summary>
/// <param name="Id">Individual id.</param>
/// <param name="IdempotencyKey">Idempotency-Key.</param>
public sealed record EraseIndividual(Guid Id, string? IdempotencyKey) : ICommand<IndividualErased>, IAccessSubject
{
    Guid? IAccessSubject.SubjectIndividualId => Id;

    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapPost("/individuals/{id:guid}/erase",
                async (Guid id, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new EraseIndividual(id, idempotencyKey), ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("EraseIndividual")
            .WithTags("Individuals")
            .WithSummary("Erase an individual")
            .WithDescription("Deletes the person's keys: their personnummer, name and contact details, and the free text of their cases " +
                "(notes, reasons, needs, goals, actions, SIP decisions), become unreadable everywhere, backups included " +
                "(the key store is kept apart from the data and its backups); such text then reads as \"[raderad / erased]\". " +
                "Any id of the person erases every party's enrolment of them, since they are one person. " +
                "Cases and their events stay, with their entries, dates and counts, so the statistics still count them. Administrators only.")
            .Produces<IndividualErased>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Deletes the keys, look-up hashes and links of every enrolment of the person (first, in the key store), then marks the enrolments erased.</summary>
    internal sealed class Handler(IDocumentSession session, KeyStore store, BusinessCalendar calendar) : IRequestHandler<EraseIndividual, IndividualErased>
    {
        public async Task<IndividualErased> Handle(EraseIndividual request, CancellationToken cancellationToken)
        {
            var individual = await session.LoadAsync<Individual>(request.Id, cancellationToken)
                ?? throw new NotFoundException(IndividualAccess.NotFound(request.Id));
            // Every party's enrolment of the person: they are one person, and erasure is of the person.
            var person = await IndividualKeys.PersonOfAsync(store, request.Id, cancellationToken);
            if (individual.ErasedAt is { } already && person.Count == 0)
            {
                return new IndividualErased(request.Id, already);
            }

            var now = calendar.Now;
            var enrolments = await session.LoadManyAsync<Individual>(cancellationToken, [.. person.Append(request.Id).Distinct()]);
            foreach (var enrolment in enrolments.Where(e => e.ErasedAt is null))
            {
                enrolment.ErasedAt = now;
                // The sealed bytes are useless without the key; blanking them too leaves nothing to attack.
                enrolment.SealedData = [];
                session.Store(enrolment);
            }

            // The keys go first, in the key store: from then on the person reads as erased
            // everywhere, even if marking the enrolments below does not commit (a repeated erase
            // marks the one it names).
            await IndividualKeys.DeleteAsync(store, person, cancellationToken);
            return new IndividualErased(request.Id, individual.ErasedAt ?? now);
        }
    }
}
