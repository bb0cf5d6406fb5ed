using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Finsam.Samordning.Api.Features.Webhooks;

/// <summary>The <c>Finsam:Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Finsam:Webhooks";

    /// <summary>Attempts before a delivery is moved to the dead letters.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the worker looks for due deliveries and hands them to Hangfire; zero turns the pump off.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a server keeps the list of subscriptions before reading it again.</summary>
    public TimeSpan DirectoryTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Cron of the recurring dispatch (the pump triggers it sooner when something is due).</summary>
    public string DispatchCron { get; set; } = "* * * * *";

    /// <summary>Accept <c>http://</c> endpoints on the loopback address (development and tests only).</summary>
    public bool AllowInsecureLoopback { get; set; }
}

/// <summary>A registered webhook: an endpoint of a party or the förbund that wants notices of some kinds.</summary>
public sealed class WebhookSubscription
{
    /// <summary>Subscription id.</summary>
    public Guid Id { get; set; }

    /// <summary>Whose notices it receives: the inbox key (a party code, or <c>forbund</c>).</summary>
    public string Inbox { get; set; } = "";

    /// <summary>The receiving endpoint.</summary>
    public string Url { get; set; } = "";

    /// <summary>Notice kinds it wants.</summary>
    public List<NoticeKind> Kinds { get; set; } = [];

    /// <summary>The HMAC-SHA256 key, base64; shown once, at registration.</summary>
    // Kept in the database: signing needs it. Guard it as the rest of the database.
    public string Secret { get; set; } = "";

    /// <summary>Who registered it.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether it receives notices; an inactive webhook gets no new deliveries and its pending ones are cancelled.</summary>
    public bool Active { get; set; } = true;

    /// <summary>When it was deleted. The row stays (secret wiped) so the delivery log still names where its deliveries went.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>When it was last changed (url, kinds, active, secret).</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Whether a notice of <paramref name="kind"/> in <paramref name="inbox"/> goes to this webhook now.</summary>
    public bool Receives(string inbox, NoticeKind kind) => Active && DeletedAt is null && Inbox == inbox && Kinds.Contains(kind);
}

/// <summary>Where a delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,
    /// <summary>Every attempt failed: moved to the dead letters until an administrator replays it.</summary>
    Dead,
    /// <summary>Its webhook was deleted or deactivated before it was sent: it will not be sent.</summary>
    Cancelled,
}

/// <summary>One attempt to deliver.</summary>
/// <param name="At">When.</param>
/// <param name="Status">The HTTP status answered, if any.</param>
/// <param name="Error">Why it failed without a status (the exception type; never a response body).</param>
public sealed record DeliveryAttempt(DateTimeOffset At, int? Status, string? Error);

/// <summary>
/// The outbox row of one notice for one subscription, written in the transaction of the change that
/// caused the notice. Its id is the CloudEvent's id: stable across retries and replays, so receivers
/// can drop duplicates.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>Delivery id, also the CloudEvent <c>id</c>.</summary>
    public Guid Id { get; set; }

    /// <summary>The subscription.</summary>
    public Guid SubscriptionId { get; set; }

    /// <summary>The notice's kind (for the log).</summary>
    public NoticeKind Kind { get; set; }

    /// <summary>The CloudEvent, structured JSON, exactly as sent each time.</summary>
    public string Payload { get; set; } = "";

    /// <summary>Status (indexed with <see cref="NextAttemptAt"/>: the dispatcher reads due rows).</summary>
    public DeliveryStatus Status { get; set; }

    /// <summary>Failed attempts since it was (re)queued.</summary>
    public int Failures { get; set; }

    /// <summary>When the next attempt is due.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When written.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the receiver accepted it.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>When it was cancelled (its webhook deleted or deactivated).</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Every attempt, oldest first.</summary>
    public List<DeliveryAttempt> Attempts { get; set; } = [];
}

/// <summary>The subscriptions, read at most once per <see cref="WebhookOptions.DirectoryTtl"/>: notices are written on every change.</summary>
/// <param name="store">The document store.</param>
/// <param name="time">The clock.</param>
/// <param name="options">Webhook options.</param>
public sealed class WebhookDirectory(IDocumentStore store, TimeProvider time, Microsoft.Extensions.Options.IOptions<WebhookOptions> options)
{
    private (DateTimeOffset Read, IReadOnlyList<WebhookSubscription> All)? _cache;

    /// <summary>Every subscription.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> AllAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache is { } c && now - c.Read < options.Value.DirectoryTtl && now >= c.Read)
        {
            return c.All;
        }

        await using var session = store.QuerySession();
        var all = await session.Query<WebhookSubscription>().Where(s => s.DeletedAt == null).ToListAsync(ct);
        _cache = (now, all);
        return all;
    }

    /// <summary>Forgets the cached list (after a registration on this server).</summary>
    public void Invalidate() => _cache = null;
}

/// <summary>CloudEvents 1.0 structured JSON and the HMAC-SHA256 signature (Standard Webhooks: <c>id.timestamp.body</c>).</summary>
public static class WebhookMessage
{
    /// <summary>The CloudEvent for a notice: ids, kinds and dates only.</summary>
    public static string CloudEvent(Guid deliveryId, Inbox.Notice notice) => new JsonObject
    {
        ["specversion"] = "1.0",
        ["id"] = deliveryId.ToString(),
        ["source"] = "/finsam/samordning",
        ["type"] = $"se.finsam.samordning.notice.{JsonNamingPolicy.KebabCaseLower.ConvertName(notice.Kind.ToString())}",
        // A kännedom notice is about a record before any case.
        ["subject"] = notice.CaseId == Guid.Empty ? $"awareness/{notice.EntryId}" : $"cases/{notice.CaseId}",
        ["time"] = notice.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["datacontenttype"] = "application/json",
        ["data"] = new JsonObject
        {
            ["noticeId"] = notice.Id.ToString(),
            ["caseId"] = notice.CaseId == Guid.Empty ? null : notice.CaseId.ToString(),
            ["kind"] = notice.Kind.ToString(),
            ["entryId"] = notice.EntryId?.ToString(),
            ["by"] = notice.Owner?.ToString(),
            ["rule"] = notice.Rule,
            ["on"] = notice.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        },
    }.ToJsonString();

    /// <summary><c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> under the subscription's secret.</summary>
    public static string Signature(string secret, string id, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    /// <summary>A new random secret (32 bytes, base64).</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
