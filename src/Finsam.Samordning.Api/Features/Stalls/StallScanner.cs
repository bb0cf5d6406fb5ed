using System.Diagnostics;
using Finsam.Samordning.Api.Features.Cases;
using JasperFx;

namespace Finsam.Samordning.Api.Features.Stalls;

/// <summary>What one scan did.</summary>
/// <param name="CasesExamined">Cases whose rules were evaluated.</param>
/// <param name="Raised">Flags raised.</param>
/// <param name="Cleared">Flags cleared.</param>
/// <param name="Conflicts">Cases another writer changed meanwhile; they stay due and the next scan looks again.</param>
/// <param name="FullSweep">Whether every open or flagged case was examined, not only the due ones.</param>
/// <param name="DurationMs">Wall time.</param>
/// <param name="ReadMs">Reading due ids and rows, summed over the batches (which run side by side).</param>
/// <param name="RulesMs">Evaluating the rules, summed over the batches.</param>
/// <param name="WriteMs">Appending flags and writing back next attention dates, summed over the batches.</param>
/// <param name="Notified">Time-driven notices written: plan actions coming due, kännedom records meeting NoAnswerBeforeCase.</param>
public sealed record StallScanReport(int CasesExamined, int Raised, int Cleared, int Conflicts, bool FullSweep, long DurationMs,
    long ReadMs = 0, long RulesMs = 0, long WriteMs = 0, int Notified = 0);

/// <summary>What the scan reads of a case: its file's facts, its open flags, and the versions they are of.</summary>
/// <param name="Id">Case id.</param>
/// <param name="Facts">What the rules judge.</param>
/// <param name="OpenFlags">Flags open now.</param>
/// <param name="Version">The case file's version (the stream version of the last event it folded): the reschedule lands only on it.</param>
/// <param name="StreamVersion">The stream's version, flags' events included: the flags are appended expecting it.</param>
public sealed record ScanRow(Guid Id, StallFacts Facts, IReadOnlyList<OpenFlag> OpenFlags, long Version, long StreamVersion);

/// <summary>
/// The stall scan. Reads only cases due by today (<see cref="CaseFile.NextAttentionOn"/>, indexed),
/// in batches; evaluates the pure rules; appends raise/clear events with the version it read as the
/// expected version, so two scanners at once never raise the same flag twice; and writes back when
/// each case next needs attention.
/// </summary>
public sealed class StallScanner(IDocumentStore store, StallSettingsStore settingsStore, BusinessCalendar calendar, ILogger<StallScanner> logger,
    Inbox.NoticeWriter? notices = null)
{
    /// <summary>Cases read per round trip.</summary>
    public const int BatchSize = 500;

    /// <summary>Cases whose flag events are appended in one transaction.</summary>
    public const int AppendChunk = 50;

    /// <summary>Batches in flight at once.</summary>
    public static readonly int Parallelism = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Runs one scan: the due cases, or with <paramref name="fullSweep"/> every open or flagged case.</summary>
    public async Task<StallScanReport> RunAsync(bool fullSweep, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var today = calendar.Today;
        // Sweeps owed by threshold changes (stored in each change's transaction), read before the
        // settings: the settings read next then include every change whose sweep this scan honours.
        var requested = await SweepRequests(ct);
        fullSweep |= requested.Count > 0;
        var settings = await settingsStore.GetAsync(ct);
        // First the ids (an index-only read on next_attention_on), then the rows in batches: the
        // cost follows the number of due cases, not the size of the store.
        var readIds = Stopwatch.StartNew();
        var due = await DueIds(fullSweep, today, ct);
        readIds.Stop();
        var tally = new Tally { ReadTicks = readIds.ElapsedTicks };
        // Batches touch disjoint cases, so they run side by side: while one waits for PostgreSQL to
        // write its flags, another reads or judges. The stopwatch figures are summed over batches.
        await Parallel.ForEachAsync(due.Chunk(BatchSize), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (ids, token) => await RunBatch(ids, today, settings, tally, token));

        // Only once every case has been judged: a scan that fails midway leaves the request for the next.
        await HonourRequests(requested, ct);
        tally.Notified += await NotifyAwareness(today, settings.For(StallRuleCodes.NoAnswerBeforeCase), ct);
        var report = new StallScanReport(tally.Examined, tally.Raised, tally.Cleared, tally.Conflicts, fullSweep, clock.ElapsedMilliseconds,
            Milliseconds(tally.ReadTicks), Milliseconds(tally.RulesTicks), Milliseconds(tally.WriteTicks), tally.Notified);
        logger.LogInformation("Stall scan examined {Examined} cases, raised {Raised}, cleared {Cleared}, {Conflicts} conflicts, in {DurationMs} ms (full sweep: {FullSweep})",
            report.CasesExamined, report.Raised, report.Cleared, report.Conflicts, report.DurationMs, report.FullSweep);
        Infrastructure.Observability.FinsamTelemetry.ScanFinished(clock.Elapsed, report.Raised, report.Cleared, fullSweep);
        return report;
    }

    private static long Milliseconds(long ticks) => ticks * 1000 / Stopwatch.Frequency;

    private async Task RunBatch(Guid[] ids, DateOnly today, StallSettings settings, Tally tally, CancellationToken ct)
    {
        var step = Stopwatch.StartNew();
        var batch = await Load(ids, ct);
        tally.Add(ref tally.ReadTicks, step);

        var changed = new List<(ScanRow Case, IReadOnlyList<IFlagEvent> Events, DateOnly? Next)>();
        var unchanged = new List<(Guid Id, long Version, DateOnly? Next)>();
        var comingDue = settings.For(StallRuleCodes.ActionComingDue);
        var timed = new List<Domain.Inbox.NoticeDraft>();
        foreach (var summary in batch)
        {
            var (findings, nextChange) = StallRules.Judge(summary.Facts, today, settings);
            var events = StallScan.Decide(summary.Id, summary.OpenFlags, findings, today, Guid.CreateVersion7);
            // The day an action comes due is a day to look again, so the incremental scan stays incremental.
            var next = StallScan.Earlier(StallScan.NextLook(nextChange, summary.OpenFlags, today),
                Domain.Inbox.TimedNotices.NextComingDue(summary.Facts, today, comingDue));
            timed.AddRange(Domain.Inbox.TimedNotices.ActionsComingDue(summary.Id, summary.Facts, today, comingDue));
            if (events.Count == 0)
            {
                unchanged.Add((summary.Id, summary.Version, next));
            }
            else
            {
                changed.Add((summary, events, next));
            }
        }

        tally.Add(ref tally.RulesTicks, step);
        // Before any next attention date moves past today: a crash in between writes nothing twice (the
        // notices' keys) and loses nothing (the case stays due).
        if (notices is not null)
        {
            Interlocked.Add(ref tally.Notified, await notices.StoreOnceAsync(store, timed, ct));
        }

        var (applied, lost) = await Apply(changed, ct);
        // After the flags: the file is at the version the decision was made on unless a caseworker
        // wrote meanwhile (then it stays due). A case whose flags were lost to a conflict stays due too.
        await Reschedule([.. unchanged, .. applied.Select(a => (a.Case.Id, a.Case.Version, a.Next))], ct);
        tally.Add(ref tally.WriteTicks, step);
        Interlocked.Add(ref tally.Examined, batch.Count);
        Interlocked.Add(ref tally.Raised, applied.Sum(c => c.Events.Count(e => e is StallFlagRaised)));
        Interlocked.Add(ref tally.Cleared, applied.Sum(c => c.Events.Count(e => e is StallFlagCleared)));
        Interlocked.Add(ref tally.Conflicts, lost);
    }

    // Counters shared by the batches of one scan.
    private sealed class Tally
    {
        public int Examined, Raised, Cleared, Conflicts, Notified;
        public long ReadTicks, RulesTicks, WriteTicks;

        // Adds the step's time so far to the counter and restarts the step.
        public void Add(ref long counter, Stopwatch step)
        {
            Interlocked.Add(ref counter, step.ElapsedTicks);
            step.Restart();
        }
    }

    // One round trip per batch, with the file's revision (mt_version) and the stream's version: the
    // optimistic checks below compare against exactly those.
    private async Task<IReadOnlyList<ScanRow>> Load(Guid[] ids, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            // Only the parts the rules read, not the whole file (the decider's state, the overview),
            // as two columns: building one object of them cost a third more of PostgreSQL's time.
            // The file is stored compressed out of line, and each `->` on the stored value fetches
            // and decompresses all of it again; `|| '{}'` in the inner query does that once per row
            // (a third less of PostgreSQL's time for the read), and `offset 0` keeps the planner
            // from folding the inner query back into two fetches.
            // The open flags are in the case's flags document (CaseFlags), small and stored in line.
            "select f.id, f.mt_version, f.data -> 'facts', g.data -> 'open', s.version " +
            "from (select d.id, d.mt_version, d.data || '{}'::jsonb as data " +
            $"from {PersistenceSetup.Schema}.mt_doc_casefile as d where d.id = any(@ids) offset 0) as f " +
            $"join {PersistenceSetup.Schema}.mt_streams as s on s.id = f.id " +
            $"left join {PersistenceSetup.Schema}.mt_doc_caseflags as g on g.id = f.id";
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", ids));
        var serializer = store.Options.Serializer();
        var result = new List<ScanRow>(ids.Length);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (id, version) = (reader.GetGuid(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
            var facts = serializer.FromJson<StallFacts>(reader, 2);
            var flags = await reader.IsDBNullAsync(3, ct) ? [] : serializer.FromJson<List<OpenFlag>>(reader, 3);
            result.Add(new ScanRow(id, facts, flags, version, reader.GetInt64(4)));
        }

        return result;
    }

    // Issue 14: NoAnswerBeforeCase reaches KAA's inbox once per kännedom record, when the rule starts to
    // hold. The records are few (before any case) and only those not yet converted are read.
    private async Task<int> NotifyAwareness(DateOnly today, RuleSettings rule, CancellationToken ct)
    {
        if (notices is null || !rule.Enabled)
        {
            return 0;
        }

        await using var session = store.QuerySession();
        var open = await session.Query<Awareness.AwarenessFile>().Where(a => a.State.CaseId == null).Select(a => a.State).ToListAsync(ct);
        var drafts = open.Select(r => Domain.Inbox.TimedNotices.NoAnswer(r, today, rule)).OfType<Domain.Inbox.NoticeDraft>().ToList();
        return await notices.StoreOnceAsync(store, drafts, ct);
    }

    private async Task<IReadOnlyList<Guid>> SweepRequests(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<StallSweepRequest>().Select(x => x.Id).ToListAsync(ct);
    }

    private async Task HonourRequests(IReadOnlyList<Guid> requested, CancellationToken ct)
    {
        if (requested.Count == 0)
        {
            return;
        }

        await using var session = store.LightweightSession();
        foreach (var id in requested)
        {
            session.Delete<StallSweepRequest>(id);
        }

        await session.SaveChangesAsync(ct);
    }

    private async Task<IReadOnlyList<Guid>> DueIds(bool fullSweep, DateOnly today, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        // The due cases, and those whose snoozed flags come back; in a full sweep also every open
        // case and every case with a flag open (a closed case's flags are cleared by the scan).
        var batch = session.CreateBatchQuery();
        var cases = (fullSweep
                ? batch.Query<CaseFile>().Where(x => x.Overview.Status == CaseStatus.Open || (x.NextAttentionOn != null && x.NextAttentionOn <= today))
                : batch.Query<CaseFile>().Where(x => x.NextAttentionOn != null && x.NextAttentionOn <= today))
            .Select(x => x.Id).ToList();
        var flagged = (fullSweep
                ? batch.Query<Flags.CaseFlags>().Where(x => x.Flagged || (x.WakesOn != null && x.WakesOn <= today))
                : batch.Query<Flags.CaseFlags>().Where(x => x.WakesOn != null && x.WakesOn <= today))
            .Select(x => x.Id).ToList();
        await batch.Execute(ct);
        return [.. (await cases).Union(await flagged)];
    }

    private async Task<(List<(ScanRow Case, IReadOnlyList<IFlagEvent> Events, DateOnly? Next)> Applied, int Conflicts)> Apply(
        List<(ScanRow Case, IReadOnlyList<IFlagEvent> Events, DateOnly? Next)> changed, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return ([], 0);
        }

        var applied = new List<(ScanRow Case, IReadOnlyList<IFlagEvent> Events, DateOnly? Next)>(changed.Count);
        var conflicts = 0;
        // A transaction per few cases, not per batch: Marten's unit of work checks each stored document
        // against every operation queued before it, so a session's cost grows with the square of its
        // operations, and a full sweep queues some 18 per case (flag events, review entries, notices).
        foreach (var part in changed.Chunk(AppendChunk))
        {
            if (await Append(part, ct))
            {
                applied.AddRange(part);
                continue;
            }

            // Someone else wrote to one of the cases meanwhile (another scanner, a handläggare): the
            // part rolled back whole, so append case by case and skip those that moved on.
            foreach (var one in part)
            {
                if (await Append([one], ct))
                {
                    applied.Add(one);
                }
                else
                {
                    conflicts++;
                }
            }
        }

        return (applied, conflicts);
    }

    private async Task<bool> Append(IEnumerable<(ScanRow Case, IReadOnlyList<IFlagEvent> Events, DateOnly? Next)> cases, CancellationToken ct)
    {
        try
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = StallScan.System;
            session.SetHeader("userId", StallScan.System);
            foreach (var (summary, events, _) in cases)
            {
                // Expected version after the append: if anyone appended since the summary was read,
                // this fails and nothing is raised twice.
                session.Events.Append(summary.Id, summary.StreamVersion + events.Count, events.Cast<object>().ToArray());
                await Notify(session, summary, events, ct);
            }

            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            return false;
        }
    }

    // Issue 14: a raised flag reaches the inboxes of the parties on the case and the förbund, in the
    // transaction that raises it (a rolled-back batch takes its notices with it).
    private async Task Notify(IDocumentSession session, ScanRow row, IReadOnlyList<IFlagEvent> events, CancellationToken ct)
    {
        if (notices is null)
        {
            return;
        }

        var onCase = row.Facts.Parties.Where(p => p.LeftOn is null).Select(p => p.Party).ToList();
        var drafts = Domain.Inbox.Notices.For(events, onCase, actor: null, row.Facts.AnsweringFor);
        await notices.StoreAsync(session, drafts, party => party is null || onCase.Contains(party.Value) ? RelationKind.Member : RelationKind.None,
            row.Facts.Consents, _ => null, ct);
    }

    /// <summary>
    /// Writes each case's next attention date in one statement per batch, and only where the case is
    /// still at the version the decision was made on: a newer version has made it due again and
    /// must stay so. Only the indexed column changes: the document is not rewritten.
    /// </summary>
    private async Task Reschedule(IReadOnlyList<(Guid Id, long Version, DateOnly? Next)> cases, CancellationToken ct)
    {
        if (cases.Count == 0)
        {
            return;
        }

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"update {PersistenceSetup.Schema}.mt_doc_casefile as d " +
            "set next_attention_on = v.next " +
            "from unnest(@ids, @versions, @nexts) as v(id, version, next) " +
            "where d.id = v.id and d.mt_version = v.version";
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. cases.Select(c => c.Id)]));
        command.Parameters.Add(new NpgsqlParameter<long[]>("versions", [.. cases.Select(c => c.Version)]));
        command.Parameters.Add(new NpgsqlParameter<DateOnly?[]>("nexts", [.. cases.Select(c => c.Next)]));
        await command.ExecuteNonQueryAsync(ct);
    }
}
