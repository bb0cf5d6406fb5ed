using Finsam.Samordning.Domain.Stalls;
using Marten;

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
