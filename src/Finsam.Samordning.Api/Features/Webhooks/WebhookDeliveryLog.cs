namespace Finsam.Samordning.Api.Features.Webhooks;

/// <summary>A delivery in the log, as an administrator reads it: where and how it went, not what case it was about.</summary>
/// <param name="Id">Delivery id (the CloudEvent id).</param>
/// <param name="SubscriptionId">Subscription.</param>
/// <param name="Inbox">Whose webhook.</param>
/// <param name="Url">Endpoint.</param>
/// <param name="Kind">Notice kind.</param>
/// <param name="Status">Pending, delivered or dead.</param>
/// <param name="Failures">Failed attempts since it was (re)queued.</param>
/// <param name="CreatedAt">When written.</param>
/// <param name="NextAttemptAt">When the next attempt is due (pending).</param>
/// <param name="DeliveredAt">When delivered.</param>
/// <param name="Attempts">Every attempt.</param>
public sealed record DeliveryLogItem(Guid Id, Guid SubscriptionId, string Inbox, string Url, NoticeKind Kind, DeliveryStatus Status, int Failures,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, IReadOnlyList<DeliveryAttempt> Attempts);

/// <summary>The webhook delivery log and replay, for administrators.</summary>
internal sealed class WebhookAdminEndpoints : IEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/admin/webhooks/deliveries", async (string? status, int? page, int? pageSize, IQuerySession session, CancellationToken ct) =>
            {
                var wanted = QueryEnum.Parse<DeliveryStatus>(status, "status");
                var paging = Paging.Of(page, pageSize);
                IQueryable<WebhookDelivery> query = session.Query<WebhookDelivery>();
                if (wanted is { } w)
                {
                    query = query.Where(d => d.Status == w);
                }

                var rows = await query.OrderByDescending(d => d.CreatedAt).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
                var subscriptions = (await session.LoadManyAsync<WebhookSubscription>(ct, rows.Select(r => r.SubscriptionId).Distinct().ToArray()))
                    .ToDictionary(s => s.Id);
                return TypedResults.Ok(rows.Select(r => Item(r, subscriptions.GetValueOrDefault(r.SubscriptionId))).ToList());
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("ListWebhookDeliveries")
            .WithTags("Webhooks")
            .WithSummary("The webhook delivery log")
            .WithDescription("Deliveries newest first, with every attempt (time, HTTP status or error type). status: pending, delivered or dead (the dead " +
                "letters). The log names the webhook and the notice kind, not the case. Administrators only.")
            .Produces<List<DeliveryLogItem>>()
            .ProducesProblems(StatusCodes.Status403Forbidden);
        api.MapPost("/admin/webhooks/deliveries/{deliveryId:guid}/replay", async (Guid deliveryId, IDocumentSession session, TimeProvider time,
                CancellationToken ct) =>
            {
                var delivery = await session.LoadAsync<WebhookDelivery>(deliveryId, ct) ?? throw new NotFoundException($"No webhook delivery {deliveryId}.");
                // The same event, the same id: a receiver that had it drops the duplicate.
                delivery.Status = DeliveryStatus.Pending;
                delivery.Failures = 0;
                delivery.NextAttemptAt = time.GetUtcNow();
                session.Store(delivery);
                await session.SaveChangesAsync(ct);
                var subscription = await session.LoadAsync<WebhookSubscription>(delivery.SubscriptionId, ct);
                return TypedResults.Ok(Item(delivery, subscription));
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("ReplayWebhookDelivery")
            .WithTags("Webhooks")
            .WithSummary("Replay a webhook delivery")
            .WithDescription("Queues a delivery again, delivered or dead, with a fresh budget of attempts. It is the same CloudEvent with the same id. " +
                "Administrators only.")
            .Produces<DeliveryLogItem>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static DeliveryLogItem Item(WebhookDelivery d, WebhookSubscription? s) =>
        new(d.Id, d.SubscriptionId, s?.Inbox ?? "", s?.Url ?? "", d.Kind, d.Status, d.Failures, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, d.Attempts);
}
