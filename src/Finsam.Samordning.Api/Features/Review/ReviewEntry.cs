using Marten.Events.Projections;

namespace Finsam.Samordning.Api.Features.Review;

/// <summary>
/// One open flag, as the review queue filters, sorts and pages it in the database. Holds only what is
/// never withheld (rule, severity, dates, whether acknowledged); the flag's texts stay in the case
/// file and are shown through the secrecy module for the page's cases only.
/// </summary>
public sealed record ReviewEntry
{
    /// <summary>The flag id.</summary>
    public Guid Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>Rule code, or <c>ManualConcern</c>.</summary>
    public string Rule { get; init; } = "";

    /// <summary>Severity.</summary>
    public FlagSeverity Severity { get; init; }

    /// <summary>The severity's rank, most severe highest: the queue sorts on it (the enum is stored as its name).</summary>
    public int SeverityRank { get; init; }

    /// <summary>Business date raised.</summary>
    public DateOnly RaisedOn { get; init; }

    /// <summary>Whether someone has acknowledged it.</summary>
    public bool Acknowledged { get; init; }

    /// <summary>Out of the queue until this day, if the acknowledgement snoozed it.</summary>
    public DateOnly? SnoozedUntil { get; init; }

    /// <summary>Inline projection: an entry per open flag, removed when the flag is cleared.</summary>
    public sealed class Projection : MultiStreamProjection<ReviewEntry, Guid>
    {
        /// <summary>Flags are keyed by their own id across their life.</summary>
        public Projection() => Identity<IFlagEvent>(e => e.FlagId);

        /// <inheritdoc />
        public override ReviewEntry? Evolve(ReviewEntry? entry, Guid id, IEvent e) => e.Data switch
        {
            StallFlagRaised raised => new ReviewEntry
            {
                Id = raised.FlagId, CaseId = raised.CaseId, Rule = raised.Rule, Severity = raised.Severity,
                SeverityRank = (int)raised.Severity, RaisedOn = raised.RaisedOn,
            },
            StallFlagAcknowledged acknowledged when entry is not null => entry with { Acknowledged = true, SnoozedUntil = acknowledged.SnoozedUntil },
            StallFlagCleared => null,
            _ => entry,
        };
    }
}
