namespace Finsam.Samordning.Api.Infrastructure;

/// <summary>The <c>Finsam</c> configuration section.</summary>
public sealed class FinsamOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Finsam";

    /// <summary>Comma-separated roles of this process: <c>api</c>, <c>worker</c> or both.</summary>
    public string Roles { get; set; } = "api,worker";

    /// <summary>True when this process runs the Hangfire server.</summary>
    public bool IsWorker => HasRole("worker");

    /// <summary>Whether the roles list names <paramref name="role"/>.</summary>
    public bool HasRole(string role) =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(role, StringComparer.OrdinalIgnoreCase);

    /// <summary>How long an <c>Idempotency-Key</c> is remembered.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The time zone business dates are counted in.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";
}
