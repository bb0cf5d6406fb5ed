using System.Text.Json.Serialization;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Infrastructure.Errors;
using Finsam.Samordning.Api.Infrastructure.Http;
using Finsam.Samordning.Domain.Cases;
using JasperFx;
using Marten;
using MediatR;

namespace Finsam.Samordning.Api.Infrastructure.Cases;

/// <summary>What every write on a case carries besides its body.</summary>
/// <param name="ExpectedVersion">From <c>If-Match</c>; null appends to whatever version is current, still atomically.</param>
/// <param name="Caller">The authenticated caller.</param>
/// <param name="IdempotencyKey">From <c>Idempotency-Key</c>; not part of the request's fingerprint.</param>
public sealed record WriteContext(long? ExpectedVersion, CurrentUser Caller, [property: JsonIgnore] string? IdempotencyKey)
{
    /// <summary>The caller as a caseworker of a party; 403 for a caller without a party.</summary>
    [JsonIgnore]
    public Actor By => Caller.ToActor();

    /// <summary>The caller acting on flags: a party's caseworker or the förbund.</summary>
    [JsonIgnore]
    public FlagActor FlagActor => new(Caller.UserId, Caller.Party);
}

/// <summary>A command on an existing case.</summary>
public interface ICaseCommand : ICommand<CaseCommandResult>
{
    /// <summary>The case.</summary>
    Guid CaseId { get; }

    /// <summary>Headers and caller.</summary>
    WriteContext Write { get; }

    string? ICommandWithKey.IdempotencyKey => Write.IdempotencyKey;
}

/// <summary>The answer to a case write: the new version (also the <c>ETag</c>) and the id of any entry it created.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Version">Stream version after the write.</param>
/// <param name="Id">Id of the entry created (insats, referral, goal, ...), if any.</param>
public sealed record CaseCommandResult(Guid CaseId, long Version, Guid? Id);

/// <summary>What every case write works with: the request's session, and the sealer its free text passes through.</summary>
/// <param name="Session">The request's session; the unit of work commits it.</param>
/// <param name="Sealer">Seals free text before it is appended.</param>
public sealed record CaseWriter(IDocumentSession Session, Access.FreeTextSealer Sealer);

/// <summary>
/// The shape of every case write: fetch the decider's state for writing (checking <c>If-Match</c>),
/// decide, seal the free text, append. The unit of work commits.
/// </summary>
public abstract class CaseStreamHandler<TCommand>(CaseWriter writer) : IRequestHandler<TCommand, CaseCommandResult>
    where TCommand : ICaseCommand
{
    /// <inheritdoc />
    public async Task<CaseCommandResult> Handle(TCommand request, CancellationToken cancellationToken)
    {
        var stream = await Fetch(request, cancellationToken);
        var state = stream.Aggregate ?? throw NotFoundException.Case(request.CaseId);
        if (!request.Write.Caller.MayReach(state))
        {
            // To a party with no relation the case does not exist: the same answer as an unknown id.
            throw NotFoundException.Case(request.CaseId, refused: true);
        }

        var (decide, id) = Decision(request);
        IReadOnlyList<ICaseEvent> events;
        try
        {
            events = decide(state);
        }
        catch (CaseEntryNotFound missing)
        {
            throw new NotFoundException(missing.Message);
        }

        // The one place new case text is sealed: the events, every inline projection built from
        // them and the WAL only ever hold the sealed form.
        events = await writer.Sealer.SealAsync(writer.Session, request.CaseId, state.IndividualId, events, cancellationToken);
        stream.AppendMany(events.Cast<object>());
        return new CaseCommandResult(request.CaseId, (stream.StartingVersion ?? 0) + events.Count, id);
    }

    /// <summary>The decision for this request, and the id of the entry it creates or changes, if any.</summary>
    protected abstract (Func<CaseState, IReadOnlyList<ICaseEvent>> Decide, Guid? Id) Decision(TCommand request);

    private async Task<JasperFx.Events.IEventStream<CaseState>> Fetch(TCommand request, CancellationToken ct)
    {
        if (request.Write.ExpectedVersion is not { } expected)
        {
            // Without If-Match the caller asks for "append to whatever is current": lock the stream
            // row for this transaction so concurrent writers queue instead of failing.
            return await writer.Session.Events.FetchForExclusiveWriting<CaseState>(request.CaseId, ct);
        }

        try
        {
            return await writer.Session.Events.FetchForWriting<CaseState>(request.CaseId, expected, ct);
        }
        catch (ConcurrencyException)
        {
            // A missing case is a 404 whatever If-Match said, and so is a case the caller has no
            // relation to (a 412 would tell it the case exists); only for the others a newer case is a 412.
            var latest = await writer.Session.Events.FetchLatest<CaseState>(request.CaseId, ct) ?? throw NotFoundException.Case(request.CaseId);
            if (!request.Write.Caller.MayReach(latest))
            {
                throw NotFoundException.Case(request.CaseId, refused: true);
            }

            throw new PreconditionFailedException(
                $"The case is at version {latest.Version}, not {expected} as If-Match says. Read it again and retry.");
        }
    }
}

/// <summary>A case write decided by <see cref="CaseDecider"/>.</summary>
public abstract class CaseCommandHandler<TCommand>(CaseWriter writer) : CaseStreamHandler<TCommand>(writer)
    where TCommand : ICaseCommand
{
    /// <inheritdoc />
    protected sealed override (Func<CaseState, IReadOnlyList<ICaseEvent>> Decide, Guid? Id) Decision(TCommand request)
    {
        var (command, id) = ToDomain(request);
        return (state => CaseDecider.Decide(command, state), id);
    }

    /// <summary>The domain command for this request, and the id of the entry it creates, if any.</summary>
    protected abstract (CaseCommand Command, Guid? CreatedId) ToDomain(TCommand request);
}

/// <summary>A flag write decided by <see cref="FlagDecider"/>.</summary>
public abstract class FlagCommandHandler<TCommand>(CaseWriter writer) : CaseStreamHandler<TCommand>(writer)
    where TCommand : ICaseCommand
{
    /// <inheritdoc />
    protected sealed override (Func<CaseState, IReadOnlyList<ICaseEvent>> Decide, Guid? Id) Decision(TCommand request)
    {
        var (command, id) = ToDomain(request);
        return (state => FlagDecider.Decide(command, state), id);
    }

    /// <summary>The flag command for this request, and the flag's id.</summary>
    protected abstract (FlagCommand Command, Guid FlagId) ToDomain(TCommand request);
}

/// <summary>Endpoint plumbing shared by every case write.</summary>
public static class CaseWriteEndpoint
{
    /// <summary>Reads If-Match, the caller and Idempotency-Key, sends the command, answers 200 with the result and the new ETag.</summary>
    public static async Task<IResult> Send(HttpContext http, IMediator mediator, Func<WriteContext, ICaseCommand> create, CancellationToken ct)
    {
        var write = new WriteContext(
            http.Request.ExpectedVersion(),
            CurrentUser.From(http.User),
            http.Request.Headers["Idempotency-Key"].FirstOrDefault());
        var result = await mediator.Send(create(write), ct);
        http.Response.SetETag(result.Version);
        return TypedResults.Ok(result);
    }

    /// <summary>OpenAPI metadata common to case writes.</summary>
    public static RouteHandlerBuilder CaseWrite(this RouteHandlerBuilder builder, string name, string tag, string summary, string description,
        string policy = Policies.CaseWriter) =>
        builder.RequireAuthorization(policy)
            .WithName(name)
            .WithTags(tag)
            .WithSummary(summary)
            .WithDescription(description + " Send If-Match with the case's ETag to write only against that version (412 otherwise), " +
                "and Idempotency-Key to make a retry safe. Answers 200 with the new version and the ETag.")
            .Produces<CaseCommandResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>Who may write to a case at all: the relation rule, before any other.</summary>
public static class CaseReach
{
    /// <summary>
    /// A handläggare reaches a case only through their party's relation to it (a handläggare
    /// token with no party reaches none); the förbund's roles reach every case their policy lets them.
    /// </summary>
    public static bool MayReach(this CurrentUser caller, CaseState state) =>
        caller.Role != Roles.Handlaggare || (caller.Party is { } party && state.RelationOf(party) != RelationKind.None);
}
