using Finsam.Samordning.Api.Features.Cases;
using Marten.Events;
using Marten.Events.Aggregation;

namespace Finsam.Samordning.Api.Features.Flags;

/// <summary>
/// A case's flags, in a small document of their own beside the case file (same id): the open flags,
/// which the overview, the review queue and the flag commands read, and every flag's dates, which the
/// indicator tables count. Folded from the flag events of the case's stream.
/// </summary>
// Why not in the case file: the stall scan raises and clears flags on thousands of cases at a time,
// and with flags in the case file each of those appends loaded and rewrote the whole file (8 kB of
// JSON) for a change of a few hundred bytes. A flag is the förbund's finding about a case, not a fact
// of it: it changes neither the decider's other state, nor the stall facts, nor the case's ETag.
public sealed record CaseFlags
{
    /// <summary>The case id (the stream's).</summary>
    public Guid Id { get; init; }

    /// <summary>Flags open now, in the order raised.</summary>
    public IReadOnlyList<OpenFlag> Open { get; init; } = [];

    /// <summary>Every flag the case has had, with the day raised and cleared: what the indicator tables count.</summary>
    public IReadOnlyList<FlagFacts> History { get; init; } = [];

    /// <summary>Whether any flag is open.</summary>
    // Only in its own column (lists and the full sweep filter on it), not in the JSON.
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Flagged => Open.Count > 0;

    /// <summary>The first day a snoozed flag of a rule comes back: the scan looks at the case that day (the file's own day does not know of it).</summary>
    // In its indexed column only. An acknowledgement with a snooze does not touch the case file, so
    // the case's next attention date, reckoned before it, may lie after the snooze ends.
    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly? WakesOn => Open.Where(f => !f.IsManual && f.SnoozedUntil is not null).Min(f => f.SnoozedUntil);

    /// <summary>The flags' follow-up facts packed as <see cref="FollowUpPack"/>, read with the case file's pack by the indicator tables.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[] FollowUpPack => Domain.FollowUp.FollowUpPack.Write(new FollowUpFacts { CaseId = Id, Flags = History });

    /// <summary>The flag event types: the only events this document folds, and the ones the case file leaves out.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = [.. CaseEventTypes.All.Where(t => typeof(IFlagEvent).IsAssignableFrom(t))];

    /// <summary>Folds one flag event.</summary>
    public static CaseFlags Project(CaseFlags? flags, Guid caseId, IFlagEvent @event)
    {
        var current = flags ?? new CaseFlags { Id = caseId };
        return current with { Open = OpenFlags.Apply(current.Open, @event), History = FlagFacts.Apply(current.History, @event) };
    }

    /// <summary>The open flags by id, as the decider's state holds them.</summary>
    public IReadOnlyDictionary<Guid, OpenFlag> ById() => Open.ToDictionary(f => f.Id);

    /// <summary>The case's overview with its open flags, in one round trip; null for an unknown case.</summary>
    public static async Task<CaseOverview?> OverviewAsync(IQuerySession session, Guid caseId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        // Only the overview part of the case file (data -> 'overview'), not the decider's state or the facts.
        var overview = batch.Query<CaseFile>().Where(f => f.Id == caseId).Select(f => f.Overview).ToList();
        var flags = batch.Load<CaseFlags>(caseId);
        await batch.Execute(ct);
        // The file's overview holds no flags: they are the ones of this document.
        return (await overview).FirstOrDefault() is { } found ? found with { Flags = (await flags)?.Open ?? [] } : null;
    }

    /// <summary>
    /// Brings a store written before flags had a document of their own up to date: refolds the flags document of
    /// every case stream with flag events appended since the last run (the first run: all of them). Run by
    /// <c>migrate</c> after the schema; it remembers how far it got, so a later run reads only what came since.
    /// </summary>
    // Without it, a case flagged before the upgrade would show no flags, and the next scan would raise each of
    // them again as new (with new notices). Incremental rather than once: flags the earlier release's replicas
    // write during a rollout are folded by the next `migrate`; refolding a stream kept already changes nothing.
    public static async Task BackfillAsync(IDocumentStore store, Action<string> log, CancellationToken ct)
    {
        IReadOnlyList<Guid> streams;
        long since, settled;
        await using (var session = store.QuerySession())
        {
            since = (await session.LoadAsync<Backfilled>(Backfilled.Key, ct))?.Sequence ?? 0;
            // The mark: the last event appended 5 minutes ago (longer than any transaction appending flags). An open
            // transaction (a replica during the rollout) may hold a lower sequence than the highest visible and commit
            // later; what lies above the mark is read again by the next run.
            var cutOff = DateTimeOffset.UtcNow.AddMinutes(-5);
            settled = await session.Events.QueryAllRawEvents().Where(e => e.Timestamp < cutOff)
                .OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefaultAsync(ct);
            Type[] types = [.. EventTypes];
            streams = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > since && e.EventTypesAre(types))
                .Select(e => e.StreamId).Distinct().ToListAsync(ct);
        }

        if (streams.Count > 0)
        {
            log($"migrate: folding the flags of {streams.Count} cases into their own documents");
        }

        foreach (var id in streams)
        {
            await store.Advanced.RebuildSingleStreamAsync<CaseFlags>(id, ct);
        }

        await using var done = store.LightweightSession();
        done.Store(new Backfilled(Backfilled.Key, Math.Max(since, settled)));
        await done.SaveChangesAsync(ct);
    }

    /// <summary>How far <see cref="BackfillAsync"/> has folded.</summary>
    /// <param name="Id">Always <see cref="Key"/>.</param>
    /// <param name="Sequence">The event sequence number up to which every flag event is folded.</param>
    public sealed record Backfilled(string Id, long Sequence)
    {
        /// <summary>The mark's id.</summary>
        public const string Key = "case-flags";
    }

    /// <summary>Inline projection of a case stream's flag events.</summary>
    public sealed class Projection : SingleStreamProjection<CaseFlags, Guid>
    {
        /// <summary>Declares the flag events as the only ones this projection folds.</summary>
        public Projection()
        {
            foreach (var type in EventTypes)
            {
                IncludeType(type);
            }
        }

        /// <inheritdoc />
        public override CaseFlags? Evolve(CaseFlags? snapshot, Guid id, IEvent e) =>
            e.Data is IFlagEvent flag ? Project(snapshot, id, flag) : snapshot;
    }
}
