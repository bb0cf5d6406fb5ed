using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Finsam.Samordning.Api.Tests.Auth;

/// <summary>
/// The API in the Production environment, trusting a real OIDC authority over HTTP (OpenIddict on
/// Kestrel): discovery, signing keys from its JWKS, pinned algorithms, audience, a maximum
/// lifetime, the authority's own claim names mapped onto Finsam's, and a key rollover.
/// </summary>
public sealed class OidcAuthorityTests(OidcApiFactory api) : IClassFixture<OidcApiFactory>
{
    private const string Probe = "/api/v1/cases";

    [Fact]
    public async Task A_token_from_the_authority_is_accepted_and_its_claims_are_mapped()
    {
        var token = await api.Authority.TokenAsync(role: "Finsam.Handlaggare", party: "AF");

        var list = await Send(token, Probe);
        // Opening a case needs role handlaggare and party AF, both read from the mapped claims.
        var client = Client(token);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var open = await client.PostJson("/api/v1/cases", CaseWalk.Opening("AF", "AF Landskrona", "2026-03-02"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
    }

    [Fact]
    public async Task A_role_the_mapping_does_not_know_is_forbidden_not_an_error()
    {
        var token = await api.Authority.TokenAsync(role: "Something.Else", party: "AF");

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(token, Probe)).StatusCode);
    }

    [Fact]
    public async Task Tokens_for_another_audience_or_living_too_long_are_refused()
    {
        var otherAudience = await api.Authority.TokenAsync(audience: "another-api");
        var tenYears = await api.Authority.TokenAsync(lifetime: TimeSpan.FromDays(3650));
        var oneHour = await api.Authority.TokenAsync(lifetime: TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(otherAudience, Probe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(tenYears, Probe)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(oneHour, Probe)).StatusCode);
    }

    [Fact]
    public async Task Tokens_not_signed_by_the_authority_are_refused_whatever_algorithm_they_name()
    {
        var issuer = api.Authority.Address;
        // HS256 with a key an attacker chose, and RS256 with a key the authority never published.
        var hmac = Forge(issuer, new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256));
        var rsa = Forge(issuer, new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "key-1" }, SecurityAlgorithms.RsaSha256));
        var unsigned = new JsonWebTokenHandler().CreateToken(Descriptor(issuer, null));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(hmac, Probe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(rsa, Probe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(unsigned, Probe)).StatusCode);
    }

    [Fact]
    public async Task After_a_key_rollover_tokens_signed_with_the_new_key_are_accepted_and_old_ones_still_are()
    {
        var before = await api.Authority.TokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await Send(before, Probe)).StatusCode);

        api.Authority.RollOverTo("key-2");
        var after = await api.Authority.TokenAsync();

        Assert.Equal("key-2", new JsonWebToken(after).Kid);
        Assert.Contains("key-2", await api.Authority.PublishedKeyIdsAsync());
        // The API has key-1 cached; a token naming key-2 makes it fetch the keys again. The refresh
        // runs in the background and at most once per MetadataRefreshInterval (1 s here, by the
        // library's real clock), so the first requests may still see the old set.
        var status = HttpStatusCode.Unauthorized;
        var why = "";
        for (var attempt = 0; attempt < 100 && status != HttpStatusCode.OK; attempt++)
        {
            var response = await Send(after, Probe);
            status = response.StatusCode;
            why = response.Headers.WwwAuthenticate.ToString();
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(status == HttpStatusCode.OK, why);
        Assert.Equal(HttpStatusCode.OK, (await Send(before, Probe)).StatusCode);
    }

    [Fact]
    public async Task Swagger_is_off_outside_development_unless_configuration_turns_it_on()
    {
        var anonymous = api.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/swagger/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/swagger/v1/swagger.json")).StatusCode);
    }

    private HttpClient Client(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task<HttpResponseMessage> Send(string token, string url) => Client(token).GetAsync(url);

    private static string Forge(string issuer, SigningCredentials credentials) =>
        new JsonWebTokenHandler().CreateToken(Descriptor(issuer, credentials));

    private static SecurityTokenDescriptor Descriptor(string issuer, SigningCredentials? credentials) => new()
    {
        Issuer = issuer,
        Audience = "finsam-api",
        Claims = new Dictionary<string, object>
        {
            ["sub"] = "attacker",
            [TestAuthority.RoleClaim] = "Finsam.Handlaggare",
            [TestAuthority.PartyClaim] = "AF",
        },
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Expires = DateTime.UtcNow.AddMinutes(30),
        SigningCredentials = credentials,
    };
}

/// <summary>The API as in production: no local signing key, tokens from <see cref="TestAuthority"/>.</summary>
public sealed class OidcApiFactory : ApiFactory
{
    /// <summary>The running authority.</summary>
    public TestAuthority Authority { get; private set; } = null!;

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        Authority = await TestAuthority.StartAsync();
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Finsam:Auth:SigningKey", "");
        builder.UseSetting("Finsam:Auth:Authority", Authority.Address);
        builder.UseSetting("Finsam:Auth:RequireHttpsMetadata", "false");
        builder.UseSetting("Finsam:Auth:MaxTokenLifetime", "12:00:00");
        // Other tests here present unknown keys too (forgeries), and each asks for a refresh: the
        // library honours one per interval (by the real clock), so the rollover test needs it short.
        builder.UseSetting("Finsam:Auth:MetadataRefreshInterval", "00:00:01");
        builder.UseSetting("Finsam:Auth:PartyClaim", TestAuthority.PartyClaim);
        builder.UseSetting("Finsam:Auth:RoleClaim", TestAuthority.RoleClaim);
        builder.UseSetting("Finsam:Auth:RoleValues:Finsam.Handlaggare", "handlaggare");
        builder.UseSetting("Finsam:Auth:RoleValues:Finsam.Samverkansledare", "samverkansledare");
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Authority.DisposeAsync();
    }
}
