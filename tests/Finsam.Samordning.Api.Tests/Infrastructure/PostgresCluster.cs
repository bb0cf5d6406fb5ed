using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Finsam.Samordning.Api.Tests.Infrastructure;

/// <summary>
/// One private PostgreSQL cluster per test run: initdb into a temp folder, a free port on
/// 127.0.0.1, stopped and deleted when the test process exits. Each test class gets its own
/// database in it (see <see cref="ApiFactory"/>).
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Shared = new(() => Start(durable: false), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _data;

    private PostgresCluster(string bin, string data, int port)
    {
        _bin = bin;
        _data = data;
        Port = port;
    }

    /// <summary>The run's cluster, started on first use.</summary>
    public static PostgresCluster Instance => Shared.Value;

    /// <summary>The port the cluster listens on.</summary>
    public int Port { get; }

    /// <summary>Where the server binaries (and pgbench) are.</summary>
    public string BinDirectory => _bin;

    /// <summary>The role that owns every database and applies the schema (<c>migrate</c>), as in deploy/local.</summary>
    public const string OwnerRole = "finsam_owner";

    /// <summary>The role the API and the worker connect as: data rights only, as in deploy/local.</summary>
    public const string RuntimeRole = "finsam_app";

    /// <summary>Connection string for a database as the superuser (for tests' own checks and set-up).</summary>
    public string ConnectionString(string database) => ConnectionString(database, "postgres");

    /// <summary>Connection string for a database as <paramref name="role"/> (trust authentication: no password).</summary>
    public string ConnectionString(string database, string role) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={role};Pooling=true;Maximum Pool Size=30";

    /// <summary>Creates an empty database owned by <see cref="OwnerRole"/> and returns its superuser connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database \"{name}\" owner {OwnerRole}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    // The two roles of deploy/local/pg-start.sh, created once per cluster (roles are cluster-wide).
    private void CreateRoles()
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"create role {OwnerRole} login; create role {RuntimeRole} login", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Starts a private cluster. Tests run without durability (nothing to wait on fsync for);
    /// benchmarks run with PostgreSQL's defaults, so their figures mean something.
    /// </summary>
    public static PostgresCluster Start(bool durable)
    {
        var bin = FindBin();
        SweepStale();
        var data = Path.Combine(Path.GetTempPath(), $"{Prefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var port = FreePort();
        if (IsRoot)
        {
            // PostgreSQL refuses to run as root; as root the cluster belongs to the 'postgres' user.
            Run("chown", "postgres:postgres", data);
        }

        RunAsPostgres(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        // Benchmarks also record where the database's time goes (pg_stat_statements, shipped with the server package).
        var settings = durable ? "-c shared_buffers=512MB -c shared_preload_libraries=pg_stat_statements" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        RunAsPostgres(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=400 {settings}",
            "start");
        var cluster = new PostgresCluster(bin, data, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        cluster.CreateRoles();
        return cluster;
    }

    private const string Prefix = "finsam-test-pg-";

    /// <summary>
    /// Removes clusters earlier runs left behind: the test host may be ended before its exit
    /// handler has deleted the folder. A folder counts as left behind when no server runs in it
    /// and it is more than a minute old (a run starting now may still be in initdb).
    /// </summary>
    private static void SweepStale()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            try
            {
                var pidFile = Path.Combine(folder, "postmaster.pid");
                var running = File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && Directory.Exists($"/proc/{pid}");
                if (!running && Directory.GetCreationTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-1))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's folder or one being removed right now: leave it.
            }
        }
    }

    private void Stop()
    {
        try
        {
            RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "-D", _data, "-m", "immediate", "-w", "stop");
        }
        catch (Exception)
        {
            // Best effort at exit: the folder is removed below either way.
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindBin()
    {
        var fromEnv = Environment.GetEnvironmentVariable("FINSAM_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "initdb")))
        {
            return fromEnv;
        }

        // Debian keeps the server binaries in /usr/lib/postgresql/<version>/bin, not on PATH.
        var root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found. Run the tests with deploy/local/test.sh (it installs the Debian 'postgresql' package), or set FINSAM_PG_BIN.");
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAsPostgres(string file, params string[] args)
    {
        if (IsRoot)
        {
            Run("runuser", ["-u", "postgres", "--", file, .. args]);
        }
        else
        {
            Run(file, args);
        }
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {stdout.Result} {stderr.Result}");
        }
    }
}
