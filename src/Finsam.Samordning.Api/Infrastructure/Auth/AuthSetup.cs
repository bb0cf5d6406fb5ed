using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Finsam.Samordning.Api.Infrastructure.Auth;

/// <summary>The <c>Finsam:Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    /// <summary>The published development signing key (appsettings.Development.json, deploy/local/token.sh).</summary>
    public const string DevelopmentSigningKey = "finsam-local-development-signing-key-not-for-production";

    /// <summary>Token issuer of locally minted tokens. With an <see cref="Authority"/>, the issuer its discovery document names is required instead.</summary>
    public string Issuer { get; set; } = "finsam-local";

    /// <summary>Token audience.</summary>
    public string Audience { get; set; } = "finsam-api";

    /// <summary>
    /// HMAC-SHA256 signing key (at least 32 characters) for locally minted tokens: Development and
    /// tests only. Leave empty and set <see cref="Authority"/> to trust a real OIDC provider instead.
    /// </summary>
    public string SigningKey { get; set; } = "";

    /// <summary>An OIDC authority whose signing keys are trusted (required outside Development).</summary>
    public string? Authority { get; set; }

    /// <summary>The discovery document's address, when it is not <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Whether discovery must use HTTPS (turn off only for a test authority on loopback).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// How soon the authority's keys may be fetched again when a token names a key not yet known (a
    /// key rollover). The library's default is 5 minutes.
    /// </summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the discovery document and keys are fetched anyway (default 12 hours).</summary>
    public TimeSpan MetadataAutomaticRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The signature algorithms accepted from the authority: pinned, so that a token cannot pick a
    /// weaker one (or <c>none</c>). Empty means <see cref="DefaultAlgorithms"/>. (Empty rather than
    /// the defaults as initial value: the configuration binder overlays an array index by index, so
    /// configuring only <c>Algorithms:0=ES256</c> would otherwise still allow the other defaults.)
    /// The local signing key always uses HS256 only.
    /// </summary>
    public string[] Algorithms { get; set; } = [];

    /// <summary>The algorithms accepted when <see cref="Algorithms"/> names none.</summary>
    public static readonly string[] DefaultAlgorithms = ["RS256", "PS256", "ES256"];

    /// <summary>The algorithms in force.</summary>
    public string[] EffectiveAlgorithms => Algorithms.Length > 0 ? Algorithms : DefaultAlgorithms;

    /// <summary>The longest lifetime (expiry minus issued-at) a token may have; a longer one is refused.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Clock skew allowed on expiry and not-before.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The authority's claim holding the user id (required in every token).</summary>
    public string SubjectClaim { get; set; } = FinsamClaims.Subject;

    /// <summary>The authority's claim holding the display name.</summary>
    public string NameClaim { get; set; } = FinsamClaims.Name;

    /// <summary>The authority's claim holding the party code.</summary>
    public string PartyClaim { get; set; } = FinsamClaims.Party;

    /// <summary>The authority's claim holding the role (may hold several values).</summary>
    public string RoleClaim { get; set; } = FinsamClaims.Role;

    /// <summary>
    /// Role values as the authority names them, mapped to Finsam roles (e.g. <c>"Finsam.Handlaggare":
    /// "handlaggare"</c>). A value not listed is kept as it is.
    /// </summary>
    public Dictionary<string, string> RoleValues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Party values as the authority names them, mapped to party codes; a value not listed is kept.</summary>
    public Dictionary<string, string> PartyValues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether tokens are checked against an OIDC authority (otherwise the local signing key).</summary>
    public bool UsesAuthority => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress);
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
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidAudience = auth.Audience,
                    NameClaimType = FinsamClaims.Name,
                    RoleClaimType = FinsamClaims.Role,
                    ClockSkew = auth.ClockSkew,
                };
                if (auth.UsesAuthority)
                {
                    if (!string.IsNullOrWhiteSpace(auth.Authority))
                    {
                        options.Authority = auth.Authority;
                    }

                    if (!string.IsNullOrWhiteSpace(auth.MetadataAddress))
                    {
                        options.MetadataAddress = auth.MetadataAddress;
                    }

                    options.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                    options.RefreshInterval = auth.MetadataRefreshInterval;
                    options.AutomaticRefreshInterval = auth.MetadataAutomaticRefreshInterval;
                    // The issuer is the one the authority's discovery document names (the handler
                    // takes it from there when ValidIssuer is unset), so it is pinned by Authority.
                    options.TokenValidationParameters.ValidAlgorithms = auth.EffectiveAlgorithms;
                }
                else
                {
                    if (Encoding.UTF8.GetByteCount(auth.SigningKey) < 32)
                    {
                        throw new InvalidOperationException(
                            "Finsam:Auth:SigningKey must be at least 32 characters (or set Finsam:Auth:Authority).");
                    }

                    options.TokenValidationParameters.ValidIssuer = auth.Issuer;
                    options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
                    options.TokenValidationParameters.IssuerSigningKey =
                        new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey));
                }

                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (TokenClaims.Refusal(auth, context.SecurityToken, context.Principal!) is { } refusal)
                        {
                            context.Fail(refusal);
                            return Task.CompletedTask;
                        }

                        context.Principal = TokenClaims.Map(auth, context.Principal!);
                        return Task.CompletedTask;
                    },
                };
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
        WithoutKeyRingAtStart(services);
        return services;
    }

    /// <summary>The hosted service of ASP.NET's data protection, by name (the type is internal).</summary>
    public const string KeyRingAtStart = "DataProtectionHostedService";

    // AddAuthentication registers ASP.NET's data protection, whose hosted service loads the key ring
    // when the process starts, and on a first start creates a key and writes it to the home folder
    // (where the root filesystem is read-only, as in deploy/k8s, it warns and keeps it in memory).
    // This API issues no cookies and protects nothing with it: without the hosted service the ring
    // would load on first use, which never comes, and the XML stack it reads keys with stays unloaded
    // (README, "Performance").
    private static void WithoutKeyRingAtStart(IServiceCollection services)
    {
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == KeyRingAtStart).ToList())
        {
            services.Remove(hosted);
        }
    }
}
