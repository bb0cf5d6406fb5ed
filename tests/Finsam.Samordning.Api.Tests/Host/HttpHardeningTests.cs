using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Finsam.Samordning.Api.Tests.Host;

/// <summary>Headers, body and list limits, control characters and the dashboard's door.</summary>
public sealed class HttpHardeningTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC");

    [Fact]
    public async Task Api_answers_carry_nosniff_and_no_store_also_when_refused_and_swagger_has_a_csp()
    {
        var list = await _soc.GetAsync("/api/v1/cases");
        var unknown = await _soc.GetAsync($"/api/v1/cases/{Guid.NewGuid()}");
        var swagger = await api.CreateClient().GetAsync("/swagger/index.html");

        foreach (var response in new[] { list, unknown })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True(response.Headers.CacheControl!.NoStore);
        }

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var csp = swagger.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.False(api.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task A_body_over_256_kb_is_413_with_or_without_a_content_length()
    {
        var big = "{\"note\":\"" + new string('a', 300 * 1024) + "\"}";
        var sized = await _soc.PostAsync("/api/v1/cases", new StringContent(big, Encoding.UTF8, "application/json"));
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var streamed = await _soc.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sized.StatusCode);
        Assert.Equal("application/problem+json", sized.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
    }

    [Fact]
    public async Task Control_characters_in_text_are_400_naming_the_field_and_tabs_and_newlines_are_kept()
    {
        var c = await _soc.OpenCase("SOC", "Ekonomiskt bistånd");

        var nul = await _soc.PostJson($"{c}/contacts", new { kind = "Phone", noShow = false, note = "före\u0000efter", occurredOn = "2026-03-01" });
        var bell = await _soc.PostJson($"{c}/contacts", new { kind = "Phone", noShow = false, note = "ding\u0007", occurredOn = "2026-03-01" });
        var layout = await _soc.PostJson($"{c}/contacts", new { kind = "Phone", noShow = false, note = "rad 1\r\n\trad 2\n", occurredOn = "2026-03-01" });
        var query = await api.ClientFor("granskare", null).GetAsync("/api/v1/audit/access-log?user=a%00b");

        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.NotNull((await nul.Object())["errors"]!["note"]);
        Assert.Equal(HttpStatusCode.BadRequest, bell.StatusCode);
        Assert.Equal(HttpStatusCode.OK, layout.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.NotNull((await query.Object())["errors"]!["user"]);
    }

    [Fact]
    public async Task A_list_longer_than_100_items_is_400_naming_the_field()
    {
        var opening = CaseWalk.Opening("SOC", "Ekonomiskt bistånd", targetGroups: Enumerable.Repeat("Uvas", 101).ToArray());

        var response = await _soc.PostJson("/api/v1/cases", opening);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("100", (await response.Object())["errors"]!["targetGroups"]!.ToJsonString());
    }

    [Fact]
    public async Task The_hangfire_dashboard_opens_for_an_administrators_token_only()
    {
        var anonymous = await api.CreateClient().GetAsync("/hangfire");
        var caseworker = await _soc.GetAsync("/hangfire");
        var administrator = await api.ClientFor("administrator", null).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, caseworker.StatusCode);
        Assert.Equal(HttpStatusCode.OK, administrator.StatusCode);
    }
}

/// <summary>A host with a small rate limit (3 at once, one more per hour) and a fixed AllowedHosts.</summary>
public sealed class LimitedApiFactory : ApiFactory
{
    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Finsam:Http:RateLimit:Enabled", "true");
        builder.UseSetting("Finsam:Http:RateLimit:Burst", "3");
        builder.UseSetting("Finsam:Http:RateLimit:PermitsPerPeriod", "1");
        builder.UseSetting("Finsam:Http:RateLimit:Period", "01:00:00");
        builder.UseSetting("AllowedHosts", "localhost;api.finsam.example");
    }
}

/// <summary>Per caller rate limits answer 429 with Retry-After; hosts not allowed are refused.</summary>
public sealed class RateLimitTests(LimitedApiFactory api) : IClassFixture<LimitedApiFactory>
{
    [Fact]
    public async Task A_caller_over_its_limit_gets_429_problem_details_with_retry_after_and_others_are_served()
    {
        var greedy = api.ClientFor("handlaggare", "SOC", userId: "greedy");
        var other = api.ClientFor("handlaggare", "SOC", userId: "other");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync("/api/v1/cases")).StatusCode);
        }

        var refused = await greedy.GetAsync("/api/v1/cases");
        var served = await other.GetAsync("/api/v1/cases");
        var health = await api.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.True(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds >= 1);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_host_name_not_in_allowed_hosts_is_refused()
    {
        var client = api.ClientFor("handlaggare", "SOC", userId: "hosts");
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "evil.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }
}

/// <summary>The API's database goes through a proxy the test can take down.</summary>
public sealed class FlakyDatabaseFactory : ApiFactory
{
    /// <summary>The proxy.</summary>
    public TcpProxy Proxy { get; } = new(PostgresCluster.Instance.Port);

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Finsam",
            ConnectionString.Replace($"Port={PostgresCluster.Instance.Port}", $"Port={Proxy.Port}", StringComparison.Ordinal)
            + ";Timeout=3;Command Timeout=5");
    }
}

/// <summary>While the database is away, requests answer 503 with Retry-After, never 500.</summary>
public sealed class DatabaseOutageTests(FlakyDatabaseFactory api) : IClassFixture<FlakyDatabaseFactory>
{
    [Fact]
    public async Task Reads_and_writes_answer_503_with_retry_after_while_the_database_is_down_and_work_again_after()
    {
        var soc = api.ClientFor("handlaggare", "SOC");
        var c = await soc.OpenCase("SOC", "Ekonomiskt bistånd");

        api.Proxy.Down();
        var read = await soc.GetAsync(c);
        var write = await soc.PostJson($"{c}/contacts", new { kind = "Phone", noShow = false, occurredOn = "2026-03-01" });
        api.Proxy.Up();

        foreach (var response in new[] { read, write })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
        }

        // Pooled connections died with the outage; the pool replaces them.
        var status = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 20 && status != HttpStatusCode.OK; i++)
        {
            status = (await soc.GetAsync(c)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
