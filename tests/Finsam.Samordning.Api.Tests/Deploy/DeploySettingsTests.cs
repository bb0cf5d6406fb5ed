using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Access;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Infrastructure.Hosting;
using Finsam.Samordning.Api.Infrastructure.Http;
using Finsam.Samordning.Api.Infrastructure.Jobs;
using Finsam.Samordning.Api.Infrastructure.Observability;
using Finsam.Samordning.Domain.Stalls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Finsam.Samordning.Api.Tests.Deploy;

/// <summary>
/// No container engine runs here, so the deploy files (Dockerfile, compose, Kubernetes) are checked
/// as text: every setting they pass must be one the service reads, the settings production needs
/// must be there, and the Kubernetes settings must pass the start-up guard. When the service gets a
/// new configuration section or key, add a row to <see cref="Sections"/> or <see cref="KnownKeys"/>.
/// </summary>
public sealed partial class DeploySettingsTests
{
    /// <summary>Configuration sections and what they accept below them (the options type bound there).</summary>
    private static readonly (string Prefix, Func<string[], bool> Accepts)[] Sections =
    [
        ("Finsam", Bound<FinsamOptions>),
        ("Finsam:Auth", Bound<AuthOptions>),
        ("Finsam:Crypto", Bound<CryptoOptions>),
        ("Finsam:Jobs", Bound<JobsOptions>),
        ("Finsam:Http", Bound<HttpOptions>),
        ("Finsam:Telemetry", Bound<TelemetryOptions>),
        // Finsam:StallRules:{Rule}:Enabled|Days|Count (StallSettingsStore).
        ("Finsam:StallRules", rest => rest.Length == 2 && StallRuleCodes.All.Contains(rest[0], StringComparer.OrdinalIgnoreCase)
            && rest[1] is "Enabled" or "Days" or "Count"),
    ];

    /// <summary>Keys read directly (not through an options type), by the framework or the runtime.</summary>
    private static readonly string[] KnownKeys =
    [
        "ConnectionStrings:Finsam",
        "ConnectionStrings:FinsamKeys",
        "Finsam:Database:RuntimeRole",
        "AllowedHosts",
        "Finsam:LogFormat",
        "Serilog:MinimumLevel:Default",
        "ASPNETCORE_ENVIRONMENT",
        "ASPNETCORE_HTTP_PORTS",
        "ASPNETCORE_URLS",
        "DOTNET_gcServer",
    ];

    /// <summary>What an API in production must be given (by the file itself or by reference to a secret).</summary>
    private static readonly string[] RequiredForApi =
    [
        "ASPNETCORE_ENVIRONMENT",
        "ConnectionStrings:Finsam",
        "Finsam:Roles",
        "Finsam:Auth:Authority",
        "Finsam:Crypto:KeyEncryptionKey",
        "Finsam:Crypto:LookupKey",
        "AllowedHosts",
    ];

    /// <summary>The deploy files that pass settings.</summary>
    private static readonly string[] FileList =
    [
        "deploy/docker/Dockerfile",
        "deploy/compose.yaml",
        "deploy/k8s/configmap.yaml",
        "deploy/k8s/migrate-job.yaml",
        "deploy/k8s/api-deployment.yaml",
        "deploy/k8s/worker-deployment.yaml",
        "deploy/k8s/secrets.md",
    ];

    /// <summary>The deploy files, as theory data.</summary>
    public static TheoryData<string> Files => new(FileList);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_setting_a_deploy_file_passes_is_one_the_service_reads(string file)
    {
        var settings = SettingsIn(File.ReadAllText(Path.Combine(Root, file)));

        Assert.NotEmpty(settings);
        Assert.All(settings, setting => Assert.True(Exists(setting), $"{file} passes '{setting}', which the service does not read."));
    }

    [Fact]
    public void Every_deploy_file_is_checked()
    {
        var onDisk = Directory.GetFiles(Path.Combine(Root, "deploy", "k8s"))
            .Select(f => "deploy/k8s/" + Path.GetFileName(f))
            .Where(f => SettingsIn(File.ReadAllText(Path.Combine(Root, f))).Count > 0);

        Assert.NotEmpty(onDisk);
        Assert.All(onDisk, f => Assert.Contains(f, FileList));
    }

    [Theory]
    [InlineData("deploy/compose.yaml")]
    [InlineData("deploy/k8s/configmap.yaml", "deploy/k8s/api-deployment.yaml")]
    public void The_api_is_given_every_setting_production_needs(params string[] files)
    {
        var given = files.SelectMany(f => SettingsIn(File.ReadAllText(Path.Combine(Root, f)))).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(RequiredForApi, required => Assert.Contains(required, given));
    }

    [Theory]
    [InlineData("deploy/compose.yaml", "command: [\"migrate\"]")]
    [InlineData("deploy/k8s/migrate-job.yaml", "args: [\"migrate\"]")]
    public void The_migrate_step_runs_the_migrate_command_with_the_owner_connection_and_the_runtime_role(string file, string invocation)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));
        var settings = SettingsIn(text);

        Assert.Contains(invocation, text);
        Assert.Contains("ConnectionStrings:Finsam", settings);
        Assert.Contains("Finsam:Database:RuntimeRole", settings);
        Assert.Contains(Api.Infrastructure.Schema.SchemaMigrator.RuntimeRoleKey, settings);
    }

    [Fact]
    public void The_kubernetes_settings_with_secrets_filled_in_pass_the_start_up_guard()
    {
        var settings = ConfigMapData(File.ReadAllText(Path.Combine(Root, "deploy/k8s/configmap.yaml")));
        settings["Finsam:Roles"] = "api";
        settings["ConnectionStrings:Finsam"] = "Host=pg;Database=finsam;Username=finsam_app;Password=x";
        settings["Finsam:Crypto:KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        settings["Finsam:Crypto:LookupKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Empty(StartupGuard.Problems(configuration, new ProductionEnvironment()));
    }

    [Fact]
    public void The_image_is_multi_stage_runs_as_a_user_without_privileges_and_checks_its_health()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "deploy/docker/Dockerfile"));

        Assert.True(FromLine().Matches(dockerfile).Count >= 2);
        Assert.Matches(new Regex(@"^USER (app|\d{3,})\s*$", RegexOptions.Multiline), dockerfile);
        Assert.Contains("HEALTHCHECK", dockerfile);
        Assert.Contains("/health/live", dockerfile);
        Assert.True(File.Exists(Path.Combine(Root, ".dockerignore")));
    }

    [Fact]
    public void Kubernetes_has_probes_resources_and_the_objects_around_the_api()
    {
        foreach (var deployment in new[] { "api-deployment.yaml", "worker-deployment.yaml" })
        {
            var text = File.ReadAllText(Path.Combine(Root, "deploy/k8s", deployment));
            Assert.Contains("livenessProbe", text);
            Assert.Contains("readinessProbe", text);
            Assert.Contains("path: /health/ready", text);
            Assert.Contains("resources:", text);
            Assert.Contains("runAsNonRoot: true", text);
            Assert.Contains("secretKeyRef", text);
        }

        var kinds = Directory.GetFiles(Path.Combine(Root, "deploy/k8s"), "*.yaml")
            .SelectMany(f => KindLine().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.Superset(new HashSet<string> { "Job", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ConfigMap" }, kinds);
    }

    // Environment-variable names in a file: those with "__" (a configuration path), and the
    // framework's own (ASPNETCORE_*, DOTNET_*, AllowedHosts). Compose's ${VARIABLES} have single
    // underscores and are the operator's, not the service's.
    private static List<string> SettingsIn(string text) =>
        SettingName().Matches(text).Select(m => m.Groups[1].Value)
            .Select(name => name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || name.StartsWith("DOTNET_", StringComparison.Ordinal)
                ? name
                : name.Replace("__", ":", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    private static bool Exists(string setting)
    {
        if (KnownKeys.Contains(setting, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var section = Sections
            .Where(s => setting.StartsWith(s.Prefix + ":", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(s => s.Prefix.Length)
            .FirstOrDefault();
        return section.Prefix is not null && section.Accepts(setting[(section.Prefix.Length + 1)..].Split(':'));
    }

    // Walks the path through the options type's public settable properties (nested option types,
    // arrays by index, dictionaries by any key), as the configuration binder would.
    private static bool Bound<T>(string[] path)
    {
        var type = typeof(T);
        for (var i = 0; i < path.Length; i++)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                return i == path.Length - 1;
            }

            if (type.IsArray || (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type)))
            {
                if (!int.TryParse(path[i], out _))
                {
                    return false;
                }

                type = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
                continue;
            }

            var property = type.GetProperty(path[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || (!property.CanWrite && !IsComplex(property.PropertyType)))
            {
                return false;
            }

            type = property.PropertyType;
        }

        return !IsComplex(type) || type.IsArray || type.IsGenericType;
    }

    private static bool IsComplex(Type type) =>
        type.IsClass && type != typeof(string) && !type.IsArray && !type.IsGenericType;

    private static Dictionary<string, string?> ConfigMapData(string yaml) =>
        ConfigMapEntry().Matches(yaml)
            .ToDictionary(m => m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal), m => (string?)m.Groups[2].Value.Trim().Trim('"'));

    private static string Root
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(dir, "Finsam.Samordning.sln")))
            {
                dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar))!;
            }

            return dir;
        }
    }

    [GeneratedRegex(@"(?<![\w$])(ASPNETCORE_[A-Z_]+|DOTNET_\w+|AllowedHosts|[A-Za-z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+)")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"^  ((?:ASPNETCORE_\w+|AllowedHosts|\w+__\w+)): (.+)$", RegexOptions.Multiline)]
    private static partial Regex ConfigMapEntry();

    [GeneratedRegex(@"^FROM\s", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^kind:\s*(\w+)", RegexOptions.Multiline)]
    private static partial Regex KindLine();

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Finsam.Samordning.Api";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
