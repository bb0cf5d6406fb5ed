namespace Finsam.Samordning.Api.Infrastructure.Hosting;

/// <summary>
/// Refuses to start a process whose configuration would run insecurely or fail on every request:
/// the published development keys outside Development, no OIDC authority outside Development (and
/// the test host), missing or malformed encryption keys anywhere. Checked before the host is built,
/// so the operator reads one message listing everything to fix instead of a 500 on each request.
/// </summary>
public static class StartupGuard
{
    /// <summary>The environment of the test host: a local signing key is allowed there, the development keys are not.</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>The published development key-encryption key (appsettings.Development.json).</summary>
    public const string DevelopmentKeyEncryptionKey = "ZGV2ZWxvcG1lbnQta2V5LWVuY3J5cHRpb24ta2V5ISE=";

    /// <summary>The published development look-up key (appsettings.Development.json).</summary>
    public const string DevelopmentLookupKey = "ZGV2ZWxvcG1lbnQtbG9va3VwLWhtYWMta2V5LTMyYiE=";

    /// <summary>Every reason the configuration is refused in this environment (empty when it may start).</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        var auth = configuration.GetSection("Finsam:Auth").Get<AuthOptions>() ?? new AuthOptions();
        var crypto = configuration.GetSection("Finsam:Crypto").Get<CryptoOptions>() ?? new CryptoOptions();
        var development = environment.IsDevelopment();
        var localTokensAllowed = development || environment.IsEnvironment(TestingEnvironment);

        if (!development)
        {
            if (auth.SigningKey == AuthOptions.DevelopmentSigningKey)
            {
                problems.Add("Finsam:Auth:SigningKey is the published development signing key; anyone can mint tokens with it.");
            }

            if (crypto.KeyEncryptionKey == DevelopmentKeyEncryptionKey)
            {
                problems.Add("Finsam:Crypto:KeyEncryptionKey is the published development key; set the förbund's own key.");
            }

            if (crypto.LookupKey == DevelopmentLookupKey)
            {
                problems.Add("Finsam:Crypto:LookupKey is the published development key; set the förbund's own key.");
            }
        }

        if (!localTokensAllowed && !auth.UsesAuthority)
        {
            problems.Add($"Finsam:Auth:Authority is not set: outside Development tokens must come from an OIDC authority (environment '{environment.EnvironmentName}').");
        }

        if (!localTokensAllowed && auth.UsesAuthority && !string.IsNullOrEmpty(auth.SigningKey))
        {
            problems.Add("Finsam:Auth:SigningKey is set beside an authority: remove it, local tokens are for Development only.");
        }

        if (auth.UsesAuthority && auth.EffectiveAlgorithms.Any(a => a.StartsWith("HS", StringComparison.OrdinalIgnoreCase) || a.Equals("none", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("Finsam:Auth:Algorithms may name only asymmetric algorithms (RS*, PS*, ES*) for an authority.");
        }

        CheckKey(problems, crypto.KeyEncryptionKey, "Finsam:Crypto:KeyEncryptionKey");
        CheckKey(problems, crypto.LookupKey, "Finsam:Crypto:LookupKey");
        return problems;
    }

    /// <summary>Throws, naming every problem, when the configuration is refused.</summary>
    public static void EnsureSafe(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = Problems(configuration, environment);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Finsam Samordning refuses to start in environment '{environment.EnvironmentName}':"
                + string.Concat(problems.Select(p => Environment.NewLine + " - " + p)));
        }
    }

    private static void CheckKey(List<string> problems, string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{name} is not set (32 bytes in base64).");
            return;
        }

        Span<byte> bytes = stackalloc byte[64];
        if (!Convert.TryFromBase64String(value, bytes, out var length) || length != 32)
        {
            problems.Add($"{name} must be 32 bytes in base64.");
        }
    }
}
