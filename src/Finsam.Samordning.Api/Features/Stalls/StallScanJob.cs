namespace Finsam.Samordning.Api.Features.Stalls;

/// <summary>The Hangfire job around <see cref="StallScanner"/>: one job per scan, working in batches.</summary>
public sealed class StallScanJob(StallScanner scanner)
{
    /// <summary>Recurring job id.</summary>
    public const string Id = "stall-scan";

    /// <summary>Scans the cases that are due.</summary>
    public Task<StallScanReport> RunAsync(CancellationToken cancellationToken) => scanner.RunAsync(fullSweep: false, cancellationToken);

    /// <summary>Scans every open or flagged case. Kept so full-sweep jobs queued by earlier versions still run; a threshold change now owes its sweep through <see cref="StallSweepRequest"/>.</summary>
    public Task<StallScanReport> RunFullSweepAsync(CancellationToken cancellationToken) => scanner.RunAsync(fullSweep: true, cancellationToken);
}
