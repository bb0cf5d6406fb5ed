using Hangfire;

namespace Finsam.Samordning.Api.Features.Webhooks;

/// <summary>
/// Sends the due deliveries of the outbox: each attempt is logged; a failure waits twice as long as
/// the one before (from <see cref="WebhookOptions.FirstRetryAfter"/>) and after
/// <see cref="WebhookOptions.MaxAttempts"/> the delivery is dead until an administrator replays it.
/// </summary>
public sealed class WebhookDispatcher(IDocumentStore store, IHttpClientFactory http, TimeProvider time, IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger)
{
    /// <summary>The named HTTP client.</summary>
    public const string Client = "webhooks";

    /// <summary>Sends every delivery due now; returns how many were attempted.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var due = await session.Query<WebhookDelivery>()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.CreatedAt).Take(200).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var subscriptionIds = due.Select(d => d.SubscriptionId).Distinct().ToArray();
        var subscriptions = (await session.LoadManyAsync<WebhookSubscription>(ct, subscriptionIds)).ToDictionary(s => s.Id);
        foreach (var delivery in due)
        {
            await Attempt(delivery, subscriptions.GetValueOrDefault(delivery.SubscriptionId), ct);
            session.Store(delivery);
        }

        await session.SaveChangesAsync(ct);
        return due.Count;
    }

    private async Task Attempt(WebhookDelivery delivery, WebhookSubscription? subscription, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        if (subscription is null || subscription.DeletedAt is not null || !subscription.Active)
        {
            // Written on a server whose subscription list was not yet refreshed, or replayed after the webhook went: not sent.
            delivery.Status = DeliveryStatus.Cancelled;
            delivery.CancelledAt = at;
            return;
        }

        int? status = null;
        string? error = null;
        try
        {
            var timestamp = at.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Payload, System.Text.Encoding.UTF8, "application/cloudevents+json"),
            };
            request.Headers.Add("webhook-id", delivery.Id.ToString());
            request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", WebhookMessage.Signature(subscription.Secret, delivery.Id.ToString(), timestamp, delivery.Payload));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await http.CreateClient(Client).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The type only: a message can quote the receiver's answer.
            error = ex.GetType().Name;
        }

        delivery.Attempts.Add(new DeliveryAttempt(at, status, error));
        if (status is >= 200 and < 300)
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = at;
            return;
        }

        delivery.Failures++;
        if (delivery.Failures >= options.Value.MaxAttempts)
        {
            delivery.Status = DeliveryStatus.Dead;
            logger.LogWarning("Webhook delivery {DeliveryId} moved to the dead letters after {Failures} attempts", delivery.Id, delivery.Failures);
            return;
        }

        var wait = options.Value.FirstRetryAfter * Math.Pow(2, delivery.Failures - 1);
        delivery.NextAttemptAt = at + (wait < options.Value.MaxRetryAfter ? wait : options.Value.MaxRetryAfter);
    }
}

/// <summary>The Hangfire job that sends due webhook deliveries.</summary>
/// <param name="dispatcher">The dispatcher.</param>
public sealed class WebhookDispatchJob(WebhookDispatcher dispatcher)
{
    /// <summary>Recurring job id.</summary>
    public const string Id = "webhook-dispatch";

    /// <summary>Sends what is due. One at a time across workers; our own back-off, not Hangfire's, decides the next attempt.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => dispatcher.RunDueAsync(ct);
}

/// <summary>
/// On the worker: looks for due deliveries every <see cref="WebhookOptions.PollInterval"/> and, when
/// there are any, triggers the Hangfire job, so a notice goes out within seconds of its commit, and
/// one whose process died between commit and sending goes out on the next look.
/// </summary>
public sealed class WebhookPump(IDocumentStore store, IRecurringJobManager jobs, TimeProvider time, IOptions<WebhookOptions> options,
    IOptions<FinsamOptions> roles, ILogger<WebhookPump> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        if (interval <= TimeSpan.Zero || !roles.Value.IsWorker)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = time.GetUtcNow();
                await using var session = store.QuerySession();
                if (await session.Query<WebhookDelivery>().AnyAsync(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now, stoppingToken))
                {
                    jobs.Trigger(WebhookDispatchJob.Id);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Webhook pump could not look for due deliveries: {Error}", ex.GetType().Name);
            }
        }
    }
}
