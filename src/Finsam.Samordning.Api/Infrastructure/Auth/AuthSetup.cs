using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Finsam.Samordning.Api.Infrastructure.Auth;

/// <summary>The <c>Finsam:Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    /// <summary>Token issuer.</summary>
    public string Issuer { get; set; } = "finsam-local";

    /// <summary>Token audience.</summary>
    public string Audience { get; set; } = "finsam-api";

    /// <summary>
    /// HMAC-SHA256 signing key (at least 32 characters) for locally minted tokens. Leave empty and
    /// set <see cref="Authority"/> to trust a real OIDC provider instead.
    /// </summary>
    public string SigningKey { get; set; } = "";

    /// <summary>An OIDC authority whose signing keys are trusted (production).</summary>
    public string? Authority { get; set; }
}

/// <summary>The roles a token's <c>role</c> claim may name.</summary>
public static class Roles
{
    /// <summary>Caseworker of the party in the <c>party</c> claim.</summary>
    public const string Handlaggare = "handlaggare";

    /// <summary>The förbund's collaboration lead.</summary>
    public const string Samverkansledare = "samverkansledare";

    /// <summary>Administers the förbund's settings.</summary>
    public const string Administrator = "administrator";

    /// <summary>Auditor: reads the access log.</summary>
    public const string Granskare = "granskare";
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Administrators only.</summary>
    public const string Administrator = "administrator";

    /// <summary>Those who work the review queue.</summary>
    public const string Review = "review";

    /// <summary>Those who read case data (what they see is filtered by consent).</summary>
    public const string CaseReader = "case-reader";

    /// <summary>Those who record case data: handläggare of a party.</summary>
    public const string CaseWriter = "case-writer";

    /// <summary>Auditors (granskare): the access log and nothing else.</summary>
    public const string Auditor = "auditor";
}

/// <summary>JWT bearer authentication; every <c>/api/v1</c> endpoint requires a caller.</summary>
public static class AuthSetup
{
    /// <summary>Registers JWT bearer authentication from <c>Finsam:Auth</c>.</summary>
    public static IServiceCollection AddFinsamAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection("Finsam:Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(auth);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Keep claim names as sent (sub, name, party, role) instead of the WS-* URIs.
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    NameClaimType = FinsamClaims.Name,
                    RoleClaimType = FinsamClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (!string.IsNullOrEmpty(auth.Authority))
                {
                    options.Authority = auth.Authority;
                }
                else
                {
                    if (Encoding.UTF8.GetByteCount(auth.SigningKey) < 32)
                    {
                        throw new InvalidOperationException(
                            "Finsam:Auth:SigningKey must be at least 32 characters (or set Finsam:Auth:Authority).");
                    }

                    options.TokenValidationParameters.IssuerSigningKey =
                        new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey));
                }
            });
        services.AddAuthorization(options =>
        {
            options.AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator));
            options.AddPolicy(Policies.Review, p => p.RequireRole(Roles.Samverkansledare, Roles.Handlaggare));
            options.AddPolicy(Policies.CaseReader, p => p.RequireRole(Roles.Samverkansledare, Roles.Handlaggare));
            // A handläggare writes as the party in the token, so the token must name one.
            options.AddPolicy(Policies.CaseWriter, p => p.RequireRole(Roles.Handlaggare).RequireClaim(FinsamClaims.Party, Enum.GetNames<Domain.Cases.PartyCode>()));
            options.AddPolicy(Policies.Auditor, p => p.RequireRole(Roles.Granskare));
        });
        return services;
    }
}
