using System.Security.Cryptography;
using System.Text;

namespace Finsam.Samordning.Api.Infrastructure.Schema;

/// <summary>
/// The SQL of the schemas that are ours (not Marten's or Hangfire's). Every statement is
/// idempotent: <c>migrate</c> runs the whole script each time. A script's fingerprint (a hash of
/// its text) is what <c>migrate</c> records and readiness compares, so changing a script makes
/// every running process not ready until <c>migrate</c> has applied it.
/// </summary>
public static class SchemaScripts
{
    /// <summary>
    /// The access log, append-only by trigger: UPDATE, DELETE and TRUNCATE fail for every role, the
    /// owner included. The runtime role gets INSERT and SELECT only (see the grants), so it can
    /// neither disable the trigger nor alter the table: both need ownership.
    /// </summary>
    public const string AccessLog = $"""
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
        """;

    /// <summary>
    /// The key store: per enrolment of an individual the wrapped key, the look-up hash and the link
    /// to the person (the id of the person's first enrolment); beside it the keys of cases with no
    /// registered person. Erasure deletes a person's rows. The back-fill at the end upgrades a store
    /// from before the link and the hash moved here; it runs only where the key store shares the
    /// data's database (older installations all did), and is a no-op elsewhere.
    /// </summary>
    public const string KeyStore = $"""
        create schema if not exists {AccessAndKeySchemas.KeySchema};
        create table if not exists {AccessAndKeySchemas.KeySchema}.individual_keys (
            individual_id uuid primary key,
            wrapped_key bytea not null,
            created_at timestamptz not null);
        alter table {AccessAndKeySchemas.KeySchema}.individual_keys add column if not exists person_id uuid null;
        alter table {AccessAndKeySchemas.KeySchema}.individual_keys add column if not exists lookup_hash text null;
        create index if not exists individual_keys_lookup on {AccessAndKeySchemas.KeySchema}.individual_keys (lookup_hash);
        create index if not exists individual_keys_person on {AccessAndKeySchemas.KeySchema}.individual_keys (person_id);
        create table if not exists {AccessAndKeySchemas.KeySchema}.case_keys (
            case_id uuid primary key,
            wrapped_key bytea not null,
            created_at timestamptz not null);
        update {AccessAndKeySchemas.KeySchema}.individual_keys set person_id = individual_id where person_id is null;
        do $$ begin
          if to_regclass('{PersistenceSetup.Schema}.mt_doc_individual') is not null then
            update {AccessAndKeySchemas.KeySchema}.individual_keys k set lookup_hash = d.data ->> 'lookupHash'
              from {PersistenceSetup.Schema}.mt_doc_individual d
              where d.id = k.individual_id and k.lookup_hash is null and d.data ->> 'lookupHash' is not null;
            update {PersistenceSetup.Schema}.mt_doc_individual set data = data - 'lookupHash' where data ->> 'lookupHash' is not null;
          end if;
        end $$;
        """;

    /// <summary>
    /// The table in which <c>migrate</c> records every fingerprint it has applied, in each database
    /// it migrates. A history, not the latest only: a build whose fingerprint was applied once is
    /// served by the schema since (changes are additive), so old replicas stay ready while a newer
    /// version is rolled out after its migrate.
    /// </summary>
    public const string AppliedTable = "finsam_migrate.applied";

    /// <summary>Creates <see cref="AppliedTable"/>.</summary>
    public const string Applied = """
        create schema if not exists finsam_migrate;
        create table if not exists finsam_migrate.applied (
            component text not null,
            fingerprint text not null,
            applied_at timestamptz not null,
            primary key (component, fingerprint));
        """;

    /// <summary>A short, stable hash of a schema's definition.</summary>
    public static string Fingerprint(string definition) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(definition.ReplaceLineEndings("\n"))))[..16].ToLowerInvariant();
}
