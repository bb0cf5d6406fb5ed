using System.Net.Http.Headers;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Finsam.Samordning.Api.Tests.Infrastructure;

/// <summary>
/// Hosts the API over its own database in the run's PostgreSQL cluster. One factory per test class
/// (IClassFixture), so classes are isolated from each other and can run in parallel.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The signing key tests mint tokens with.</summary>
    public const string SigningKey = "finsam-tests-signing-key-0123456789abcdef";

    /// <summary>Monday 2 March 2026, 09:00 in Sweden: the start of every test's world.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    /// <summary>The clock the API sees.</summary>
    public TestClock Clock { get; } = new(Start);

    /// <summary>The database of this factory, as the superuser (for tests' own checks).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The database as the runtime role, which the API connects as.</summary>
    public string RuntimeConnectionString { get; private set; } = "";

    /// <summary>The database as the owner role, which migrates it.</summary>
    public string OwnerConnectionString { get; private set; } = "";

    /// <summary>This factory's database name.</summary>
    public string DatabaseName { get; } = $"t_{Guid.NewGuid():N}";

    /// <summary>The key store's database as the superuser: this factory's own, or another with <see cref="SeparateKeyStore"/>.</summary>
    public string KeysConnectionString { get; private set; } = "";

    /// <summary>Process roles; workers only where a test needs Hangfire to run jobs.</summary>
    protected virtual string Roles => "api";

    /// <summary>Whether the key store lives in a database of its own (<c>ConnectionStrings:FinsamKeys</c>).</summary>
    protected virtual bool SeparateKeyStore => false;

    private string KeysDatabaseName => SeparateKeyStore ? DatabaseName + "_keys" : DatabaseName;

    /// <summary>
    /// Creates the database and migrates it as the owner role, as a deployment does before it starts
    /// the service; the host then runs as the runtime role (nothing creates schema at its start).
    /// </summary>
    public virtual async Task InitializeAsync()
    {
        var cluster = PostgresCluster.Instance;
        ConnectionString = await cluster.CreateDatabaseAsync(DatabaseName);
        OwnerConnectionString = cluster.ConnectionString(DatabaseName, PostgresCluster.OwnerRole);
        RuntimeConnectionString = cluster.ConnectionString(DatabaseName, PostgresCluster.RuntimeRole);
        KeysConnectionString = SeparateKeyStore ? await cluster.CreateDatabaseAsync(KeysDatabaseName) : ConnectionString;
        await MigrateAsync();
    }

    /// <summary>Runs the migrate step on this factory's database as the owner role.</summary>
    public Task MigrateAsync() => Api.Infrastructure.Schema.SchemaMigrator.MigrateAsync(OwnerConnectionString,
        PostgresCluster.Instance.ConnectionString(KeysDatabaseName, PostgresCluster.OwnerRole), PostgresCluster.RuntimeRole, Api.Features.FeaturesSetup.ConfigureDocuments, _ => { }, CancellationToken.None,
        Api.Features.Flags.CaseFlags.BackfillAsync);

    /// <inheritdoc />
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // "Testing" is not Development: the schema is applied explicitly, as in production.
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Finsam", RuntimeConnectionString);
        if (SeparateKeyStore)
        {
            builder.UseSetting("ConnectionStrings:FinsamKeys", PostgresCluster.Instance.ConnectionString(KeysDatabaseName, PostgresCluster.RuntimeRole));
        }

        builder.UseSetting("Finsam:Roles", Roles);
        builder.UseSetting("Finsam:Auth:SigningKey", SigningKey);
        // Test tokens span the test clock and the real time (see Token), so they live long.
        builder.UseSetting("Finsam:Auth:MaxTokenLifetime", "1000.00:00:00");
        builder.UseSetting("Finsam:Crypto:KeyEncryptionKey", Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("tests-key-encryption-key-32bytes")));
        builder.UseSetting("Finsam:Crypto:LookupKey", Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("tests-lookup-hmac-key-32-bytes!!")));
        builder.UseSetting("Finsam:Jobs:QueuePollInterval", "00:00:00.200");
        builder.UseSetting("Finsam:LogFormat", "text");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>
    /// An HTTP client carrying a token for the given role and party; with <paramref name="keyEveryWrite"/>,
    /// every POST and PUT also carries a fresh Idempotency-Key, as a client that retries safely sends them.
    /// </summary>
    public HttpClient ClientFor(string role = "handlaggare", string? party = "AF", string? userId = null, bool keyEveryWrite = false)
    {
        var client = keyEveryWrite
            ? CreateDefaultClient(new KeyEveryWrite())
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", Token(role, party, userId ?? $"{role}-{party ?? "forbund"}-1"));
        return client;
    }

    /// <summary>Runs one SQL statement on this factory's database; returns the first column of the first row.</summary>
    public async Task<object?> Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    /// <summary>A token valid both at the real time and at the test clock's time.</summary>
    public string Token(string role, string? party, string userId, TimeSpan? lifetime = null, string? key = null,
        string? audience = null)
    {
        var real = DateTimeOffset.UtcNow;
        var earliest = real < Clock.GetUtcNow() ? real : Clock.GetUtcNow();
        var options = new AuthOptions
        {
            SigningKey = key ?? SigningKey,
            Audience = audience ?? new AuthOptions().Audience,
        };
        var span = lifetime ?? (Clock.GetUtcNow() - earliest).Duration() + (real - earliest).Duration() + TimeSpan.FromDays(400);
        return DevTokenFactory.Create(options, userId, $"Testperson {userId}", role, party, earliest.AddDays(-1), span);
    }
}

/// <summary>Gives every POST and PUT that has none a fresh Idempotency-Key.</summary>
internal sealed class KeyEveryWrite : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if ((request.Method == HttpMethod.Post || request.Method == HttpMethod.Put) && !request.Headers.Contains("Idempotency-Key"))
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A host that also runs the Hangfire server.</summary>
public sealed class WorkerApiFactory : ApiFactory
{
    /// <inheritdoc />
    protected override string Roles => "api,worker";
}
