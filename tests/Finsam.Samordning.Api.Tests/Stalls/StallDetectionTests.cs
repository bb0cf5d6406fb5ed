using System.Net;
using System.Net.Http.Json;
using Finsam.Samordning.Api.Features.Admin;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Features.Review;
using Finsam.Samordning.Api.Features.Stalls;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.Samordning.Api.Tests.Stalls;

/// <summary>
/// A case falls silent, the clock moves, the scan flags it, a samverkansledare acknowledges the flag
/// from the review queue, the handläggare gets in touch again and the next scan clears it.
/// </summary>
public sealed class StallDetectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-stall");
    private readonly HttpClient _lead = api.ClientFor("samverkansledare", null, "sl-1");
    private readonly HttpClient _admin = api.ClientFor("administrator", null, "admin-1");
    private readonly CaseDays _day = new(api.Clock, new DateOnly(2026, 3, 2));

    private async Task<ReviewPage> Queue(string query = "") => await (await _lead.GetAsync("/api/v1/review/flags" + query)).Read<ReviewPage>();

    [Fact]
    public async Task A_silent_case_is_flagged_acknowledged_and_cleared_when_contact_resumes()
    {
        _day.GoTo(0);
        var c = await _soc.OpenCase("SOC", "Ekonomiskt bistånd", _day[0], ["LongTermIncomeSupport"]);
        var caseId = CaseWalk.CaseId(c);
        await _soc.Consent(c, ["SOC"], coversForbund: true, givenOn: _day[0]);
        await _soc.Ok($"{c}/contacts", new { kind = "Meeting", occurredOn = _day[0] });
        var plan = await _soc.Ok($"{c}/interventions", new { kind = "boendestod", plannedStart = _day[1], plannedOn = _day[0] });
        _day.GoTo(1);
        await _soc.Ok($"{c}/interventions/{plan.Id}/start", new { startedOn = _day[1] });

        // Day 29: nothing is due yet.
        _day.GoTo(29);
        await _admin.Scan();
        Assert.DoesNotContain((await Queue()).Items, i => i.CaseId == caseId);

        // Day 30: thirty days without contact.
        _day.GoTo(30);
        var first = await _admin.Scan();
        Assert.True(first.Raised >= 1);
        var item = Assert.Single((await Queue("?status=open&rule=NoContact&severity=Warning")).Items, i => i.CaseId == caseId);
        Assert.Equal("Ingen kontakt med personen har loggats på 30 dagar (senast 2026-03-02).", item.Flag.Reason);
        Assert.Equal(FlagSeverity.Warning, item.Flag.Severity);
        Assert.Equal([PartyCode.SOC], item.Parties);
        Assert.Equal(0, item.DaysFlagged);

        // Running the scan again raises nothing twice.
        var again = await _admin.Scan();
        Assert.Equal(0, again.Raised);
        Assert.Single((await Queue("?rule=NoContact")).Items, i => i.CaseId == caseId);

        // The samverkansledare acknowledges; the flag stays visible, marked.
        _day.GoTo(31);
        await _lead.Ok($"{c}/flags/{item.Flag.Id}/acknowledge", new { note = "Ringt handläggaren: hembesök bokas." });
        var acknowledged = Assert.Single((await Queue("?status=Acknowledged")).Items, i => i.CaseId == caseId);
        Assert.Equal("sl-1", acknowledged.Flag.AcknowledgedBy);
        Assert.Equal(1, acknowledged.DaysFlagged);
        var overview = await (await _soc.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Equal(1, Assert.Single(overview.Flags, f => f.Flag.Rule == StallRuleCodes.NoContact).DaysFlagged);
        var flaggedList = await (await _soc.GetAsync("/api/v1/cases?flagged=true")).Read<CasePage>();
        Assert.Contains(flaggedList.Items, i => i.Id == caseId);

        // The home visit happens; the next scan clears the flag.
        _day.GoTo(32);
        await _soc.Ok($"{c}/contacts", new { kind = "HomeVisit", occurredOn = _day[32] });
        var recovered = await _admin.Scan();
        Assert.True(recovered.Cleared >= 1);
        Assert.DoesNotContain((await Queue()).Items, i => i.CaseId == caseId && i.Flag.Rule == StallRuleCodes.NoContact);
        var history = await (await _soc.GetAsync($"{c}/history")).Read<List<CaseHistoryEntry>>();
        Assert.Equal(["StallFlagRaised", "StallFlagAcknowledged", "StallFlagCleared"], history.Select(h => h.Type).Where(t => t.StartsWith("StallFlag")));
        Assert.Equal(new RecordedBy("system", null), history.First(h => h.Type == "StallFlagRaised").RecordedBy);
    }

    [Fact]
    public async Task The_review_queue_pages_most_severe_first_then_oldest_and_only_over_related_cases()
    {
        _day.GoTo(0);
        var soc = api.ClientFor("handlaggare", "SOC", "soc-queue");
        for (var i = 0; i < 4; i++)
        {
            await soc.OpenCase("SOC", "IFO", _day[0]);
        }

        _day.GoTo(45);
        var concern = await soc.OpenCase("SOC", "IFO", _day[45]);
        await soc.Ok($"{concern}/flags", new { reason = "Oro: ingen vet vem som har ansvaret." });
        await _admin.Scan();

        // Page by page, the queue adds up to its total, holds each flag once and keeps its order.
        var first = await Queue("?pageSize=3");
        var all = new List<ReviewItem>(first.Items);
        for (var page = 2; all.Count < first.Total; page++)
        {
            var next = await Queue($"?pageSize=3&page={page}");
            Assert.NotEmpty(next.Items);
            Assert.Equal(first.Total, next.Total);
            all.AddRange(next.Items);
        }

        Assert.True(first.Total >= 9);
        Assert.Equal(all.Count, all.Select(i => i.Flag.Id).Distinct().Count());
        Assert.Equal(all.OrderByDescending(i => i.Flag.Severity).ThenBy(i => i.Flag.RaisedOn).Select(i => i.Flag.Id), all.Select(i => i.Flag.Id));
        var warnings = await Queue("?severity=Warning&pageSize=200");
        Assert.Equal(all.Count(i => i.Flag.Severity == FlagSeverity.Warning), warnings.Total);

        // A caseworker of a party with no relation to these cases finds none of them, nor their count.
        var psy = await (await api.ClientFor("handlaggare", "PSY", "psy-queue").GetAsync("/api/v1/review/flags?pageSize=200")).Read<ReviewPage>();
        Assert.DoesNotContain(psy.Items, i => all.Any(a => a.CaseId == i.CaseId));
        Assert.Equal(psy.Items.Count, psy.Total);
    }

    [Fact]
    public async Task The_scan_reads_only_due_cases_and_a_manual_concern_is_cleared_by_hand()
    {
        _day.GoTo(0);
        var c = await _soc.OpenCase("SOC", "IFO", _day[0]);
        await _admin.Scan();

        // Nothing happened since: no case is due until a threshold is reached.
        var quiet = await _admin.Scan();
        Assert.Equal(0, quiet.CasesExamined);

        var flagId = (await _soc.Ok($"{c}/flags", new { reason = "Fyller 20 i april: KAA-ansvaret tar slut." })).Id;
        await _admin.Scan();
        Assert.Contains((await Queue("?rule=ManualConcern")).Items, i => i.Flag.Id == flagId);

        var notByScan = await _soc.PostJson($"{c}/flags/{Guid.NewGuid()}/clear", new { reason = "x" });
        Assert.Equal(HttpStatusCode.NotFound, notByScan.StatusCode);
        await _soc.Ok($"{c}/flags/{flagId}/clear", new { reason = "Överlämnad till AME före födelsedagen." });
        Assert.DoesNotContain((await Queue("?rule=ManualConcern")).Items, i => i.Flag.Id == flagId);
    }

    [Fact]
    public async Task Administrators_set_thresholds_validated_and_only_administrators()
    {
        var rules = await (await _admin.GetAsync("/api/v1/admin/stall-rules")).Read<List<StallRuleSetting>>();
        Assert.Equal(StallRuleCodes.All.Count, rules.Count);
        Assert.Equal(10, rules.Single(r => r.Rule == "UnansweredReferral").Days);

        var negative = await _admin.PutAsJsonAsync("/api/v1/admin/stall-rules", new[] { new { rule = "NoContact", enabled = true, days = -1, count = 0 } }, Http.Json);
        var unknown = await _admin.PutAsJsonAsync("/api/v1/admin/stall-rules", new[] { new { rule = "Nope", enabled = true, days = 1, count = 0 } }, Http.Json);
        var forbidden = await _soc.PutAsJsonAsync("/api/v1/admin/stall-rules", new[] { new { rule = "NoContact", enabled = true, days = 20, count = 0 } }, Http.Json);
        var ok = await _admin.PutAsJsonAsync("/api/v1/admin/stall-rules", new[] { new { rule = "SequentialOnly", enabled = false, days = 60, count = 0 } }, Http.Json);

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("days", (await negative.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.False((await ok.Read<List<StallRuleSetting>>()).Single(r => r.Rule == "SequentialOnly").Enabled);
        await _admin.PutAsJsonAsync("/api/v1/admin/stall-rules", new[] { new { rule = "SequentialOnly", enabled = true, days = 60, count = 0 } }, Http.Json);
    }
}

/// <summary>Two scanners at once never raise a flag twice.</summary>
public sealed class ConcurrentScanTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Two_concurrent_scans_raise_each_flag_once()
    {
        var soc = api.ClientFor("handlaggare", "SOC", "soc-concurrent-scan");
        var day = new CaseDays(api.Clock, new DateOnly(2026, 1, 5));
        day.GoTo(0);
        var cases = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            cases.Add(CaseWalk.CaseId(await soc.OpenCase("SOC", "IFO", day[0])));
        }

        // Two months later every case lacks contact and activity.
        day.GoTo(60);
        using var scope1 = api.Services.CreateScope();
        using var scope2 = api.Services.CreateScope();
        var reports = await Task.WhenAll(
            Task.Run(() => scope1.ServiceProvider.GetRequiredService<StallScanner>().RunAsync(false, CancellationToken.None)),
            Task.Run(() => scope2.ServiceProvider.GetRequiredService<StallScanner>().RunAsync(false, CancellationToken.None)));

        var lead = api.ClientFor("samverkansledare", null, "sl-2");
        var queue = await (await lead.GetAsync("/api/v1/review/flags?pageSize=200")).Read<ReviewPage>();
        foreach (var id in cases)
        {
            var flags = queue.Items.Where(i => i.CaseId == id).Select(i => i.Flag.Rule).ToList();
            Assert.Equal(flags.Distinct().Count(), flags.Count);
            Assert.Contains(StallRuleCodes.NoContact, flags);
            Assert.Contains(StallRuleCodes.NoActiveIntervention, flags);
        }

        Assert.Equal(cases.Count * 2, reports.Sum(r => r.Raised));
    }
}
