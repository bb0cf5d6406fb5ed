using MediatR;

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
