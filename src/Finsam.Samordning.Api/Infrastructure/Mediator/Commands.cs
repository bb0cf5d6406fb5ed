namespace Finsam.Samordning.Api.Infrastructure;

/// <summary>A command may carry the caller's <c>Idempotency-Key</c>.</summary>
public interface ICommandWithKey
{
    /// <summary>The <c>Idempotency-Key</c> header, if sent.</summary>
    string? IdempotencyKey { get; }
}

/// <summary>
/// A request that changes state. Its handler only appends to the scoped session; the unit of work
/// commits once, so one command is one transaction: all of its events or none.
/// </summary>
public interface ICommand<TResponse> : IRequest<TResponse>, ICommandWithKey;

/// <summary>
/// What a write is about, for the access log: declared by the command (or, where the id is made by
/// the command, by its response), so the log needs to know no request type. A read names its case
/// or person in its route (<c>/cases/{id}/…</c>, <c>/individuals/{id}</c>), which the access-log
/// middleware reads; a list states the cases it showed in <c>AccessContext</c>.
/// </summary>
public interface IAccessSubject
{
    /// <summary>The case, if the request is about one.</summary>
    Guid? SubjectCaseId => null;

    /// <summary>The individual, if the request is about one.</summary>
    Guid? SubjectIndividualId => null;
}
