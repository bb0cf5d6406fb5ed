namespace Finsam.Samordning.Api.Infrastructure.Access;

/// <summary>
/// The key store's database (<c>ConnectionStrings:FinsamKeys</c>, by default the data's own). It has
/// a connection string of its own so it can live in another database with its own, short-lived
/// backups: erasure deletes keys, and a backup that shares the data's retention would keep them.
/// Because it may be another database, nothing here joins the data's transactions.
/// </summary>
public sealed class KeyStore : IAsyncDisposable
{
    /// <summary>Name of the key store's connection string.</summary>
    public const string ConnectionStringName = "FinsamKeys";

    private readonly NpgsqlDataSource _source;

    /// <summary>Opens a pool on <paramref name="connectionString"/>.</summary>
    public KeyStore(string connectionString) =>
        // As for Marten: nothing keeps session state, so no DISCARD ALL round trip on each return.
        _source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString);

    /// <summary>The key store's connection string from configuration: its own, else the data's.</summary>
    public static string ConnectionStringFrom(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } own
            ? own
            : configuration.GetConnectionString("Finsam") ?? throw new InvalidOperationException("ConnectionStrings:Finsam is not configured.");

    /// <summary>An open connection to the key store.</summary>
    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct) => _source.OpenConnectionAsync(ct);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
