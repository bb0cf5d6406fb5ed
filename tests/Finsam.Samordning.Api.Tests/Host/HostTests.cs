using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.Samordning.Api.Tests.Host;

/// <summary>Health, authentication and the error contract of the host itself.</summary>
public sealed class HostTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Liveness_and_readiness_need_no_token_and_report_healthy_once_the_schema_is_applied()
    {
        var anonymous = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("garbage")]
    [InlineData("wrong-signature")]
    [InlineData("wrong-audience")]
    [InlineData("expired")]
    [InlineData("no-subject")]
    [InlineData("ten-years")]
    [InlineData("alg-none")]
    public async Task Api_endpoints_answer_401_problem_details_without_a_valid_token(string kind)
    {
        var client = api.CreateClient();
        var token = kind switch
        {
            "garbage" => "not.a.token",
            "wrong-signature" => api.Token("handlaggare", "AF", "u1", key: "another-key-of-sufficient-length-0123456789"),
            "wrong-audience" => api.Token("handlaggare", "AF", "u1", audience: "someone-else"),
            "expired" => Finsam.Samordning.Api.Infrastructure.Auth.DevTokenFactory.Create(
                new() { SigningKey = ApiFactory.SigningKey }, "u1", "U", "handlaggare", "AF",
                DateTimeOffset.UtcNow.AddDays(-3), TimeSpan.FromHours(1)),
            "no-subject" => LocalToken(sub: null, TimeSpan.FromHours(1)),
            "ten-years" => LocalToken(sub: "u1", TimeSpan.FromDays(3650)),
            "alg-none" => new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
            {
                Issuer = "finsam-local",
                Audience = "finsam-api",
                Claims = new Dictionary<string, object> { ["sub"] = "u1", ["role"] = "handlaggare", ["party"] = "AF" },
                Expires = DateTime.UtcNow.AddHours(1),
            }),
            _ => null,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        var response = await client.GetAsync($"/api/v1/cases/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    // A token signed with the right key, minted as an attacker holding it would: with or without sub.
    private static string LocalToken(string? sub, TimeSpan lifetime)
    {
        var claims = new Dictionary<string, object> { ["name"] = "U", ["role"] = "handlaggare", ["party"] = "AF" };
        if (sub is not null)
        {
            claims["sub"] = sub;
        }

        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "finsam-local",
            Audience = "finsam-api",
            Claims = claims,
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(-1) + lifetime,
            SigningCredentials = new(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(ApiFactory.SigningKey)),
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
    }

    [Fact]
    public async Task Unknown_routes_and_malformed_ids_are_404_problem_details()
    {
        var client = api.ClientFor();

        var unknown = await client.GetAsync("/api/v1/no-such-thing");
        var badGuid = await client.GetAsync("/api/v1/cases/not-a-guid");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, badGuid.StatusCode);
    }

    [Fact]
    public async Task Swagger_ui_and_document_are_served()
    {
        var anonymous = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/v1/swagger.json")).StatusCode);
    }

    [Fact]
    public async Task The_host_starts_without_loading_a_data_protection_key_ring_it_never_uses()
    {
        // Started: a request served.
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/health/live")).StatusCode);

        var hosted = api.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(h => h.GetType().Name).ToList();

        Assert.DoesNotContain(Api.Infrastructure.Auth.AuthSetup.KeyRingAtStart, hosted);
        // The services the API does run at start are still there.
        Assert.Contains(nameof(Api.Infrastructure.Access.AccessLogWriter), hosted);
    }
}
