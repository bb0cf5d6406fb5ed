using System.Net;
using Finsam.Samordning.Api.Features.Awareness;
using Finsam.Samordning.Api.Features.Individuals;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Api.Tests.Awareness;

/// <summary>KAA knows of a young person before any case, tries to reach them, sees the no-answer flag, and opens a case that keeps the attempts.</summary>
public sealed class AwarenessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _kaa = api.ClientFor("handlaggare", "KAA", "kaa-aware");
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-aware");
    private readonly HttpClient _admin = api.ClientFor("administrator", null, "admin-aware");
    private readonly CaseDays _day = new(api.Clock, new DateOnly(2026, 3, 2));

    [Fact]
    public async Task Kannedom_is_KAA_s_own_flags_no_answer_and_becomes_a_case_that_keeps_the_attempts()
    {
        _day.GoTo(0);
        var person = await (await _kaa.PostJson("/api/v1/individuals", new { personnummer = "20080510-1235", name = "Ung Kännedom" })).Read<IndividualRegistered>();
        Assert.Equal(HttpStatusCode.BadRequest, (await _kaa.PostJson("/api/v1/awareness", new { source = "Nowhere" })).StatusCode);
        // SOC is not related to the person: the id does not exist for it (only KAA records kännedom at all: AwarenessSpecs).
        Assert.Equal(HttpStatusCode.NotFound, (await _soc.PostJson("/api/v1/awareness", new { individualId = person.Id, source = "SchoolDropOut" })).StatusCode);
        var recorded = await _kaa.PostJson("/api/v1/awareness", new { individualId = person.Id, source = "SchoolDropOut", knownOn = _day[0] });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var id = (await recorded.Read<AwarenessWritten>()).Id;

        // Another party learns nothing: the same 404 as an unknown id.
        Assert.Equal(HttpStatusCode.NotFound, (await _soc.GetAsync($"/api/v1/awareness/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _soc.PostJson($"/api/v1/awareness/{id}/attempts", new { kind = "Letter", outcome = "NoAnswer" })).StatusCode);
        Assert.DoesNotContain((await (await _soc.GetAsync("/api/v1/awareness")).Read<List<AwarenessView>>()), a => a.Id == id);

        foreach (var day in new[] { 1, 3 })
        {
            _day.GoTo(day);
            Assert.Equal(HttpStatusCode.OK, (await _kaa.PostJson($"/api/v1/awareness/{id}/attempts", new { kind = "Letter", outcome = "NoAnswer", attemptedOn = _day[day] })).StatusCode);
        }

        Assert.Null((await (await _kaa.GetAsync($"/api/v1/awareness/{id}")).Read<AwarenessView>()).Finding);
        _day.GoTo(5);
        await _kaa.PostJson($"/api/v1/awareness/{id}/attempts", new { kind = "HomeVisit", outcome = "NoAnswer", attemptedOn = _day[5] });
        var flagged = Assert.Single(await (await _kaa.GetAsync("/api/v1/awareness?flagged=true")).Read<List<AwarenessView>>(), a => a.Id == id);
        Assert.Equal(StallRuleCodes.NoAnswerBeforeCase, flagged.Finding!.Rule);
        Assert.Contains("3 kontaktförsök", flagged.Finding.Reason);

        // The young person answers; KAA opens a case from the record, in one transaction.
        _day.GoTo(8);
        await _kaa.PostJson($"/api/v1/awareness/{id}/attempts", new { kind = "Phone", outcome = "Answered", attemptedOn = _day[8] });
        var converted = await _kaa.PostJson($"/api/v1/awareness/{id}/convert",
            new { municipalityCode = "1282", targetGroups = new[] { "KaaYouth" }, openingUnit = "KAA Landskrona", openedOn = _day[8] });
        Assert.Equal(HttpStatusCode.Created, converted.StatusCode);
        var caseUrl = converted.Headers.Location!.OriginalString;
        var history = await (await _kaa.GetAsync($"{caseUrl}/history")).Content.ReadAsStringAsync();
        Assert.Contains("AwarenessCarriedOver", history);
        Assert.Contains("EligibilityEndRecorded", history); // KAA ends on: derived from the registered person
        var record = await (await _kaa.GetAsync($"/api/v1/awareness/{id}")).Read<AwarenessView>();
        Assert.Equal(CaseWalk.CaseId(caseUrl), record.CaseId);
        Assert.Null(record.Finding);
        Assert.Equal(4, record.Attempts.Count);
        Assert.Equal(HttpStatusCode.Conflict, (await _kaa.PostJson($"/api/v1/awareness/{id}/attempts", new { kind = "Letter", outcome = "NoAnswer" })).StatusCode);

        // Erasure reaches it: the record holds the person's id only, and the person's data is gone.
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync($"/api/v1/individuals/{person.Id}/erase", null)).StatusCode);
        var raw = await api.Scalar("select data::text from finsam.mt_doc_awarenessfile where id = @id", ("id", id));
        Assert.DoesNotContain("Ung Kännedom", (string)raw!);
        Assert.DoesNotContain("20080510", (string)raw!);
        Assert.True((await (await _kaa.GetAsync($"/api/v1/individuals/{person.Id}")).Read<IndividualView>()).Erased);
    }

    [Fact]
    public async Task A_conversion_is_held_to_the_rules_of_opening_a_case_and_the_records_list_to_those_of_every_list()
    {
        _day.GoTo(0);
        var registered = await _kaa.PostJson("/api/v1/individuals", new { personnummer = "20090612-1231", name = "Ung Regler" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var person = await registered.Read<IndividualRegistered>();
        Assert.Equal(HttpStatusCode.BadRequest, (await _kaa.PostJson("/api/v1/awareness", new { individualId = person.Id, source = "SchoolDropOut", knownOn = "1999-12-31" })).StatusCode);
        var first = await _kaa.PostJson("/api/v1/awareness", new { individualId = person.Id, source = "SchoolDropOut", knownOn = _day[0] });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.Read<AwarenessWritten>()).Id;
        Assert.Equal(HttpStatusCode.BadRequest, (await _kaa.PostJson($"/api/v1/awareness/{id}/attempts", new { kind = "Letter", outcome = "NoAnswer", attemptedOn = "1999-12-31" })).StatusCode);

        // What POST /cases refuses, a conversion refuses with the same fields named.
        foreach (var (field, body) in new (string, object)[]
        {
            ("municipalityCode", new { municipalityCode = "128", targetGroups = new[] { "KaaYouth" }, openingUnit = "KAA Landskrona" }),
            ("targetGroups", new { municipalityCode = "1282", targetGroups = Array.Empty<string>(), openingUnit = "KAA Landskrona" }),
            ("openingUnit", new { municipalityCode = "1282", targetGroups = new[] { "KaaYouth" }, openingUnit = "  " }),
            ("openedOn", new { municipalityCode = "1282", targetGroups = new[] { "KaaYouth" }, openingUnit = "KAA Landskrona", openedOn = "1999-12-31" }),
        })
        {
            var refused = await _kaa.PostJson($"/api/v1/awareness/{id}/convert", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync());
            var opened = await _kaa.PostJson("/api/v1/cases", body);
            Assert.Equal(HttpStatusCode.BadRequest, opened.StatusCode);
            Assert.Contains($"\"{field}\"", await opened.Content.ReadAsStringAsync());
        }

        // Nothing was opened: the record is still KAA's, with no case.
        var untouched = await _kaa.GetAsync($"/api/v1/awareness/{id}");
        Assert.Equal(HttpStatusCode.OK, untouched.StatusCode);
        Assert.Null((await untouched.Read<AwarenessView>()).CaseId);

        // Out-of-range paging is a 400 naming the parameter, as on every list, not a silently different page.
        var paged = await _kaa.GetAsync("/api/v1/awareness?pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, paged.StatusCode);
        var problem = await paged.Content.ReadAsStringAsync();
        Assert.Contains("\"pageSize\"", problem);
        Assert.Contains("'pageSize' must be between 1 and 200", problem);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync("/api/v1/admin/webhooks/deliveries?page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _kaa.GetAsync("/api/v1/awareness?page=1&pageSize=200")).StatusCode);

        // Pages come from the database, newest first: a second record is page 1 of size 1, the first is on page 2.
        var other = await (await _kaa.PostJson("/api/v1/individuals", new { personnummer = "20090613-1230", name = "Ung Sida" })).Read<IndividualRegistered>();
        var recorded = await _kaa.PostJson("/api/v1/awareness", new { individualId = other.Id, source = "KaaRegister", knownOn = _day[0] });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var second = (await recorded.Read<AwarenessWritten>()).Id;
        var all = await (await _kaa.GetAsync("/api/v1/awareness?pageSize=200")).Read<List<AwarenessView>>();
        var at = all.FindIndex(a => a.Id == second);
        Assert.Equal(id, all[at + 1].Id);
        Assert.Equal(second, Assert.Single(await (await _kaa.GetAsync($"/api/v1/awareness?page={at + 1}&pageSize=1")).Read<List<AwarenessView>>()).Id);
        Assert.Equal(id, Assert.Single(await (await _kaa.GetAsync($"/api/v1/awareness?page={at + 2}&pageSize=1")).Read<List<AwarenessView>>()).Id);
    }
}
