using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Webhooks;

/// <summary>Body of <c>POST /api/v1/webhooks</c>.</summary>
/// <param name="Url">The HTTPS endpoint that receives the CloudEvents.</param>
/// <param name="Kinds">The notice kinds it wants.</param>
public sealed record RegisterWebhookRequest(string? Url, IReadOnlyList<NoticeKind>? Kinds);

/// <summary>A webhook as its owner sees it.</summary>
/// <param name="Id">Subscription id.</param>
/// <param name="Url">Endpoint.</param>
/// <param name="Kinds">Notice kinds.</param>
/// <param name="Secret">The HMAC-SHA256 key (base64); only in the answer to the registration and to a rotation.</param>
public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<NoticeKind> Kinds, string? Secret = null)
{
    /// <summary>Whether it receives notices.</summary>
    public bool Active { get; init; } = true;

    /// <summary>The view of <paramref name="s"/>, with <paramref name="secret"/> only when it is to be shown (once).</summary>
    public static WebhookView Of(WebhookSubscription s, string? secret = null) => new(s.Id, s.Url, s.Kinds, secret) { Active = s.Active };
}

/// <summary>Body of <c>PUT /api/v1/webhooks/{id}</c>: the webhook as it is to be.</summary>
/// <param name="Url">The HTTPS endpoint that receives the CloudEvents.</param>
/// <param name="Kinds">The notice kinds it wants.</param>
/// <param name="Active">false pauses it: no new deliveries, and its pending ones are cancelled.</param>
public sealed record UpdateWebhookRequest(string? Url, IReadOnlyList<NoticeKind>? Kinds, bool? Active);

/// <summary>Register a webhook for the caller's party's inbox (the förbund's, for a samverkansledare).</summary>
/// <param name="Url">Endpoint.</param>
/// <param name="Kinds">Notice kinds.</param>
/// <param name="Caller">Who registers.</param>
/// <param name="IdempotencyKey">Idempotency-Key.</param>
public sealed record RegisterWebhook(string? Url, IReadOnlyList<NoticeKind>? Kinds, CurrentUser Caller, string? IdempotencyKey) : ICommand<WebhookView>, IAccessSubject
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api)
        {
            api.MapPost("/webhooks", async (RegisterWebhookRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http,
                    IMediator mediator, WebhookDirectory directory, CancellationToken ct) =>
                {
                    // Before validation: a caller with no inbox is refused whatever it sent.
                    var caller = CurrentUser.Of(http);
                    Owner(caller);
                    var view = await mediator.Send(new RegisterWebhook(body.Url, body.Kinds, caller, idempotencyKey), ct);
                    // After the commit: this server's next notice sees the new subscription.
                    directory.Invalidate();
                    return TypedResults.Created($"/api/v1/webhooks/{view.Id}", view);
                })
                .RequireAuthorization(Policies.Review)
                .WithName("RegisterWebhook")
                .WithTags("Webhooks")
                .WithSummary("Register a webhook")
                .WithDescription("Registers an HTTPS endpoint that receives the caller's inbox notices of the given kinds (a handläggare: their party's; a " +
                    "samverkansledare: the förbund's). Each notice is sent as a CloudEvents 1.0 structured JSON event holding ids, kinds and dates only; " +
                    "the receiver fetches the rest with its own token. Requests carry webhook-id (the event id, stable across retries: drop duplicates), " +
                    "webhook-timestamp (Unix seconds) and webhook-signature: v1, and the base64 HMAC-SHA256 of id.timestamp.body under the secret, which " +
                    "is answered here once. Failures are retried with exponential back-off and end in the dead letters.")
                .Accepts<RegisterWebhookRequest>("application/json")
                .Produces<WebhookView>(StatusCodes.Status201Created)
                .ProducesProblems(StatusCodes.Status403Forbidden);
            api.MapGet("/webhooks", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
                {
                    var inbox = Owner(CurrentUser.Of(http));
                    var mine = await session.Query<WebhookSubscription>().Where(s => s.Inbox == inbox && s.DeletedAt == null).OrderBy(s => s.CreatedAt).ToListAsync(ct);
                    return TypedResults.Ok(mine.Select(s => WebhookView.Of(s)).ToList());
                })
                .RequireAuthorization(Policies.Review)
                .WithName("ListWebhooks")
                .WithTags("Webhooks")
                .WithSummary("The caller's webhooks")
                .WithDescription("The webhooks registered for the caller's inbox, without their secrets.")
                .Produces<List<WebhookView>>()
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>The inbox a caller's webhooks serve; a handläggare without a party has none (403).</summary>
    internal static string Owner(CurrentUser caller) =>
        Inbox.ReadInbox.InboxKey(caller) ?? throw new ForbiddenException("Your token names no party (claim 'party'), so you have no inbox.");

    internal sealed class Validator : AbstractValidator<RegisterWebhook>
    {
        public Validator(IOptions<WebhookOptions> options) => Target(this, c => c.Url, c => c.Kinds, options.Value.AllowInsecureLoopback);
    }

    /// <summary>The rules of a webhook's endpoint and kinds, at registration and at a change.</summary>
    internal static void Target<T>(AbstractValidator<T> v, System.Linq.Expressions.Expression<Func<T, string?>> url,
        System.Linq.Expressions.Expression<Func<T, IEnumerable<NoticeKind>?>> kinds, bool loopback)
    {
        v.RuleFor(url).NotEmpty().MaximumLength(2000)
            .Must(u => Acceptable(u, loopback)).WithMessage("url must be an absolute https:// address.");
        v.RuleFor(kinds).NotEmpty().WithMessage("Give at least one notice kind.");
        v.RuleForEach(kinds!).IsInEnum();
    }

    private static bool Acceptable(string? url, bool loopback) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (loopback && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            && string.IsNullOrEmpty(uri.UserInfo);

    internal sealed class Handler(IDocumentSession session, BusinessCalendar calendar) : IRequestHandler<RegisterWebhook, WebhookView>
    {
        public Task<WebhookView> Handle(RegisterWebhook request, CancellationToken cancellationToken)
        {
            var subscription = new WebhookSubscription
            {
                Id = Guid.CreateVersion7(), Inbox = Owner(request.Caller), Url = request.Url!, Kinds = [.. request.Kinds!.Distinct()],
                Secret = WebhookMessage.NewSecret(), CreatedBy = request.Caller.UserId, CreatedAt = calendar.Now,
            };
            session.Store(subscription);
            return Task.FromResult(WebhookView.Of(subscription, subscription.Secret));
        }
    }
}
