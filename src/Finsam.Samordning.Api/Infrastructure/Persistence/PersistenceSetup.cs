using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Domain.Cases;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;

namespace Finsam.Samordning.Api.Infrastructure.Persistence;

/// <summary>Marten wiring: the event store, its inline projections and the documents beside it.</summary>
public static class PersistenceSetup
{
    /// <summary>PostgreSQL schema holding Marten's tables (events, streams, read models).</summary>
    public const string Schema = "finsam";

    /// <summary>Registers Marten with our schema, serializer, metadata and projections.</summary>
    public static IServiceCollection AddFinsamPersistence(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<FinsamOptions>().Bind(configuration.GetSection(FinsamOptions.Section));
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BusinessCalendar>();
        services.AddScoped<Idempotency.IdempotencyStore>();

        var connectionString = configuration.GetConnectionString("Finsam")
            ?? throw new InvalidOperationException("ConnectionStrings:Finsam is not configured.");

        var marten = services.AddMarten(_ =>
            {
                var options = new StoreOptions();
                Configure(options, connectionString, environment.IsDevelopment());
                return options;
            })
            .BuildSessionsWith<FinsamSessionFactory>(ServiceLifetime.Singleton);

        // The schema is applied explicitly, once, at start-up, so /health/ready can tell and a
        // database that cannot be migrated stops the process instead of failing a request.
        // Development additionally lets Marten create objects on first use (AutoCreate).
        marten.ApplyAllDatabaseChangesOnStartup();

        return services;
    }

    /// <summary>Store options shared by the API, tests and tools.</summary>
    public static void Configure(StoreOptions options, string connectionString, bool development)
    {
        // Marten opens and returns a pooled connection for each query and each SaveChanges; by
        // default Npgsql then sends DISCARD ALL, a round trip per return that the load benchmark's
        // pg_stat_statements showed as the most frequent statement. Sessions keep no server state
        // between uses, so the reset buys nothing.
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        options.Connection(builder.ConnectionString);
        options.DatabaseSchemaName = Schema;
        options.AutoCreateSchemaObjects = development ? AutoCreate.CreateOrUpdate : AutoCreate.None;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;

        // Registered up front so a process that only reads (e.g. history) knows every event type.
        foreach (var type in typeof(ICaseEvent).Assembly.GetTypes()
                     .Where(t => typeof(ICaseEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }))
        {
            options.Events.AddEventType(type);
        }

        // Inline only: read-your-writes for handläggare, and the async daemon is unavailable with
        // the substituted DistributedLock package (see README, "Decisions").
        // One document per case (CaseFile): the decider's state, the overview, the stall facts and
        // the list columns. A command reads it once (FetchForWriting) and, with the identity map,
        // the inline projection folds its events onto that same instance instead of reading it
        // again: one read and one write per command besides the events.
        options.Projections.Add<CaseFile.Projection>(ProjectionLifecycle.Inline);
        options.Events.UseIdentityMapForAggregates = true;

        // The case list sorts by last activity (an indexed column, so a page is read in order and
        // stops early), the stall scan reads only rows due by today (NextAttentionOn), and who is
        // related to a person is asked through the cases that name them (IndividualId). No GIN index
        // over the whole document: every command rewrites this row.
        options.Schema.For<CaseFile>()
            .Duplicate(x => x.LastActivityOn)
            .Duplicate(x => x.MunicipalityCode)
            .Duplicate(x => x.NextAttentionOn)
            .Duplicate(x => x.IndividualId!);

        // Every document type is named here: outside development nothing is created on first use.
        options.Schema.For<Idempotency.IdempotencyRecord>().Index(x => x.ExpiresAt);
        options.Schema.For<Features.Stalls.StallSettingsDocument>();
        // An individual is found by the look-up hash in the key store (finsam_keys), not here.
        options.Schema.For<Features.Individuals.Individual>();
    }
}
