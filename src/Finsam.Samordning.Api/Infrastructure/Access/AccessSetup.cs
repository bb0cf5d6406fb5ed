using Marten;

namespace Finsam.Samordning.Api.Infrastructure.Access;

/// <summary>Secrecy and the access log.</summary>
public static class AccessSetup
{
    /// <summary>Registers the sealing of free text, the access-log writer and the schema it needs (created or upgraded at start-up).</summary>
    public static IServiceCollection AddFinsamAccess(this IServiceCollection services)
    {
        services.AddOptions<CryptoOptions>().BindConfiguration("Finsam:Crypto");
        services.AddSingleton<PersonalDataProtector>();
        // Scoped: unwrapped keys live for one request, so an erasure takes effect on the next.
        services.AddScoped<TextKeys>();
        services.AddScoped<FreeTextSealer>();
        services.AddScoped<FreeTextOpener>();
        services.AddScoped<AccessContext>();
        services.AddSingleton<AccessLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessLogWriter>());
        // Registered before the writer's hosted service runs: hosted services start in order.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, AccessAndKeySchemas>());
        return services;
    }

    /// <summary>Logs access to case and individual data (between authentication and authorization).</summary>
    public static WebApplication UseFinsamAccessLog(this WebApplication app)
    {
        app.UseMiddleware<AccessLogMiddleware>();
        return app;
    }
}

/// <summary>
/// Creates the access log and the key store at start-up. The access log is append-only by trigger,
/// which binds every role including the table's owner: UPDATE, DELETE and TRUNCATE fail. The key
/// store holds, per enrolment of an individual, the wrapped key, the look-up hash and the link to
/// the person (the id of the person's first enrolment): erasure deletes the three together, and
/// none of them is in the data's schema (rows from before the link get their own id as person and
/// the hash their document held). Beside it, the keys of cases with no registered person, which
/// seal those cases' free text. In production the tables belong to a migration role and the
/// application's role gets INSERT and SELECT only (deploy notes in the README).
/// </summary>
public sealed class AccessAndKeySchemas(IDocumentStore store) : IHostedService
{
    /// <summary>Schema of the individuals' keys, kept apart from the data they protect.</summary>
    public const string KeySchema = "finsam_keys";
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            create schema if not exists {AccessLogWriter.Schema};
            create table if not exists {AccessLogWriter.Schema}.access_log (
                id bigint generated always as identity primary key,
                at timestamptz not null,
                user_id text not null,
                party text null,
                role text null,
                case_id uuid null,
                individual_id uuid null,
                action text not null,
                allowed boolean not null,
                status integer not null);
            alter table {AccessLogWriter.Schema}.access_log
                add column if not exists shown_case_ids uuid[] null,
                add column if not exists matched_individual_id uuid null;
            create index if not exists access_log_case on {AccessLogWriter.Schema}.access_log (case_id, at);
            create index if not exists access_log_shown on {AccessLogWriter.Schema}.access_log using gin (shown_case_ids);
            create index if not exists access_log_matched on {AccessLogWriter.Schema}.access_log (matched_individual_id, at) where matched_individual_id is not null;
            create index if not exists access_log_individual on {AccessLogWriter.Schema}.access_log (individual_id, at);
            create index if not exists access_log_user on {AccessLogWriter.Schema}.access_log (user_id, at);
            create or replace function {AccessLogWriter.Schema}.refuse_change() returns trigger language plpgsql as $$
            begin
              raise exception 'the access log is append-only';
            end $$;
            drop trigger if exists access_log_append_only on {AccessLogWriter.Schema}.access_log;
            create trigger access_log_append_only before update or delete on {AccessLogWriter.Schema}.access_log
              for each row execute function {AccessLogWriter.Schema}.refuse_change();
            drop trigger if exists access_log_no_truncate on {AccessLogWriter.Schema}.access_log;
            create trigger access_log_no_truncate before truncate on {AccessLogWriter.Schema}.access_log
              for each statement execute function {AccessLogWriter.Schema}.refuse_change();
            create schema if not exists {KeySchema};
            create table if not exists {KeySchema}.individual_keys (
                individual_id uuid primary key,
                wrapped_key bytea not null,
                created_at timestamptz not null);
            alter table {KeySchema}.individual_keys add column if not exists person_id uuid null;
            alter table {KeySchema}.individual_keys add column if not exists lookup_hash text null;
            create index if not exists individual_keys_lookup on {KeySchema}.individual_keys (lookup_hash);
            create index if not exists individual_keys_person on {KeySchema}.individual_keys (person_id);
            create table if not exists {KeySchema}.case_keys (
                case_id uuid primary key,
                wrapped_key bytea not null,
                created_at timestamptz not null);
            update {KeySchema}.individual_keys set person_id = individual_id where person_id is null;
            do $$ begin
              if to_regclass('{Persistence.PersistenceSetup.Schema}.mt_doc_individual') is not null then
                update {KeySchema}.individual_keys k set lookup_hash = d.data ->> 'lookupHash'
                  from {Persistence.PersistenceSetup.Schema}.mt_doc_individual d
                  where d.id = k.individual_id and k.lookup_hash is null and d.data ->> 'lookupHash' is not null;
                update {Persistence.PersistenceSetup.Schema}.mt_doc_individual set data = data - 'lookupHash' where data ->> 'lookupHash' is not null;
              end if;
            end $$;
            """;
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState is "23505" or "42P07" or "42710" or "42701")
        {
            // Two processes starting at once raced on "if not exists": the other one created it.
        }
    }
    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
