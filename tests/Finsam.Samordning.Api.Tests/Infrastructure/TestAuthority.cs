using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Finsam.Samordning.Api.Tests.Infrastructure;

/// <summary>
/// A real OIDC authority for tests: OpenIddict's server on Kestrel at a free loopback port, with
/// discovery, a JWKS endpoint and a token endpoint. A test grant (client credentials plus the
/// parameters sub, name, party, role, audience and lifetime) issues signed JWT access tokens with
/// the claim names a förbund's authority might use (<c>finsam_party</c>, <c>roles</c>).
/// </summary>
public sealed class TestAuthority : IAsyncDisposable
{
    /// <summary>The client the tests authenticate as.</summary>
    public const string ClientId = "finsam-tests";

    /// <summary>Its secret (checked by the handler below, degraded mode has no client store).</summary>
    public const string ClientSecret = "finsam-tests-secret";

    /// <summary>The claim this authority puts the party in.</summary>
    public const string PartyClaim = "finsam_party";

    /// <summary>The claim this authority puts roles in.</summary>
    public const string RoleClaim = "roles";

    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private TestAuthority(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The authority's base address (its issuer), e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string Address { get; }

    /// <summary>Starts the authority with one RSA signing key, <paramref name="keyId"/>.</summary>
    public static async Task<TestAuthority> StartAsync(string keyId = "key-1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetTokenEndpointUris("connect/token")
                .SetConfigurationEndpointUris(".well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris(".well-known/jwks");
            options.AllowClientCredentialsFlow();
            // No database: the handlers below authenticate the client and build the identity.
            options.EnableDegradedMode();
            options.AddSigningKey(NewKey(keyId));
            options.AddEphemeralEncryptionKey();
            // Resource servers read plain signed JWTs, as from Entra ID or Keycloak.
            options.DisableAccessTokenEncryption();
            options.UseAspNetCore().DisableTransportSecurityRequirement();
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }

                return default;
            }));
            options.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                var request = context.Request;
                var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, RoleClaim);
                identity.SetClaim(Claims.Subject, (string?)request["test_sub"] ?? "oidc-user-1");
                identity.SetClaim(Claims.Name, (string?)request["test_name"] ?? "OIDC Testperson");
                if ((string?)request["test_party"] is { Length: > 0 } party)
                {
                    identity.SetClaim(PartyClaim, party);
                }

                identity.SetClaim(RoleClaim, (string?)request["test_role"] ?? "Finsam.Handlaggare");
                identity.SetDestinations(static _ => [Destinations.AccessToken]);
                var principal = new ClaimsPrincipal(identity);
                principal.SetAudiences((string?)request["test_audience"] ?? "finsam-api");
                if ((string?)request["test_lifetime"] is { } lifetime)
                {
                    principal.SetAccessTokenLifetime(TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture));
                }

                context.SignIn(principal);
                return default;
            }));
        });
        var app = builder.Build();
        app.UseAuthentication();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestAuthority(app, address.TrimEnd('/') + "/");
    }

    /// <summary>
    /// Rolls the keys over: <paramref name="keyId"/> is published beside the old key and signs every
    /// token from now on (the old key stays published, so tokens already issued stay valid).
    /// </summary>
    public void RollOverTo(string keyId)
    {
        var options = _app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        options.SigningCredentials.Insert(0, new SigningCredentials(NewKey(keyId), SecurityAlgorithms.RsaSha256));
    }

    /// <summary>Asks the token endpoint for an access token.</summary>
    public async Task<string> TokenAsync(string role = "Finsam.Handlaggare", string? party = "AF", string sub = "oidc-user-1",
        string audience = "finsam-api", TimeSpan? lifetime = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = GrantTypes.ClientCredentials,
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["test_sub"] = sub,
            ["test_role"] = role,
            ["test_audience"] = audience,
        };
        if (party is not null)
        {
            form["test_party"] = party;
        }

        if (lifetime is { } span)
        {
            form["test_lifetime"] = span.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        var response = await _http.PostAsync(new Uri(new Uri(Address), "connect/token"), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return response.IsSuccessStatusCode
            ? (string)body!["access_token"]!
            : throw new InvalidOperationException($"The test authority refused: {body}");
    }

    /// <summary>The key ids the JWKS endpoint publishes now.</summary>
    public async Task<string[]> PublishedKeyIdsAsync()
    {
        var jwks = await _http.GetFromJsonAsync<JsonObject>(new Uri(new Uri(Address), ".well-known/jwks"));
        return jwks!["keys"]!.AsArray().Select(k => (string)k!["kid"]!).ToArray();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };
}
