using System.Diagnostics;
using System.Globalization;
using Finsam.Samordning.Api.Infrastructure.Persistence;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using JasperFx;
using Marten;

namespace Finsam.Samordning.Benchmarks;

/// <summary>
/// What the store can do without the API, in the same run as pgbench: the ceilings a command over
/// HTTP is measured against. (e) replays a contact's own statements with pgbench, as the API sends
/// them, with no API at all; (f) is Marten alone in this process, reading a stream's version and
/// appending one event to it, with nothing else written. Both do less than a contact over HTTP, so
/// a command can reach neither.
/// </summary>
internal static class StoreFloor
{
    /// <summary>
    /// (e): each pgbench client works on its own slice of the seeded cases (a stream-version clash
    /// would abort a pgbench client) and per transaction sends what a contact's request sends, in
    /// the same two batches (pipelines): the stream's version and the case file; then in one
    /// transaction the append function expecting the stream's version, the idempotency record, the
    /// access-log row and the case file's upsert, whose document is a stored case file of median
    /// size sent as a parameter (so PostgreSQL parses it, as it parses the API's). One more
    /// statement than a contact maps the pgbench client's random number to a case id. Returns the
    /// transactions per second and PostgreSQL's CPU per transaction (ms).
    /// </summary>
    public static (double Tps, double PgCpuMs) ContactStatements(PostgresCluster cluster, string database, IReadOnlyList<Guid> cases, int clients, int seconds,
        Func<PostgresCluster, string[], string> pgbench)
    {
        var perClient = cases.Count / clients;
        var script = Path.Combine(Path.GetTempPath(), $"finsam-contact-{Guid.NewGuid():N}.sql");
        File.WriteAllText(script, $$"""
            \set n :client_id * {{perClient}} + random(1, {{perClient}})
            select id as cid from floor_ids where n = :n \gset
            \startpipeline
            select version from finsam.mt_streams where id = :cid::uuid;
            select d.id, d.data, d.mt_version from finsam.mt_doc_casefile as d where id = :cid::uuid;
            \endpipeline
            \startpipeline
            begin;
            select finsam.mt_quick_append_events(:cid::uuid, 'case_file', '*DEFAULT*', array[gen_random_uuid()], '{contact_logged}', '{"Finsam.Samordning.Domain.Cases.ContactLogged, Finsam.Samordning.Domain"}', array[jsonb_build_object('kind', 'Phone', 'party', 'AF', 'caseId', :cid::text, 'noShow', false, 'contactId', gen_random_uuid(), 'occurredOn', current_date)], '{NULL}', array[md5(random()::text)], array['{"party": "AF", "userId": "bench-floor"}'::jsonb], '{bench-floor}', array[now()], (select version from finsam.mt_streams where id = :cid::uuid));
            insert into finsam.mt_doc_idempotencyrecord (id, data, mt_version, mt_dotnet_type, mt_last_modified) values (encode(sha256(gen_random_uuid()::text::bytea), 'hex'), jsonb_build_object('id', md5(random()::text), 'createdAt', now(), 'expiresAt', now() + interval '1 day', 'fingerprint', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), 'responseJson', '{"caseId":"' || :cid::text || '","version":7,"id":"' || gen_random_uuid() || '"}'), gen_random_uuid(), 'Finsam.Samordning.Api.Infrastructure.Idempotency.IdempotencyRecord', transaction_timestamp()) on conflict (id) do nothing returning id;
            insert into finsam_audit.access_log (at, user_id, party, role, case_id, individual_id, action, allowed, status, shown_case_ids, matched_individual_id) values (now(), 'bench-floor', 'AF', 'handlaggare', :cid::uuid, null, 'LogContact', true, 200, null, null);
            insert into finsam.mt_doc_casefile (id, data, mt_version, mt_dotnet_type, mt_last_modified, last_activity_on, municipality_code, next_attention_on, individual_id, related_party_codes, follow_up_pack) values (:cid::uuid, :doc::jsonb, COALESCE((select version from finsam.mt_streams where finsam.mt_streams.id = :cid::uuid), 1), 'Finsam.Samordning.Api.Features.Cases.CaseFile', transaction_timestamp(), current_date, '1282', current_date, null, '{AF}', null) on conflict (id) do update set data = excluded.data, mt_version = COALESCE((select version from finsam.mt_streams where finsam.mt_streams.id = finsam.mt_doc_casefile.id), finsam.mt_doc_casefile.mt_version + 1), mt_dotnet_type = excluded.mt_dotnet_type, mt_last_modified = excluded.mt_last_modified, last_activity_on = excluded.last_activity_on, municipality_code = excluded.municipality_code, next_attention_on = excluded.next_attention_on, individual_id = excluded.individual_id, related_party_codes = excluded.related_party_codes, follow_up_pack = excluded.follow_up_pack returning mt_version;
            commit;
            \endpipeline
            """);
        try
        {
            string document;
            using (var db = new Npgsql.NpgsqlConnection(ConnectionTo(cluster, database)))
            {
                db.Open();
                using var command = new Npgsql.NpgsqlCommand(
                    "create table floor_ids (n int primary key, id uuid not null); insert into floor_ids select n, ids[n] from (select @ids as ids) as a, generate_series(1, cardinality(@ids)) as n", db);
                command.Parameters.Add(new Npgsql.NpgsqlParameter<Guid[]>("ids", [.. cases]));
                command.ExecuteNonQuery();
                using var sample = new Npgsql.NpgsqlCommand(
                    "select data::text from finsam.mt_doc_casefile tablesample system (5) order by octet_length(data::text) offset (select count(*) / 2 from finsam.mt_doc_casefile tablesample system (5)) limit 1", db);
                document = (string)sample.ExecuteScalar()!;
            }

            var before = LoadBenchmark.PostgresCpu(cluster.Port);
            var output = pgbench(cluster, ["-n", "-M", "prepared", "-D", $"doc={document}", "-f", script, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
                "-T", seconds.ToString(CultureInfo.InvariantCulture), database]);
            var tps = LoadBenchmark.Tps(output);
            return (tps, (LoadBenchmark.PostgresCpu(cluster.Port) - before).TotalMilliseconds / Math.Max(1, tps * seconds));
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>
    /// (f): Marten alone, in this process, on a database of its own with the events' tables only:
    /// each client reads a stream's version and appends one contact event to it expecting that
    /// version, one session and one commit per event, on streams of its own. No read model, no
    /// idempotency record, no access-log row, no HTTP. Returns appends per second, and this process's
    /// and PostgreSQL's CPU per append (ms).
    /// </summary>
    public static async Task<(double PerSecond, double ClientCpuMs, double PgCpuMs)> MartenAppend(PostgresCluster cluster, int clients, int seconds)
    {
        var connection = await cluster.CreateDatabaseAsync("floor_append");
        var options = new StoreOptions();
        // The API's own store settings (serializer, append mode, stream identity), without its documents and projections.
        PersistenceSetup.Configure(options, connection, development: false, _ => { });
        options.AutoCreateSchemaObjects = AutoCreate.All;
        await using var store = new DocumentStore(options);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        const int streamsPerClient = 200;
        var streams = new Guid[clients][];
        for (var c = 0; c < clients; c++)
        {
            await using var session = store.LightweightSession();
            streams[c] = [.. Enumerable.Range(0, streamsPerClient).Select(_ => Guid.CreateVersion7())];
            foreach (var id in streams[c])
            {
                session.Events.StartStream(id, Contact(id));
            }

            await session.SaveChangesAsync();
        }

        var before = LoadBenchmark.PostgresCpu(cluster.Port);
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var done = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var n = 0; Stopwatch.GetTimestamp() < deadline; n++)
            {
                var id = streams[c][n % streamsPerClient];
                await using var session = store.LightweightSession();
                var state = await session.Events.FetchStreamStateAsync(id);
                session.Events.Append(id, state!.Version + 1, Contact(id));
                await session.SaveChangesAsync();
                Interlocked.Increment(ref done);
            }
        })));
        var perSecond = done / clock.Elapsed.TotalSeconds;
        var client = Process.GetCurrentProcess().TotalProcessorTime - clientBefore;
        return (perSecond, client.TotalMilliseconds / Math.Max(1, done), (LoadBenchmark.PostgresCpu(cluster.Port) - before).TotalMilliseconds / Math.Max(1, done));
    }

    private static ContactLogged Contact(Guid caseId) =>
        new(caseId, Guid.CreateVersion7(), PartyCode.AF, ContactKind.Phone, false, null, DateOnly.FromDateTime(DateTime.UtcNow));

    private static string ConnectionTo(PostgresCluster cluster, string database) =>
        $"Host=127.0.0.1;Port={cluster.Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}";
}
