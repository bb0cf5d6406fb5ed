using Hangfire.PostgreSql;

namespace Finsam.Samordning.Api.Infrastructure.Schema;

/// <summary>
/// What this build expects <c>migrate</c> to have applied, per component, as fingerprints: of
/// Marten's generated DDL, of the Hangfire.PostgreSql version (its scripts ship with it), and of
/// our own scripts. Ready when <c>migrate</c> has applied each of them at some time (a newer version's
/// migrate only adds, so an older build stays ready during a rollout).
/// </summary>
public sealed class SchemaExpectation(IDocumentStore store, KeyStore keys)
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> _data = new(() => ForData(store));

    /// <summary>The data database's components and their fingerprints.</summary>
    public static IReadOnlyDictionary<string, string> ForData(IDocumentStore store) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["marten"] = SchemaScripts.Fingerprint(store.Storage.ToDatabaseScript()),
        ["hangfire"] = SchemaScripts.Fingerprint("Hangfire.PostgreSql " + typeof(PostgreSqlStorage).Assembly.GetName().Version),
        ["access_log"] = SchemaScripts.Fingerprint(SchemaScripts.AccessLog),
    };

    /// <summary>The key store's component and its fingerprint.</summary>
    public static IReadOnlyDictionary<string, string> ForKeys() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["key_store"] = SchemaScripts.Fingerprint(SchemaScripts.KeyStore),
    };

    /// <summary>
    /// Why the schema is not what this build needs, or null when it is. Throws when a database
    /// cannot be reached (the caller says so).
    /// </summary>
    public async Task<string?> BehindAsync(CancellationToken ct)
    {
        var behind = new List<string>();
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            behind.AddRange(await Compare(connection, _data.Value, ct));
        }

        await using (var connection = await keys.OpenAsync(ct))
        {
            behind.AddRange(await Compare(connection, ForKeys(), ct));
        }

        return behind.Count == 0
            ? null
            : $"Schema behind this build: {string.Join(", ", behind)}. Run the migrate command (dotnet Finsam.Samordning.Api.dll migrate) as the owner role.";
    }

    private static async Task<IEnumerable<string>> Compare(NpgsqlConnection connection, IReadOnlyDictionary<string, string> expected, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"select case when to_regclass('{SchemaScripts.AppliedTable}') is null then null else 1 end";
        if (await command.ExecuteScalarAsync(ct) is null or DBNull)
        {
            return expected.Keys.Select(k => $"{k} (never migrated)");
        }

        // Ready when this build's fingerprint was applied at some time: later migrations only add.
        // The latest one is named when it is not, so the message says what the database has.
        command.CommandText = $"select component, fingerprint from {SchemaScripts.AppliedTable} order by applied_at";
        var applied = new HashSet<(string, string)>();
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied.Add((reader.GetString(0), reader.GetString(1)));
                latest[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return expected
            .Where(e => !applied.Contains((e.Key, e.Value)))
            .Select(e => latest.TryGetValue(e.Key, out var last) ? $"{e.Key} (expected {e.Value}, last applied {last})" : $"{e.Key} (never migrated)");
    }
}
