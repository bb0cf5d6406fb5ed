using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Infrastructure.Hosting;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Finsam.Samordning.Api.Tests.Auth;

/// <summary>Outside Development the service refuses to start with development keys or without an authority.</summary>
public sealed class StartupGuardTests
{
    private const string Kek = "dGVzdHMta2V5LWVuY3J5cHRpb24ta2V5LTMyYnl0ZXM=";
    private const string Lookup = "dGVzdHMtbG9va3VwLWhtYWMta2V5LTMyLWJ5dGVzISE=";

    public static TheoryData<string, string, string?, string> Refusals => new()
    {
        // environment, setting, value, what the message must name
        { "Production", "Finsam:Auth:SigningKey", AuthOptions.DevelopmentSigningKey, "development signing key" },
        { "Production", "Finsam:Crypto:KeyEncryptionKey", StartupGuard.DevelopmentKeyEncryptionKey, "KeyEncryptionKey is the published development key" },
        { "Production", "Finsam:Crypto:LookupKey", StartupGuard.DevelopmentLookupKey, "LookupKey is the published development key" },
        { "Production", "Finsam:Auth:Authority", "", "Authority is not set" },
        { "Staging", "Finsam:Auth:Authority", "", "Authority is not set" },
        { "Production", "Finsam:Crypto:KeyEncryptionKey", "", "KeyEncryptionKey is not set" },
        { "Development", "Finsam:Crypto:LookupKey", "c2hvcnQ=", "LookupKey must be 32 bytes" },
        { "Production", "Finsam:Auth:Algorithms:0", "HS256", "only asymmetric algorithms" },
        { "Production", "Finsam:Auth:SigningKey", "another-local-key-of-sufficient-length-0123", "SigningKey is set beside an authority" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refused_setting_is_named_in_the_message(string environment, string key, string? value, string expected)
    {
        var settings = Safe(environment);
        settings[key] = value;

        var problems = StartupGuard.Problems(Build(settings), Env(environment));

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void A_safe_configuration_starts(string environment) =>
        Assert.Empty(StartupGuard.Problems(Build(Safe(environment)), Env(environment)));

    [Fact]
    public void Development_may_use_the_published_keys_and_no_authority()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Finsam:Auth:SigningKey"] = AuthOptions.DevelopmentSigningKey,
            ["Finsam:Crypto:KeyEncryptionKey"] = StartupGuard.DevelopmentKeyEncryptionKey,
            ["Finsam:Crypto:LookupKey"] = StartupGuard.DevelopmentLookupKey,
        };

        Assert.Empty(StartupGuard.Problems(Build(settings), Env("Development")));
    }

    [Fact]
    public void The_host_itself_refuses_to_start_in_production_with_the_development_key()
    {
        using var factory = new ProductionWithDevelopmentKey();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("refuses to start in environment 'Production'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("development signing key", error.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Safe(string environment) => new()
    {
        ["Finsam:Auth:Authority"] = environment is "Development" or "Testing" ? "" : "https://login.example.se/finsam",
        ["Finsam:Auth:SigningKey"] = environment is "Development" or "Testing" ? "a-local-key-for-tests-only-0123456789" : "",
        ["Finsam:Crypto:KeyEncryptionKey"] = Kek,
        ["Finsam:Crypto:LookupKey"] = Lookup,
    };

    private static IConfiguration Build(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static IHostEnvironment Env(string name) => new TestEnvironment { EnvironmentName = name };

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "Finsam.Samordning.Api";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class ProductionWithDevelopmentKey : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Finsam:Auth:SigningKey", AuthOptions.DevelopmentSigningKey);
        }
    }
}
