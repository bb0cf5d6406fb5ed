using System.Text.Json.Serialization.Metadata;
using JasperFx;
using Weasel.Core;

namespace Finsam.Samordning.Api.Infrastructure.Persistence;

/// <summary>Marten wiring: the event store, its inline projections and the documents beside it.</summary>
public static class PersistenceSetup
{
    /// <summary>PostgreSQL schema holding Marten's tables (events, streams, read models).</summary>
    public const string Schema = "finsam";

    /// <summary>Registers Marten with our schema, serializer, metadata and projections.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">Configuration (the connection string).</param>
    /// <param name="environment">Development creates schema objects on first use.</param>
    /// <param name="documents">Registers the document types and projections.</param>
    public static IServiceCollection AddFinsamPersistence(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, Action<StoreOptions> documents)
    {
        services.AddOptions<FinsamOptions>().Bind(configuration.GetSection(FinsamOptions.Section));
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BusinessCalendar>();
        services.AddScoped<Idempotency.IdempotencyStore>();

        var connectionString = configuration.GetConnectionString("Finsam")
            ?? throw new InvalidOperationException("ConnectionStrings:Finsam is not configured.");

        services.AddMarten(_ =>
            {
                var options = new StoreOptions();
                Configure(options, connectionString, environment.IsDevelopment(), documents);
                return options;
            })
            .BuildSessionsWith<FinsamSessionFactory>(ServiceLifetime.Singleton);

        // Nothing here changes the schema: the migrate command does, as the owner role, and the
        // process runs as a role that could not (README, "Schema and roles"). /health/ready says
        // when the schema is behind this build.

        return services;
    }

    /// <summary>Store options shared by the API, tests and tools.</summary>
    /// <param name="options">The options to fill.</param>
    /// <param name="connectionString">The database.</param>
    /// <param name="development">Whether Marten may create objects on first use.</param>
    /// <param name="documents">Registers the document types and projections.</param>
    public static void Configure(StoreOptions options, string connectionString, bool development, Action<StoreOptions> documents)
    {
        // Marten opens and returns a pooled connection for each query and each SaveChanges; by
        // default Npgsql then sends DISCARD ALL, a round trip per return that the load benchmark's
        // pg_stat_statements showed as the most frequent statement. Sessions keep no server state
        // between uses, so the reset buys nothing.
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        // Marten sends its statements unprepared, so PostgreSQL parsed and planned the same few
        // (stream version, case file, quick append, upserts) on every command. Npgsql's automatic
        // preparation keeps the frequent ones prepared per physical connection. A connection
        // string that sets it (0 turns it off) wins.
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        // Documents over 2 kB are compressed when written and again decompressed when read. A case
        // file (10 kB of JSON) is rewritten on every command; with PostgreSQL's default pglz that
        // compression cost some 0.3 ms of the server's CPU per write, with lz4 under 0.1 ms, and lz4
        // also reads back faster (measured on copies of the same 5,000 case files; README,
        // "Decisions"). A per-session setting, so no schema change; added to any Options the
        // connection string has, unless it chooses a compression itself.
        if (builder.Options?.Contains("default_toast_compression", StringComparison.Ordinal) != true)
        {
            builder.Options = $"{builder.Options} -c default_toast_compression=lz4".TrimStart();
        }

        options.Connection(builder.ConnectionString);
        options.DatabaseSchemaName = Schema;
        options.AutoCreateSchemaObjects = development ? AutoCreate.CreateOrUpdate : AutoCreate.None;
        // Nulls are left out of stored JSON (a missing member reads back as null): most of an
        // entry's optional dates and reasons are empty, and the case file is rewritten whole on
        // every command, so its size is paid on every write and read (18 % of a case file's JSON).
        // Computed members (an entry's IsOpen, an event's BusinessDate) are not stored either: they
        // are derived again when read, and nothing queries them in SQL.
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json =>
        {
            json.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(LeaveOutComputedMembers);
        });

        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;

        // Registered up front so a process that only reads (e.g. history) knows every event type.
        foreach (var type in CaseEventTypes.All)
        {
            options.Events.AddEventType(type);
        }

        // Inline only: read-your-writes for handläggare, and the async daemon is unavailable with
        // the substituted DistributedLock package (see README, "Decisions").
        // Every document type is named: outside development nothing is created on first use. The
        // features name theirs and their projections (FeaturesSetup.ConfigureDocuments).
        options.Schema.For<Idempotency.IdempotencyRecord>().Index(x => x.ExpiresAt);
        documents(options);
    }

    // A member with no setter that no constructor parameter fills is computed from the others.
    private static void LeaveOutComputedMembers(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i] is { Set: null, AssociatedParameter: null })
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
