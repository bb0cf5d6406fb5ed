namespace Finsam.Samordning.Api.Features.Webhooks;

/// <summary>What is done to a registered webhook.</summary>
public enum WebhookChangeKind
{
    /// <summary>New url, kinds or active switch (PUT).</summary>
    Update,
    /// <summary>Deleted (DELETE).</summary>
    Delete,
    /// <summary>A new signing secret (rotate-secret).</summary>
    RotateSecret,
}

/// <summary>
/// A change to one of the caller's webhooks. Only the inbox that registered it (the party's
/// handläggare, or the samverkansledare for the förbund's) may touch it; to anyone else it does not exist (404).
/// </summary>
/// <param name="Id">The webhook.</param>
/// <param name="Change">What is done.</param>
/// <param name="Url">For an update: the endpoint.</param>
/// <param name="Kinds">For an update: the notice kinds.</param>
/// <param name="Active">For an update: whether it receives notices.</param>
/// <param name="Caller">Who changes it.</param>
public sealed record ChangeWebhook(Guid Id, WebhookChangeKind Change, string? Url, IReadOnlyList<NoticeKind>? Kinds, bool? Active, CurrentUser Caller)
    : ICommand<WebhookView>, IAccessSubject
{
    /// <inheritdoc />
    // Not taken: a repeated PUT or DELETE does the same again, and a rotation's answer holds a secret that must not be stored for replay.
    public string? IdempotencyKey => null;

    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api)
        {
            api.MapPut("/webhooks/{id:guid}", (Guid id, UpdateWebhookRequest body, HttpContext http, IMediator mediator, WebhookDirectory directory,
                    CancellationToken ct) => Send(new ChangeWebhook(id, WebhookChangeKind.Update, body.Url, body.Kinds, body.Active, CurrentUser.Of(http)), mediator, directory, ct))
                .RequireAuthorization(Policies.Review)
                .WithName("UpdateWebhook")
                .WithTags("Webhooks")
                .WithSummary("Change a webhook")
                .WithDescription("Replaces a webhook's url, notice kinds and active switch. active: false pauses it: no new deliveries are written for it " +
                    "and its pending ones are cancelled (shown as cancelled in the delivery log), as at a delete. Only the inbox that registered it may " +
                    "change it (a party's handläggare, or a samverkansledare for the förbund's); to anyone else it answers 404 as an unknown id. " +
                    "Other servers see the change within Finsam:Webhooks:DirectoryTtl (30 s); what they write meanwhile is cancelled when it is due.")
                .Accepts<UpdateWebhookRequest>("application/json")
                .Produces<WebhookView>()
                .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
            api.MapDelete("/webhooks/{id:guid}", async (Guid id, HttpContext http, IMediator mediator, WebhookDirectory directory, CancellationToken ct) =>
                {
                    await Send(Other(id, WebhookChangeKind.Delete, http), mediator, directory, ct);
                    return TypedResults.NoContent();
                })
                .RequireAuthorization(Policies.Review)
                .WithName("DeleteWebhook")
                .WithTags("Webhooks")
                .WithSummary("Delete a webhook")
                .WithDescription("Deletes a webhook: no more deliveries are written for it, and its pending ones are not sent (they are marked cancelled " +
                    "in the delivery log, which keeps naming the webhook). Its secret is wiped. Only the inbox that registered it may delete it; to " +
                    "anyone else, and once deleted, it answers 404.")
                .Produces(StatusCodes.Status204NoContent)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound);
            api.MapPost("/webhooks/{id:guid}/rotate-secret", (Guid id, HttpContext http, IMediator mediator, WebhookDirectory directory,
                    CancellationToken ct) => Send(Other(id, WebhookChangeKind.RotateSecret, http), mediator, directory, ct))
                .RequireAuthorization(Policies.Review)
                .WithName("RotateWebhookSecret")
                .WithTags("Webhooks")
                .WithSummary("Give a webhook a new signing secret")
                .WithDescription("Makes a new HMAC-SHA256 signing secret and answers it, once (it is never shown again). Every delivery sent from now " +
                    "on, retries and replays of earlier ones included, is signed with the new secret; the old one no longer verifies. Only the inbox " +
                    "that registered the webhook may rotate it; to anyone else it answers 404.")
                .Produces<WebhookView>()
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound);
        }

        private static ChangeWebhook Other(Guid id, WebhookChangeKind change, HttpContext http) => new(id, change, null, null, null, CurrentUser.Of(http));

        private static async Task<IResult> Send(ChangeWebhook command, IMediator mediator, WebhookDirectory directory, CancellationToken ct)
        {
            // Before validation: a caller with no inbox is refused whatever it sent.
            RegisterWebhook.Owner(command.Caller);
            var view = await mediator.Send(command, ct);
            // After the commit: this server's next notice sees the change.
            directory.Invalidate();
            return TypedResults.Ok(view);
        }
    }

    internal sealed class Validator : AbstractValidator<ChangeWebhook>
    {
        public Validator(IOptions<WebhookOptions> options) =>
            When(c => c.Change == WebhookChangeKind.Update, () =>
            {
                RegisterWebhook.Target(this, c => c.Url, c => c.Kinds, options.Value.AllowInsecureLoopback);
                RuleFor(c => c.Active).NotNull().WithMessage("active must be true or false.");
            });
    }

    internal sealed class Handler(IDocumentSession session, TimeProvider time) : IRequestHandler<ChangeWebhook, WebhookView>
    {
        public async Task<WebhookView> Handle(ChangeWebhook request, CancellationToken cancellationToken)
        {
            var inbox = RegisterWebhook.Owner(request.Caller);
            var subscription = await session.LoadAsync<WebhookSubscription>(request.Id, cancellationToken);
            if (subscription is null || subscription.Inbox != inbox || subscription.DeletedAt is not null)
            {
                // Another inbox's webhook is not the caller's business: it answers as an unknown id.
                throw new NotFoundException($"No webhook {request.Id}.", refused: subscription is not null && subscription.DeletedAt is null);
            }

            var now = time.GetUtcNow();
            string? secret = null;
            switch (request.Change)
            {
                case WebhookChangeKind.Update:
                    subscription.Url = request.Url!;
                    subscription.Kinds = [.. request.Kinds!.Distinct()];
                    subscription.Active = request.Active!.Value;
                    break;
                case WebhookChangeKind.Delete:
                    subscription.DeletedAt = now;
                    subscription.Active = false;
                    subscription.Secret = "";
                    break;
                default:
                    secret = subscription.Secret = WebhookMessage.NewSecret();
                    break;
            }

            subscription.UpdatedAt = now;
            session.Store(subscription);
            if (!subscription.Active)
            {
                await CancelPending(subscription.Id, now, cancellationToken);
            }

            return WebhookView.Of(subscription, secret);
        }

        // In the change's transaction: what was waiting for this webhook is not sent.
        private async Task CancelPending(Guid subscriptionId, DateTimeOffset now, CancellationToken ct)
        {
            var pending = await session.Query<WebhookDelivery>()
                .Where(d => d.SubscriptionId == subscriptionId && d.Status == DeliveryStatus.Pending).ToListAsync(ct);
            foreach (var delivery in pending)
            {
                delivery.Status = DeliveryStatus.Cancelled;
                delivery.CancelledAt = now;
                session.Store(delivery);
            }
        }
    }
}
