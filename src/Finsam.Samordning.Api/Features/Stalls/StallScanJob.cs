namespace Finsam.Samordning.Api.Features.Stalls;

/// <summary>The Hangfire job around <see cref="StallScanner"/>: one job per scan, working in batches.</summary>
public sealed class StallScanJob(StallScanner scanner)
{
    /// <summary>Recurring job id.</summary>
    public const string Id = "stall-scan";

    /// <summary>Scans the cases that are due.</summary>
    public Task<StallScanReport> RunAsync(CancellationToken cancellationToken) => scanner.RunAsync(fullSweep: false, cancellationToken);
}
