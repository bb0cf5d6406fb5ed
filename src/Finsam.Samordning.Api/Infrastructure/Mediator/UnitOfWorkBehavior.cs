namespace Finsam.Samordning.Api.Infrastructure.Mediator;

/// <summary>
/// A command's one transaction: its handler appends to the request's session, the behaviours add
/// what must travel with it (the idempotency record, the access-log row), and one
/// <c>SaveChangesAsync</c> commits it all or nothing.
/// </summary>
/// <param name="session">The request's session.</param>
public sealed class CommandTransaction(IDocumentSession session)
{
    private readonly List<Action<object?>> _beforeCommit = [];

    /// <summary>Adds something to write with the command, made from its response.</summary>
    public void BeforeCommit(Action<object?> add) => _beforeCommit.Add(add);

    /// <summary>Adds what the behaviours asked for and commits.</summary>
    public async Task CommitAsync(object? response, CancellationToken ct)
    {
        _beforeCommit.ForEach(add => add(response));
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>Commits a command once its handler has run: one command, one transaction.</summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(CommandTransaction transaction) : IPipelineBehavior<TRequest, TResponse>
{
    /// <inheritdoc />
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>)
        {
            return await next();
        }

        var response = await next();
        await transaction.CommitAsync(response, cancellationToken);
        return response;
    }
}
