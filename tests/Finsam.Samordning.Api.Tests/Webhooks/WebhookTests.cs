using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Finsam.Samordning.Api.Features.Webhooks;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.Samordning.Api.Tests.Webhooks;

/// <summary>A host whose webhooks may call a loopback http:// receiver; no worker, so the test runs the dispatch job itself.</summary>
public class WebhookApiFactory : ApiFactory
{
    /// <summary>One run of the Hangfire dispatch job, as a worker (or a restarted one) runs it.</summary>
    public async Task<int> Dispatch()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().RunDueAsync(CancellationToken.None);
    }

    /// <summary>The delivery log of <paramref name="status"/>, as an administrator reads it.</summary>
    public static async Task<List<DeliveryLogItem>> Log(HttpClient admin, string status) =>
        await (await admin.GetAsync($"/api/v1/admin/webhooks/deliveries?status={status}&pageSize=200")).Read<List<DeliveryLogItem>>();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Finsam:Webhooks:AllowInsecureLoopback", "true");
        builder.UseSetting("Finsam:Webhooks:MaxAttempts", "3");
        builder.UseSetting("Finsam:Webhooks:PollInterval", "00:00:00.300");
        builder.UseSetting("Finsam:Webhooks:Timeout", "00:00:05");
    }
}

/// <summary>The same with the worker role: Hangfire sends the deliveries.</summary>
public sealed class WebhookWorkerFactory : WebhookApiFactory
{
    /// <inheritdoc />
    protected override string Roles => "api,worker";
}

/// <summary>
/// Signed CloudEvents from the outbox to a real HTTP receiver started by the test: nothing is sent
/// before the commit and a crash after it loses nothing; the receiver goes down and comes back;
/// failures back off exponentially and end in the dead letters; an administrator replays.
/// </summary>
public sealed class WebhookTests(WebhookApiFactory api) : IClassFixture<WebhookApiFactory>, IDisposable
{
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-hooks");
    private readonly HttpClient _vc = api.ClientFor("handlaggare", "VC", "vc-hooks");
    private readonly HttpClient _admin = api.ClientFor("administrator", null, "admin-hooks");
    private readonly Receiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    private Task<int> Dispatch() => api.Dispatch();

    private Task<List<DeliveryLogItem>> Log(string status) => WebhookApiFactory.Log(_admin, status);

    private async Task<(string Case, Func<Task<Guid>> Cancel)> CaseWithConsent()
    {
        var c = await _af.OpenCase("AF", "AF Landskrona", "2026-03-02");
        await _af.Invite(_vc, c, "VC", "VC Centrum", "2026-03-02");
        await _af.Consent(c, ["AF", "VC"], givenOn: "2026-03-02");
        return (c, async () =>
        {
            var insats = await _af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = "2026-03-03", plannedOn = "2026-03-02" });
            await _af.Ok($"{c}/interventions/{insats.Id}/cancel", new { reason = "Other", note = "privat anteckning om personen", cancelledOn = "2026-03-02" });
            return insats.Id!.Value;
        });
    }

    [Fact]
    public async Task Registration_needs_https_or_loopback_and_kinds_and_a_party()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _vc.PostJson("/api/v1/webhooks", new { url = "ftp://example.org/x", kinds = new[] { "PartyLeft" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _vc.PostJson("/api/v1/webhooks", new { url = "http://example.org/x", kinds = new[] { "PartyLeft" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _vc.PostJson("/api/v1/webhooks", new { url = "https://example.org/x", kinds = Array.Empty<string>() })).StatusCode);
        var noParty = api.ClientFor("handlaggare", null, "no-party-hooks");
        Assert.Equal(HttpStatusCode.Forbidden, (await noParty.PostJson("/api/v1/webhooks", new { url = "https://example.org/x", kinds = new[] { "PartyLeft" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _vc.GetAsync("/api/v1/admin/webhooks/deliveries")).StatusCode);
    }

    [Fact]
    public async Task A_signed_CloudEvent_goes_out_after_the_commit_survives_the_receiver_going_down_dead_letters_and_replays()
    {
        api.Clock.SetSwedish(new DateOnly(2026, 3, 2), new TimeOnly(10, 0));
        _receiver.Start();
        var registered = await _vc.PostJson("/api/v1/webhooks", new { url = _receiver.Url, kinds = new[] { "InterventionCancelled" } });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var hook = await registered.Read<WebhookView>();
        Assert.NotNull(hook.Secret);
        Assert.Null(Assert.Single(await (await _vc.GetAsync("/api/v1/webhooks")).Read<List<WebhookView>>()).Secret);

        // The change commits with its outbox row; nothing is sent until a dispatcher runs. A process that
        // died right after the commit loses nothing: the next dispatcher (here a fresh scope) sends it.
        var (c, cancel) = await CaseWithConsent();
        var insats = await cancel();
        var pending = Assert.Single(await Log("pending"));
        Assert.Empty(_receiver.Received);
        Assert.Equal(1, await Dispatch());
        Assert.True(await _receiver.WaitFor(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(0, await Dispatch()); // sent once

        var (headers, body) = _receiver.Received.Single();
        Assert.Equal(pending.Id.ToString(), headers["webhook-id"]);
        Assert.StartsWith("application/cloudevents+json", headers["content-type"]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(hook.Secret!),
            Encoding.UTF8.GetBytes($"{headers["webhook-id"]}.{headers["webhook-timestamp"]}.{body}")));
        Assert.Equal(expected, headers["webhook-signature"]);
        var cloudEvent = JsonNode.Parse(body)!;
        Assert.Equal("1.0", (string?)cloudEvent["specversion"]);
        Assert.Equal(pending.Id.ToString(), (string?)cloudEvent["id"]);
        Assert.Equal("se.finsam.samordning.notice.intervention-cancelled", (string?)cloudEvent["type"]);
        Assert.Equal(CaseWalk.CaseId(c).ToString(), (string?)cloudEvent["data"]!["caseId"]);
        Assert.Equal(insats.ToString(), (string?)cloudEvent["data"]!["entryId"]);
        Assert.Equal("AF", (string?)cloudEvent["data"]!["by"]);
        Assert.DoesNotContain("privat", body, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(await Log("delivered")).Status);

        // The receiver goes down: the attempt fails and waits 30 s, then 60 s; it comes back and gets it.
        _receiver.Stop();
        await cancel();
        Assert.Equal(1, await Dispatch());
        var failed = Assert.Single(await Log("pending"));
        Assert.Equal((1, api.Clock.GetUtcNow().AddSeconds(30)), (failed.Failures, failed.NextAttemptAt));
        Assert.Null(Assert.Single(failed.Attempts).Status);
        Assert.Equal(0, await Dispatch()); // not due yet
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        _receiver.Start();
        Assert.Equal(1, await Dispatch());
        Assert.True(await _receiver.WaitFor(2, TimeSpan.FromSeconds(10)));
        Assert.Equal([null, 204], (await Log("delivered")).Single(d => d.Id == failed.Id).Attempts.Select(a => a.Status));

        // Down for good: after three attempts (back-off 30 s, then 60 s) the delivery is dead.
        _receiver.Stop();
        await cancel();
        Assert.Equal(1, await Dispatch());
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await Dispatch());
        api.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await Dispatch());
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Dispatch());
        var dead = Assert.Single(await Log("dead"));
        Assert.Equal(3, dead.Attempts.Count);
        Assert.Equal(0, await Dispatch());

        // An administrator replays it once the receiver is back: the same event with the same id.
        _receiver.Start();
        var replay = await _admin.PostAsync($"/api/v1/admin/webhooks/deliveries/{dead.Id}/replay", null);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, await Dispatch());
        Assert.True(await _receiver.WaitFor(3, TimeSpan.FromSeconds(10)));
        Assert.Equal(dead.Id.ToString(), _receiver.Received.Last().Headers["webhook-id"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsync($"/api/v1/admin/webhooks/deliveries/{Guid.NewGuid()}/replay", null)).StatusCode);
    }
}

/// <summary>With the worker role, Hangfire sends a committed notice by itself.</summary>
public sealed class WebhookWorkerTests(WebhookWorkerFactory api) : IClassFixture<WebhookWorkerFactory>, IDisposable
{
    private readonly Receiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task Hangfire_sends_the_outbox_without_anyone_asking()
    {
        _ = api.Server;
        _receiver.Start();
        var af = api.ClientFor("handlaggare", "AF", "af-worker-hooks");
        var vc = api.ClientFor("handlaggare", "VC", "vc-worker-hooks");
        Assert.Equal(HttpStatusCode.Created, (await vc.PostJson("/api/v1/webhooks", new { url = _receiver.Url, kinds = new[] { "PartyLeft" } })).StatusCode);
        var c = await af.OpenCase("AF", "AF Landskrona", "2026-03-02");
        await af.Invite(vc, c, "VC", "VC Centrum", "2026-03-02");
        await af.Invite(api.ClientFor("handlaggare", "SOC", "soc-worker-hooks"), c, "SOC", "IFO", "2026-03-02");
        await api.ClientFor("handlaggare", "SOC", "soc-worker-hooks").Ok($"{c}/parties/SOC/leave", new { reason = "Klar", leftOn = "2026-03-02" });

        Assert.True(await _receiver.WaitFor(1, TimeSpan.FromSeconds(60)), "Hangfire did not deliver within 60 s");
        Assert.Contains("party-left", _receiver.Received.Single().Body, StringComparison.Ordinal);
    }
}
