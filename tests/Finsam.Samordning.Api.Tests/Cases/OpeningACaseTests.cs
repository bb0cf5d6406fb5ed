using System.Net;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Api.Tests.Cases;

/// <summary>A handläggare at socialtjänsten opens a case, reads it back and looks at its history.</summary>
public sealed class OpeningACaseTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly OpeningBody Opening = CaseWalk.Opening("SOC", "Ekonomiskt bistånd Landskrona", "2026-03-02",
        ["Uvas", "MentalIllHealth", "LongTermIncomeSupport"]);

    [Fact]
    public async Task Opening_a_case_answers_201_with_location_etag_and_the_case_which_reads_back_the_same()
    {
        var soc = api.ClientFor("handlaggare", "SOC", "soc-anna");

        var created = await soc.PostJson("/api/v1/cases", Opening);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var details = await created.Read<CaseDetails>();
        Assert.Equal($"/api/v1/cases/{details.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal("\"2\"", created.Headers.ETag!.Tag);
        Assert.Equal(CaseStatus.Open, details.Status);
        Assert.Equal("1282", details.MunicipalityCode);
        Assert.Equal(new DateOnly(2026, 3, 2), details.OpenedOn);
        Assert.Equal([TargetGroup.Uvas, TargetGroup.LongTermIncomeSupport, TargetGroup.MentalIllHealth], details.TargetGroups);
        var party = Assert.Single(details.Parties);
        Assert.Equal(PartyCode.SOC, party.Party);
        Assert.Equal("soc-anna", party.CaseworkerId);

        var read = await soc.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"2\"", read.Headers.ETag!.Tag);
        Assert.Equal(details, await read.Read<CaseDetails>() with { Parties = details.Parties, TargetGroups = details.TargetGroups });
    }

    [Fact]
    public async Task History_lists_each_event_with_business_date_recorded_time_and_who_recorded_it()
    {
        var soc = api.ClientFor("handlaggare", "SOC", "soc-anna");
        // Yesterday's opening, logged today: the business date is not the server time.
        var created = await soc.PostJson("/api/v1/cases", Opening with { OpenedOn = "2026-03-01" });
        var id = (await created.Read<CaseDetails>()).Id;

        var history = await (await soc.GetAsync($"/api/v1/cases/{id}/history")).Read<List<CaseHistoryEntry>>();

        Assert.Equal(["CaseOpened", "PartyJoined"], history.Select(h => h.Type));
        Assert.Equal([1L, 2L], history.Select(h => h.Version));
        Assert.All(history, h =>
        {
            Assert.Equal(new DateOnly(2026, 3, 1), h.BusinessDate);
            Assert.Equal(new RecordedBy("soc-anna", "SOC"), h.RecordedBy);
            Assert.False(string.IsNullOrEmpty(h.CorrelationId));
            Assert.True(h.RecordedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        });
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_response_and_appends_nothing()
    {
        var soc = api.ClientFor("handlaggare", "SOC", "soc-retry");

        var first = await soc.PostJson("/api/v1/cases", Opening, idempotencyKey: "open-7f3a");
        var retry = await soc.PostJson("/api/v1/cases", Opening, idempotencyKey: "open-7f3a");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        var history = await (await soc.GetAsync(first.Headers.Location)).Read<CaseDetails>();
        Assert.Equal(2, history.Version);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_open_one_case()
    {
        var soc = api.ClientFor("handlaggare", "SOC", "soc-concurrent");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => soc.PostJson("/api/v1/cases", Opening with { MunicipalityCode = "1214" }, idempotencyKey: "burst-1")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422_and_opens_nothing()
    {
        var soc = api.ClientFor("handlaggare", "SOC", "soc-reuse");
        await soc.PostJson("/api/v1/cases", Opening with { MunicipalityCode = "1282" }, idempotencyKey: "reused");

        var other = await soc.PostJson("/api/v1/cases", Opening with { MunicipalityCode = "1214" }, idempotencyKey: "reused");

        Assert.Equal((HttpStatusCode)422, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Keys_are_per_caller_so_two_caseworkers_may_use_the_same_key()
    {
        var anna = api.ClientFor("handlaggare", "SOC", "soc-a");
        var bo = api.ClientFor("handlaggare", "SOC", "soc-b");

        var a = await anna.PostJson("/api/v1/cases", Opening, idempotencyKey: "same-key");
        var b = await bo.PostJson("/api/v1/cases", Opening, idempotencyKey: "same-key");

        Assert.NotEqual(a.Headers.Location, b.Headers.Location);
    }

    [Fact]
    public async Task Unknown_case_is_404_problem_details()
    {
        var soc = api.ClientFor("handlaggare", "SOC");

        var details = await soc.GetAsync($"/api/v1/cases/{Guid.NewGuid()}");
        var history = await soc.GetAsync($"/api/v1/cases/{Guid.NewGuid()}/history");

        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        Assert.Equal("application/problem+json", details.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_caseworker_cannot_open_a_case_for_another_party()
    {
        var af = api.ClientFor("handlaggare", "AF");

        var response = await af.PostJson("/api/v1/cases", Opening);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("case.wrong-party", (await response.Object())["code"]!.GetValue<string>());
    }
}
