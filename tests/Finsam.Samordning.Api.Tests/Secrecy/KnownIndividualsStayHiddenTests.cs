using System.Net;
using System.Text.Json.Nodes;
using Finsam.Samordning.Api.Features.Individuals;
using Finsam.Samordning.Api.Tests.Infrastructure;

namespace Finsam.Samordning.Api.Tests.Secrecy;

/// <summary>
/// Registering, reading or opening a case for a person never tells a party that another party
/// knows them: an unrelated party gets an enrolment of its own, answered as a first registration,
/// and another party's id does not exist for it. Erasing any enrolment erases the person.
/// </summary>
public sealed class KnownIndividualsStayHiddenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-known");
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-known");
    private readonly HttpClient _fk = api.ClientFor("handlaggare", "FK", "fk-known");
    private readonly HttpClient _vc = api.ClientFor("handlaggare", "VC", "vc-known");

    [Fact]
    public async Task An_unrelated_party_registering_a_known_number_is_answered_as_a_first_registration()
    {
        var af = await _af.PostJson("/api/v1/individuals", new { personnummer = "19811218-9876", name = "Kim Testsson", phone = "070-1234567" });
        Assert.Equal(HttpStatusCode.Created, af.StatusCode);
        var afId = (await af.Read<IndividualRegistered>()).Id;
        // A number nobody knows, registered by SOC: what a first registration looks like to SOC.
        var first = await _soc.PostJson("/api/v1/individuals", new { personnummer = "19550607-1231", name = "Sam Ordning" });

        var soc = await _soc.PostJson("/api/v1/individuals", new { personnummer = "19811218-9876", name = "Kim T", email = "kim@example.se" });
        var fk = await _fk.PostJson("/api/v1/individuals", new { personnummer = "811218-9876", name = "K. Testsson" });

        var firstBody = await first.Object();
        var ids = new List<Guid>();
        foreach (var response in new[] { soc, fk })
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var body = await response.Object();
            var id = Guid.Parse(body["id"]!.GetValue<string>());
            Assert.NotEqual(afId, id);
            Assert.Equal($"/api/v1/individuals/{id}", response.Headers.Location!.OriginalString);
            Assert.Equal(Shape(firstBody), Shape(body));
            Assert.Equal(HeaderNames(first), HeaderNames(response));
            ids.Add(id);
        }

        var (socId, fkId) = (ids[0], ids[1]);
        Assert.NotEqual(socId, fkId);

        // Each party reads its own enrolment: the data it gave, nothing of the others'.
        var socView = await (await _soc.GetAsync($"/api/v1/individuals/{socId}")).Read<IndividualView>();
        Assert.Equal(("Kim T", "kim@example.se", (string?)null, "198112189876"), (socView.Name, socView.Email, socView.Phone, socView.Personnummer));
        Assert.Equal("K. Testsson", (await (await _fk.GetAsync($"/api/v1/individuals/{fkId}")).Read<IndividualView>()).Name);

        // Registering again, in any form, answers with the party's own id.
        foreach (var (client, form, expected) in new[]
                 {
                     (_af, "811218-9876", afId), (_af, "198112189876", afId), (_soc, "8112189876", socId), (_fk, "19811218-9876", fkId),
                 })
        {
            var again = await client.PostJson("/api/v1/individuals", new { personnummer = form, name = "Kim Testsson" });
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal(expected.ToString(), (await again.Object())["existingId"]!.GetValue<string>());
        }

        // The link between the enrolments is not in their documents (only in the key store).
        Assert.DoesNotContain(afId.ToString(), (string)(await api.Scalar("select data::text from finsam.mt_doc_individual where id = @id", ("id", socId)))!);
    }

    [Fact]
    public async Task Another_partys_id_does_not_exist_for_reading_or_opening_a_case_until_the_party_is_on_a_case_about_it()
    {
        var afId = (await (await _af.PostJson("/api/v1/individuals", new { personnummer = "19121212-1212", name = "Greta Hundra" })).Read<IndividualRegistered>()).Id;
        var random = Guid.NewGuid();

        var readKnown = await _soc.GetAsync($"/api/v1/individuals/{afId}");
        var readRandom = await _soc.GetAsync($"/api/v1/individuals/{random}");
        Assert.Equal(HttpStatusCode.NotFound, readKnown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readRandom.StatusCode);
        Assert.Equal(Problem(await readRandom.Object(), random), Problem(await readKnown.Object(), afId));

        var openKnown = await _soc.PostJson("/api/v1/cases", CaseWalk.Opening("SOC", "SOC", individualId: afId));
        var openRandom = await _soc.PostJson("/api/v1/cases", CaseWalk.Opening("SOC", "SOC", individualId: random));
        Assert.Equal(HttpStatusCode.NotFound, openKnown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, openRandom.StatusCode);
        Assert.Equal(Problem(await openRandom.Object(), random), Problem(await openKnown.Object(), afId));
        Assert.Equal($"No individual with id {afId}.", (await openKnown.Object())["detail"]!.GetValue<string>());

        // AF registered the person: it reads them and opens a case about them.
        Assert.Equal("Greta Hundra", (await (await _af.GetAsync($"/api/v1/individuals/{afId}")).Read<IndividualView>()).Name);
        var c = await _af.OpenCase("AF", "AF", individualId: afId);

        // VC on the case is related through it: it reads the person, and a registration answers with AF's id.
        await _af.Invite(_vc, c, "VC", "VC Centrum", "2026-02-12");
        Assert.Equal("Greta Hundra", (await (await _vc.GetAsync($"/api/v1/individuals/{afId}")).Read<IndividualView>()).Name);
        var vcAgain = await _vc.PostJson("/api/v1/individuals", new { personnummer = "121212+1212", name = "Greta" });
        Assert.Equal(HttpStatusCode.Conflict, vcAgain.StatusCode);
        Assert.Equal(afId.ToString(), (await vcAgain.Object())["existingId"]!.GetValue<string>());

        // Once VC has left, AF's id does not exist for it again, and it may enrol the person itself.
        await _vc.Ok($"{c}/parties/VC/leave", new { reason = "Klar", leftOn = "2026-02-20" });
        Assert.Equal(HttpStatusCode.NotFound, (await _vc.GetAsync($"/api/v1/individuals/{afId}")).StatusCode);
        var vcOwn = await _vc.PostJson("/api/v1/individuals", new { personnummer = "121212+1212", name = "Greta" });
        Assert.Equal(HttpStatusCode.Created, vcOwn.StatusCode);
        Assert.NotEqual(afId, (await vcOwn.Read<IndividualRegistered>()).Id);
    }

    [Fact]
    public async Task Erasing_any_enrolment_erases_every_partys_enrolment_of_the_person()
    {
        var afId = (await (await _af.PostJson("/api/v1/individuals", new { personnummer = "19890978-2347", name = "Sam Ordning" })).Read<IndividualRegistered>()).Id;
        var socId = (await (await _soc.PostJson("/api/v1/individuals", new { personnummer = "890978-2347", name = "Sam O" })).Read<IndividualRegistered>()).Id;
        var other = (await (await _soc.PostJson("/api/v1/individuals", new { personnummer = "19630415-8766", name = "Kim" })).Read<IndividualRegistered>()).Id;
        var admin = api.ClientFor("administrator", null, "admin-known");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/individuals/{socId}/erase", null)).StatusCode);

        Assert.True((await (await _af.GetAsync($"/api/v1/individuals/{afId}")).Read<IndividualView>()).Erased);
        Assert.True((await (await _soc.GetAsync($"/api/v1/individuals/{socId}")).Read<IndividualView>()).Erased);
        Assert.False((await (await _soc.GetAsync($"/api/v1/individuals/{other}")).Read<IndividualView>()).Erased);
        Assert.Equal(1L, await api.Scalar("select count(*) from finsam_keys.individual_keys where individual_id = any(@ids)", ("ids", new[] { afId, socId, other })));

        // Erasing again answers the same; the number can be registered anew, as a new person.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/individuals/{afId}/erase", null)).StatusCode);
        var anew = await _af.PostJson("/api/v1/individuals", new { personnummer = "8909782347", name = "Sam Ordning" });
        Assert.Equal(HttpStatusCode.Created, anew.StatusCode);
        Assert.NotEqual(afId, (await anew.Read<IndividualRegistered>()).Id);
    }

    // Property names and value kinds, not values.
    private static string Shape(JsonObject body) =>
        string.Join(",", body.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value?.GetValueKind()}"));

    private static string HeaderNames(HttpResponseMessage response) =>
        string.Join(",", response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key)).Order());

    // The problem without what differs between any two answers (the trace id, the id asked for).
    private static string Problem(JsonObject body, Guid asked)
    {
        body.Remove("traceId");
        return body.ToJsonString().Replace(asked.ToString(), "{id}", StringComparison.Ordinal);
    }
}
