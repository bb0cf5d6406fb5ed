using System.Net;
using Finsam.Samordning.Api.Features.Individuals;
using Finsam.Samordning.Api.Infrastructure.Access;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Npgsql;

namespace Finsam.Samordning.Api.Tests.Schema;

/// <summary>A host whose key store is in a database of its own (<c>ConnectionStrings:FinsamKeys</c>).</summary>
public sealed class SeparateKeyStoreFactory : ApiFactory
{
    /// <inheritdoc />
    protected override bool SeparateKeyStore => true;
}

/// <summary>
/// The key store can live in another database with its own backups: registration, sealing,
/// reading and erasure work across the two, and no key is kept beside the data.
/// </summary>
public sealed class SeparateKeyStoreTests(SeparateKeyStoreFactory api) : IClassFixture<SeparateKeyStoreFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-keys");

    [Fact]
    public async Task A_person_and_a_case_are_sealed_read_and_erased_with_their_keys_in_another_database()
    {
        var person = (await (await _soc.PostJson("/api/v1/individuals", new { personnummer = "19811218-9876", name = "Ebba Nyckel" }))
            .Read<IndividualRegistered>()).Id;
        var withPerson = await _soc.OpenCase("SOC", "IFO", individualId: person);
        var withoutPerson = await _soc.OpenCase("SOC", "IFO");
        await _soc.Ok($"{withPerson}/contacts", new { kind = "HomeVisit", occurredOn = "2026-02-03", note = "Hembesök hos Ebba" });
        await _soc.Ok($"{withoutPerson}/contacts", new { kind = "Phone", occurredOn = "2026-02-03", note = "Samtal utan person" });

        Assert.Equal("Ebba Nyckel", (await (await _soc.GetAsync($"/api/v1/individuals/{person}")).Read<IndividualView>()).Name);
        Assert.Equal("Hembesök hos Ebba", Assert.Single((await _soc.Overview(withPerson)).Contacts.Recent).Note);
        Assert.Equal("Samtal utan person", Assert.Single((await _soc.Overview(withoutPerson)).Contacts.Recent).Note);
        Assert.Equal(1L, await Count(api.KeysConnectionString, "select count(*) from finsam_keys.individual_keys"));
        Assert.Equal(1L, await Count(api.KeysConnectionString, "select count(*) from finsam_keys.case_keys"));
        Assert.Equal(0L, await Count(api.ConnectionString, "select count(*) from information_schema.schemata where schema_name = 'finsam_keys'"));
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/health/ready")).StatusCode);

        var admin = api.ClientFor("administrator", null, "admin-keys");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/individuals/{person}/erase", null)).StatusCode);

        Assert.Equal(0L, await Count(api.KeysConnectionString, "select count(*) from finsam_keys.individual_keys"));
        Assert.True((await (await _soc.GetAsync($"/api/v1/individuals/{person}")).Read<IndividualView>()).Erased);
        Assert.Equal(SealedText.Erased, Assert.Single((await _soc.Overview(withPerson)).Contacts.Recent).Note);
        Assert.Equal("Samtal utan person", Assert.Single((await _soc.Overview(withoutPerson)).Contacts.Recent).Note);
    }

    [Fact]
    public async Task The_key_store_behind_its_build_makes_the_service_not_ready()
    {
        await Count(api.KeysConnectionString, "update finsam_migrate.applied set fingerprint = 'older' where component = 'key_store'");

        var behind = await api.CreateClient().GetAsync("/health/ready");
        await api.MigrateAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
        Assert.Contains("key_store (expected ", await behind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    private static async Task<long> Count(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
