using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Finsam.Samordning.Api.Features.Webhooks;
using Finsam.Samordning.Api.Tests.Infrastructure;

namespace Finsam.Samordning.Api.Tests.Webhooks;

/// <summary>
/// Keeping a webhook up, against the real HTTP receiver: only its own inbox changes, pauses, rotates or
/// deletes it (others get 404); a rotated secret signs what goes out next; deliveries pending when it is
/// paused or deleted are not sent and show as cancelled in the log.
/// </summary>
public sealed class WebhookUpkeepTests(WebhookApiFactory api) : IClassFixture<WebhookApiFactory>, IDisposable
{
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-upkeep");
    private readonly HttpClient _vc = api.ClientFor("handlaggare", "VC", "vc-upkeep");
    private readonly HttpClient _lead = api.ClientFor("samverkansledare", null, "sl-upkeep");
    private readonly HttpClient _admin = api.ClientFor("administrator", null, "admin-upkeep");
    private readonly Receiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    private Task<int> Dispatch() => api.Dispatch();

    private Task<List<DeliveryLogItem>> Log(string status) => WebhookApiFactory.Log(_admin, status);

    private static Task<HttpResponseMessage> Put(HttpClient client, Guid id, object body) =>
        client.PutAsJsonAsync($"/api/v1/webhooks/{id}", body, Http.Json);

    private static bool Signed(string secret, (Dictionary<string, string> Headers, string Body) received) =>
        received.Headers["webhook-signature"] == "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret),
            Encoding.UTF8.GetBytes($"{received.Headers["webhook-id"]}.{received.Headers["webhook-timestamp"]}.{received.Body}")));

    [Fact]
    public async Task Only_its_own_inbox_changes_rotates_or_deletes_a_webhook_and_what_was_pending_is_not_sent()
    {
        api.Clock.SetSwedish(new DateOnly(2026, 3, 2), new TimeOnly(10, 0));
        _receiver.Start();
        var hook = await (await _vc.PostJson("/api/v1/webhooks", new { url = _receiver.Url, kinds = new[] { "InterventionCancelled" } })).Read<WebhookView>();
        var c = await _af.OpenCase("AF", "AF Landskrona", "2026-03-02");
        await _af.Invite(_vc, c, "VC", "VC Centrum", "2026-03-02");
        await _af.Consent(c, ["AF", "VC"], givenOn: "2026-03-02");
        async Task Cancel()
        {
            var insats = await _af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = "2026-03-03", plannedOn = "2026-03-02" });
            await _af.Ok($"{c}/interventions/{insats.Id}/cancel", new { reason = "Other", cancelledOn = "2026-03-02" });
        }

        // Another party, and the förbund, do not learn the webhook exists.
        var change = new { url = _receiver.Url, kinds = new[] { "InterventionCancelled", "PartyLeft" }, active = true };
        Assert.Equal(HttpStatusCode.NotFound, (await Put(_af, hook.Id, change)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _af.DeleteAsync($"/api/v1/webhooks/{hook.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _lead.PostAsync($"/api/v1/webhooks/{hook.Id}/rotate-secret", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _vc.PostAsync($"/api/v1/webhooks/{Guid.NewGuid()}/rotate-secret", null)).StatusCode);
        // Bad input is a problem response, never a 500.
        Assert.Equal(HttpStatusCode.BadRequest, (await Put(_vc, hook.Id, new { url = "http://example.org/x", kinds = new[] { "PartyLeft" }, active = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Put(_vc, hook.Id, new { url = _receiver.Url, kinds = new[] { "PartyLeft" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Put(_vc, hook.Id, new { url = _receiver.Url, kinds = new[] { "NoSuchKind" }, active = true })).StatusCode);

        var changed = await Put(_vc, hook.Id, change);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var view = await changed.Read<WebhookView>();
        Assert.Equal((2, true, (string?)null), (view.Kinds.Count, view.Active, view.Secret));

        // A rotated secret is answered once and signs what goes out from now on, also what was already waiting.
        await Cancel();
        var rotated = await (await _vc.PostAsync($"/api/v1/webhooks/{hook.Id}/rotate-secret", null)).Read<WebhookView>();
        Assert.NotNull(rotated.Secret);
        Assert.NotEqual(hook.Secret, rotated.Secret);
        Assert.Null(Assert.Single(await (await _vc.GetAsync("/api/v1/webhooks")).Read<List<WebhookView>>()).Secret);
        Assert.Equal(1, await Dispatch());
        Assert.True(await _receiver.WaitFor(1, TimeSpan.FromSeconds(10)));
        Assert.True(Signed(rotated.Secret!, _receiver.Received.Single()));
        Assert.False(Signed(hook.Secret!, _receiver.Received.Single()));

        // Paused: what was pending is cancelled, and nothing new is written for it.
        await Cancel();
        var waiting = Assert.Single(await Log("pending"));
        Assert.Equal(HttpStatusCode.OK, (await Put(_vc, hook.Id, change with { active = false })).StatusCode);
        Assert.Equal(waiting.Id, Assert.Single(await Log("cancelled")).Id);
        await Cancel();
        Assert.Empty(await Log("pending"));
        Assert.False(Assert.Single(await (await _vc.GetAsync("/api/v1/webhooks")).Read<List<WebhookView>>()).Active);

        // Active again, then deleted with a delivery pending: it is never sent, and the log still names the webhook.
        Assert.Equal(HttpStatusCode.OK, (await Put(_vc, hook.Id, change)).StatusCode);
        await Cancel();
        var last = Assert.Single(await Log("pending"));
        Assert.Equal(HttpStatusCode.NoContent, (await _vc.DeleteAsync($"/api/v1/webhooks/{hook.Id}")).StatusCode);
        Assert.Equal(0, await Dispatch());
        var cancelled = Assert.Single(await Log("cancelled"), d => d.Id == last.Id);
        Assert.Equal((hook.Id, _receiver.Url, 0), (cancelled.SubscriptionId, cancelled.Url, cancelled.Attempts.Count));
        Assert.Single(_receiver.Received);
        // A replay of it is not sent either: the webhook is gone.
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync($"/api/v1/admin/webhooks/deliveries/{last.Id}/replay", null)).StatusCode);
        Assert.Equal(1, await Dispatch());
        Assert.Single(_receiver.Received);
        Assert.Contains(await Log("cancelled"), d => d.Id == last.Id);
        Assert.Empty(await (await _vc.GetAsync("/api/v1/webhooks")).Read<List<WebhookView>>());
        Assert.Equal(HttpStatusCode.NotFound, (await _vc.DeleteAsync($"/api/v1/webhooks/{hook.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Put(_vc, hook.Id, change)).StatusCode);
    }

    [Fact]
    public async Task The_forbunds_webhook_is_the_samverkansledares_to_keep()
    {
        var hook = await (await _lead.PostJson("/api/v1/webhooks", new { url = "https://example.org/forbund", kinds = new[] { "FlagRaised" } })).Read<WebhookView>();

        Assert.Equal(HttpStatusCode.NotFound, (await _vc.PostAsync($"/api/v1/webhooks/{hook.Id}/rotate-secret", null)).StatusCode);
        var rotated = await _lead.PostAsync($"/api/v1/webhooks/{hook.Id}/rotate-secret", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotNull((await rotated.Read<WebhookView>()).Secret);
        Assert.Equal(HttpStatusCode.NoContent, (await _lead.DeleteAsync($"/api/v1/webhooks/{hook.Id}")).StatusCode);
    }
}
