using Finsam.Samordning.Domain.Cases;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Finsam.Samordning.Api.Infrastructure.Persistence;

/// <summary>
/// Keeps the decider's <see cref="CaseState"/> as an inline snapshot, so <c>FetchForWriting</c>
/// reads one row instead of replaying the stream. The folding itself is the domain's pure
/// <see cref="CaseState.Evolve"/>.
/// </summary>
public sealed class CaseStateProjection : SingleStreamProjection<CaseState, Guid>
{
    /// <inheritdoc />
    public override CaseState? Evolve(CaseState? snapshot, Guid id, IEvent e) => CaseState.Evolve(snapshot, e.Data);
}
