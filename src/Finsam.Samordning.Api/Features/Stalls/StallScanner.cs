using System.Diagnostics;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Patching;

namespace Finsam.Samordning.Api.Features.Stalls;

/// <summary>What one scan did.</summary>
/// <param name="CasesExamined">Cases whose rules were evaluated.</param>
/// <param name="Raised">Flags raised.</param>
/// <param name="Cleared">Flags cleared.</param>
/// <param name="Conflicts">Cases another writer changed meanwhile; they stay due and the next scan looks again.</param>
/// <param name="FullSweep">Whether every open or flagged case was examined, not only the due ones.</param>
/// <param name="DurationMs">Wall time.</param>
public sealed record StallScanReport(int CasesExamined, int Raised, int Cleared, int Conflicts, bool FullSweep, long DurationMs);

/// <summary>
/// The stall scan. Reads only cases due by today (<see cref="CaseSummary.NextAttentionOn"/>, indexed),
/// in batches; evaluates the pure rules; appends raise/clear events with the version it read as the
/// expected version, so two scanners at once never raise the same flag twice; and writes back when
/// each case next needs attention.
/// </summary>
public sealed class StallScanner(IDocumentStore store, StallSettingsStore settingsStore, BusinessCalendar calendar, ILogger<StallScanner> logger)
{
    /// <summary>Cases read per round trip.</summary>
    public const int BatchSize = 500;

    /// <summary>Runs one scan: the due cases, or with <paramref name="fullSweep"/> every open or flagged case.</summary>
    public async Task<StallScanReport> RunAsync(bool fullSweep, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var today = calendar.Today;
        var settings = await settingsStore.GetAsync(ct);
        int examined = 0, raised = 0, cleared = 0, conflicts = 0;
        var after = Guid.Empty;
        while (true)
        {
            var batch = await NextBatch(fullSweep, today, after, ct);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].Id;
            examined += batch.Count;
            var changed = new List<(CaseSummary Case, IReadOnlyList<IFlagEvent> Events, DateOnly? Next)>();
            await using (var patches = store.LightweightSession())
            {
                foreach (var summary in batch)
                {
                    var findings = StallRules.Evaluate(summary.Facts, today, settings);
                    var events = StallScan.Decide(summary.Id, summary.OpenFlags, findings, today, Guid.CreateVersion7);
                    var next = StallRules.NextChange(summary.Facts, today, settings);
                    if (events.Count == 0)
                    {
                        Reschedule(patches, summary.Id, summary.Version, next);
                    }
                    else
                    {
                        changed.Add((summary, events, next));
                    }
                }

                await patches.SaveChangesAsync(ct);
            }

            foreach (var (summary, events, next) in changed)
            {
                if (await Apply(summary, events, next, ct))
                {
                    raised += events.Count(e => e is StallFlagRaised);
                    cleared += events.Count(e => e is StallFlagCleared);
                }
                else
                {
                    conflicts++;
                }
            }
        }

        var report = new StallScanReport(examined, raised, cleared, conflicts, fullSweep, clock.ElapsedMilliseconds);
        logger.LogInformation("Stall scan examined {Examined} cases, raised {Raised}, cleared {Cleared}, {Conflicts} conflicts, in {DurationMs} ms (full sweep: {FullSweep})",
            report.CasesExamined, report.Raised, report.Cleared, report.Conflicts, report.DurationMs, report.FullSweep);
        return report;
    }

    private async Task<IReadOnlyList<CaseSummary>> NextBatch(bool fullSweep, DateOnly today, Guid after, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        // Keyset pagination by id: a case that stays due (e.g. after a conflict) is not read twice in one run.
        return fullSweep
            ? await session.QueryAsync<CaseSummary>(
                "where (d.data ->> 'status' = 'Open' or (d.data ->> 'flagged')::boolean) and d.id > ? order by d.id limit ?",
                ct, after, BatchSize)
            : await session.QueryAsync<CaseSummary>(
                "where d.next_attention_on <= ? and d.id > ? order by d.id limit ?", ct, today, after, BatchSize);
    }

    private async Task<bool> Apply(CaseSummary summary, IReadOnlyList<IFlagEvent> events, DateOnly? next, CancellationToken ct)
    {
        try
        {
            await using (var session = store.LightweightSession())
            {
                session.LastModifiedBy = StallScan.System;
                session.SetHeader("userId", StallScan.System);
                // The version the decision was made on: if anyone appended since, this fails and nothing is raised twice.
                var stream = await session.Events.FetchForWriting<CaseState>(summary.Id, summary.Version, ct);
                stream.AppendMany(events.Cast<object>());
                await session.SaveChangesAsync(ct);
            }

            await using (var session = store.LightweightSession())
            {
                Reschedule(session, summary.Id, summary.Version + events.Count, next);
                await session.SaveChangesAsync(ct);
            }

            return true;
        }
        catch (Exception ex) when (ex is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            return false;
        }
    }

    // Only if nothing changed the case meanwhile: a newer version has made it due again, and must stay so.
    private static void Reschedule(IDocumentSession session, Guid id, long version, DateOnly? next) =>
        session.Patch<CaseSummary>(x => x.Id == id && x.Version == version).Set(x => x.NextAttentionOn, next);
}
