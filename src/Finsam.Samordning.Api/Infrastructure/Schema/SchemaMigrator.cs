using Finsam.Samordning.Api.Infrastructure.Jobs;
using Hangfire.PostgreSql;

namespace Finsam.Samordning.Api.Infrastructure.Schema;

/// <summary>Brings data written by an earlier release up to date, once the schema is applied; a no-op when nothing is left to do.</summary>
public delegate Task DataUpgrade(IDocumentStore store, Action<string> log, CancellationToken ct);

/// <summary>
/// Applies every schema (Marten's, Hangfire's, the access log, and the key store in its own
/// database) as the owner role, then grants the runtime role data rights only: on the access log
/// INSERT and SELECT, on the key store SELECT, INSERT and DELETE. The API and the worker never
/// change the schema; they are not ready while what <c>migrate</c> recorded differs from what
/// their build expects (<see cref="SchemaExpectation"/>).
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The configuration key naming the role the API and the worker connect as.</summary>
    public const string RuntimeRoleKey = "Finsam:Database:RuntimeRole";

    /// <summary>The runtime role when configuration names none.</summary>
    public const string DefaultRuntimeRole = "finsam_app";

    // Two migrations at once (two deploys, a Job retried) take turns on this lock.
    private const long LockId = 0x46494E53414D; // "FINSAM"

    /// <summary>The <c>migrate</c> command: reads the connection strings (owner credentials) from configuration; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, Action<StoreOptions> documents, DataUpgrade? upgradeData = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var configuration = builder.Configuration;
        var data = configuration.GetConnectionString("Finsam");
        if (string.IsNullOrEmpty(data))
        {
            await Console.Error.WriteLineAsync("migrate: ConnectionStrings:Finsam is not configured (the owner role's connection).");
            return 2;
        }

        var role = configuration[RuntimeRoleKey] ?? DefaultRuntimeRole;
        try
        {
            await MigrateAsync(data, KeyStore.ConnectionStringFrom(configuration), role, documents, Console.WriteLine, CancellationToken.None, upgradeData);
            Console.WriteLine("migrate: done.");
            return 0;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The message names what failed (a missing role, a refused connection); no data is in it.
            await Console.Error.WriteLineAsync($"migrate: failed: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Applies every schema to the data's and the key store's databases and grants <paramref name="runtimeRole"/> its rights.</summary>
    /// <param name="dataConnection">The data's database, as its owner.</param>
    /// <param name="keysConnection">The key store's database (may be the same), as its owner.</param>
    /// <param name="runtimeRole">The role the API and the worker connect as; empty grants nothing.</param>
    /// <param name="documents">Registers the document types and projections.</param>
    /// <param name="log">Progress lines.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="upgradeData">Brings data written by an earlier release up to date, after the schema (the features say what).</param>
    public static async Task MigrateAsync(string dataConnection, string keysConnection, string? runtimeRole,
        Action<StoreOptions> documents, Action<string> log, CancellationToken ct, DataUpgrade? upgradeData = null)
    {
        await using var data = new NpgsqlConnection(dataConnection);
        await data.OpenAsync(ct);
        await Execute(data, $"select pg_advisory_lock({LockId})", ct);
        try
        {
            var options = new StoreOptions();
            PersistenceSetup.Configure(options, dataConnection, development: false, documents);
            await using var store = new DocumentStore(options);
            log("migrate: Marten schema " + PersistenceSetup.Schema);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            if (upgradeData is not null)
            {
                await upgradeData(store, log, ct);
            }

            log("migrate: Hangfire schema " + JobsSetup.Schema);
            PostgreSqlObjectsInstaller.Install(data, JobsSetup.Schema);
            log("migrate: access log " + AccessLogWriter.Schema);
            await Execute(data, SchemaScripts.AccessLog, ct);
            await Execute(data, SchemaScripts.Applied, ct);
            var owner = (string)(await Scalar(data, "select current_user", ct))!;
            var role = Grantee(runtimeRole, owner, log);
            if (role is not null)
            {
                log($"migrate: grants to {runtimeRole}");
                await Execute(data, DataGrants(role), ct);
            }

            await Record(data, SchemaExpectation.ForData(store), ct);

            await using var keys = new NpgsqlConnection(keysConnection);
            await keys.OpenAsync(ct);
            log("migrate: key store " + AccessAndKeySchemas.KeySchema);
            await Execute(keys, SchemaScripts.KeyStore, ct);
            await Execute(keys, SchemaScripts.Applied, ct);
            if (Grantee(runtimeRole, (string)(await Scalar(keys, "select current_user", ct))!, log) is { } keyRole)
            {
                await Execute(keys, KeyGrants(keyRole), ct);
            }

            await Record(keys, SchemaExpectation.ForKeys(), ct);
        }
        finally
        {
            await Execute(data, $"select pg_advisory_unlock({LockId})", CancellationToken.None);
        }
    }

    // Data rights only: no ownership, so no ALTER, DROP or DISABLE TRIGGER anywhere, and on the
    // access log not even UPDATE, DELETE or TRUNCATE (the trigger refuses those anyway, for the owner too).
    private static string DataGrants(string role) => $"""
        grant usage on schema {PersistenceSetup.Schema}, {JobsSetup.Schema}, {AccessLogWriter.Schema}, finsam_migrate to {role};
        grant select, insert, update, delete on all tables in schema {PersistenceSetup.Schema}, {JobsSetup.Schema} to {role};
        grant usage, select, update on all sequences in schema {PersistenceSetup.Schema}, {JobsSetup.Schema} to {role};
        grant execute on all functions in schema {PersistenceSetup.Schema} to {role};
        revoke all on {AccessLogWriter.Schema}.access_log from {role};
        grant select, insert on {AccessLogWriter.Schema}.access_log to {role};
        grant usage on all sequences in schema {AccessLogWriter.Schema} to {role};
        grant select on {SchemaScripts.AppliedTable} to {role};
        """;

    // Keys are inserted and deleted (erasure), never changed.
    private static string KeyGrants(string role) => $"""
        grant usage on schema {AccessAndKeySchemas.KeySchema}, finsam_migrate to {role};
        revoke all on all tables in schema {AccessAndKeySchemas.KeySchema} from {role};
        grant select, insert, delete on all tables in schema {AccessAndKeySchemas.KeySchema} to {role};
        grant select on {SchemaScripts.AppliedTable} to {role};
        """;

    // The quoted role, or null when there is nothing to grant: no role named, or the owner itself
    // (revoking from it would take the owner's own rights on the access log).
    private static string? Grantee(string? runtimeRole, string owner, Action<string> log)
    {
        if (string.IsNullOrWhiteSpace(runtimeRole))
        {
            return null;
        }

        if (string.Equals(runtimeRole, owner, StringComparison.Ordinal))
        {
            log($"migrate: warning: the runtime role {runtimeRole} is the owner; it keeps every right. Use a role of its own.");
            return null;
        }

        return "\"" + runtimeRole.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static async Task Record(NpgsqlConnection connection, IReadOnlyDictionary<string, string> components, CancellationToken ct)
    {
        foreach (var (component, fingerprint) in components)
        {
            await using var command = new NpgsqlCommand(
                $"insert into {SchemaScripts.AppliedTable} (component, fingerprint, applied_at) values (@c, @f, now()) " +
                "on conflict (component, fingerprint) do update set applied_at = excluded.applied_at", connection);
            command.Parameters.Add(new NpgsqlParameter<string>("c", component));
            command.Parameters.Add(new NpgsqlParameter<string>("f", fingerprint));
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
