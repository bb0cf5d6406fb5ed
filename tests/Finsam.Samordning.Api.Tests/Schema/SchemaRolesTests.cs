using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Npgsql;

namespace Finsam.Samordning.Api.Tests.Schema;

/// <summary>
/// The schema belongs to the owner role that <c>migrate</c> runs as; the API runs as the runtime
/// role with data rights only. These tests connect as that runtime role, as the API does, and try
/// what an intruder in the API would try against the access log and the schema.
/// </summary>
public sealed class SchemaRolesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_runtime_role_can_insert_and_read_the_access_log_but_never_change_delete_truncate_alter_or_unhook_it()
    {
        // One row the API wrote through its own (runtime) connection.
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor().GetAsync("/api/v1/cases")).StatusCode);
        await using var runtime = new NpgsqlConnection(api.RuntimeConnectionString);
        await runtime.OpenAsync();
        Assert.Equal("finsam_app", await Scalar(runtime, "select current_user"));
        var rows = (long)(await Scalar(runtime, "select count(*) from finsam_audit.access_log"))!;
        Assert.True(rows >= 1);
        await Scalar(runtime, "insert into finsam_audit.access_log (at, user_id, action, allowed, status) values (now(), 'probe', 'Probe', true, 200)");

        string[] refused =
        [
            "update finsam_audit.access_log set user_id = 'someone-else'",
            "delete from finsam_audit.access_log",
            "truncate finsam_audit.access_log",
            "alter table finsam_audit.access_log disable trigger user",
            "alter table finsam_audit.access_log disable trigger access_log_append_only",
            "alter table finsam_audit.access_log disable trigger all",
            "alter table finsam_audit.access_log add column note text",
            "alter table finsam_audit.access_log rename to access_log_gone",
            "drop trigger access_log_append_only on finsam_audit.access_log",
            "create or replace function finsam_audit.refuse_change() returns trigger language plpgsql as $$ begin return old; end $$",
            "drop table finsam_audit.access_log",
            "alter table finsam_audit.access_log owner to finsam_app",
        ];
        foreach (var sql in refused)
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => Scalar(runtime, sql));
            // 42501: insufficient privilege; 42809/55000 would mean the statement reached the table.
            Assert.True(error.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {error.SqlState} {error.MessageText}");
        }

        Assert.Equal(rows + 1, await Scalar(runtime, "select count(*) from finsam_audit.access_log"));
        Assert.Equal(1L, await Scalar(runtime, "select count(*) from finsam_audit.access_log where user_id = 'probe'"));
        Assert.Equal("O", await api.Scalar("select tgenabled::text from pg_trigger where tgname = 'access_log_append_only'"));
    }

    [Fact]
    public async Task The_runtime_role_changes_no_schema_and_only_inserts_reads_and_deletes_keys()
    {
        await using var runtime = new NpgsqlConnection(api.RuntimeConnectionString);
        await runtime.OpenAsync();
        string[] refused =
        [
            "create table finsam.intruder (id int)",
            "create schema intruder",
            "alter table finsam.mt_events add column note text",
            "drop table finsam.mt_doc_casefile",
            "create table hangfire.intruder (id int)",
            "create table public.intruder (id int)",
            "update finsam_keys.individual_keys set wrapped_key = '\\x00'",
            "truncate finsam_keys.case_keys",
            "delete from finsam_migrate.applied",
        ];
        foreach (var sql in refused)
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => Scalar(runtime, sql));
            Assert.True(error.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {error.SqlState} {error.MessageText}");
        }

        // What the service does need: its data.
        Assert.Equal(0L, await Scalar(runtime, "select count(*) from finsam_keys.case_keys where case_id = gen_random_uuid()"));
        Assert.Equal(0, await Execute(runtime, "delete from finsam_keys.case_keys where case_id = gen_random_uuid()"));
        Assert.Equal(0, await Execute(runtime, "update finsam.mt_doc_casefile set mt_version = mt_version where id = gen_random_uuid()"));
    }

    [Fact]
    public async Task The_runtime_role_cannot_run_migrate()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => Api.Infrastructure.Schema.SchemaMigrator.MigrateAsync(
            api.RuntimeConnectionString, api.RuntimeConnectionString, PostgresCluster.RuntimeRole,
            Api.Features.FeaturesSetup.ConfigureDocuments, _ => { }, CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task A_schema_behind_this_build_makes_the_service_not_ready_and_says_why_until_migrate_runs()
    {
        var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);

        await api.Scalar("update finsam_migrate.applied set fingerprint = 'older' where component = 'marten'");
        await api.Scalar("delete from finsam_migrate.applied where component = 'key_store'");
        var behind = await anonymous.GetAsync("/health/ready");
        var reason = await behind.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
        Assert.Contains("marten (expected ", reason, StringComparison.Ordinal);
        Assert.Contains(", last applied older)", reason, StringComparison.Ordinal);
        Assert.Contains("key_store (never migrated)", reason, StringComparison.Ordinal);
        Assert.Contains("migrate", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hangfire", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);

        await api.MigrateAsync();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_schema_migrated_by_a_newer_version_keeps_an_older_replica_ready_during_the_rollout()
    {
        // A newer build's migrate has run: it recorded fingerprints this build does not know, later.
        await api.Scalar("insert into finsam_migrate.applied (component, fingerprint, applied_at) " +
            "select distinct component, 'newer', now() + interval '1 minute' from finsam_migrate.applied");

        var ready = await api.CreateClient().GetAsync("/health/ready");
        await api.Scalar("delete from finsam_migrate.applied where fingerprint = 'newer'");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<int> Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
