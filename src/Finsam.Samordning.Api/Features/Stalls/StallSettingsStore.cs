using Hangfire;

namespace Finsam.Samordning.Api.Features.Stalls;

/// <summary>The thresholds an administrator has set, stored so every API and worker process uses the same.</summary>
public sealed class StallSettingsDocument
{
    /// <summary>The one document's id.</summary>
    public const string CurrentId = "current";

    /// <summary>Always <see cref="CurrentId"/>.</summary>
    public string Id { get; set; } = CurrentId;

    /// <summary>Rule settings by code.</summary>
    public Dictionary<string, RuleSettings> Rules { get; set; } = [];

    /// <summary>When last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who last changed them.</summary>
    public string UpdatedBy { get; set; } = "";
}

/// <summary>
/// The effective stall settings: design §6 defaults, overlaid by configuration
/// (<c>Finsam:StallRules:{Rule}:Enabled|Days|Count</c>), overlaid by what an administrator stored.
/// </summary>
public sealed class StallSettingsStore(IDocumentStore store, IConfiguration configuration)
{
    /// <summary>Defaults with configuration applied.</summary>
    public StallSettings Configured()
    {
        var section = configuration.GetSection("Finsam:StallRules");
        var changes = new Dictionary<string, RuleSettings>();
        foreach (var rule in StallRuleCodes.All)
        {
            var s = section.GetSection(rule);
            if (!s.Exists())
            {
                continue;
            }

            var d = StallSettings.Defaults.For(rule);
            changes[rule] = new RuleSettings(s.GetValue("Enabled", d.Enabled), s.GetValue("Days", d.Days), s.GetValue("Count", d.Count));
        }

        return StallSettings.Defaults.With(changes);
    }

    /// <summary>The settings in force now.</summary>
    public async Task<StallSettings> GetAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var stored = await session.LoadAsync<StallSettingsDocument>(StallSettingsDocument.CurrentId, ct);
        return stored is null ? Configured() : Configured().With(stored.Rules);
    }
}

/// <summary>
/// A full sweep owed after a threshold change: stored in the change's own transaction (an outbox
/// row), so a crash after the commit cannot lose it. Every scan, scheduled or run by hand, turns
/// into a full sweep while such rows exist and deletes the ones it has honoured when it is done.
/// </summary>
public sealed class StallSweepRequest
{
    /// <summary>Document id.</summary>
    public Guid Id { get; set; }

    /// <summary>When the change that needs the sweep was stored.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Who made it.</summary>
    public string RequestedBy { get; set; } = "";
}

/// <summary>
/// Asks for an owed sweep to run now rather than at the next scheduled scan. Only a prompt: the
/// request is already committed with the change, so a prompt that never happens (a crash, a
/// failure to enqueue) delays the sweep to the next scan and loses nothing.
/// </summary>
public interface IStallSweepPrompt
{
    /// <summary>Queues a scan soon; it will honour every owed sweep.</summary>
    void Prompt();
}

/// <summary>Prompts through Hangfire: a scan job on the queue, run by whichever worker is free.</summary>
public sealed class HangfireStallSweepPrompt(IBackgroundJobClient jobs) : IStallSweepPrompt
{
    /// <inheritdoc />
    public void Prompt() => jobs.Enqueue<StallScanJob>(job => job.RunAsync(CancellationToken.None));
}
