using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.FollowUp;

namespace Finsam.Samordning.Api.Tests.FollowUp;

/// <summary>The indicator tables over HTTP: who may read them, and that a past period rebuilds to the same figures.</summary>
public sealed class IndicatorTablesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-indicators");
    private readonly HttpClient _lead = api.ClientFor("samverkansledare", null, "lead-indicators");

    private async Task WalkFebruary()
    {
        api.Clock.SetSwedish(new DateOnly(2026, 3, 2), new TimeOnly(10, 0));
        for (var n = 0; n < 8; n++)
        {
            var c = await _af.OpenCase("AF", "AF Landskrona", $"2026-02-{2 + n:00}", municipality: n < 6 ? "1282" : "1261");
            var insats = (await _af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = "2026-02-12", plannedOn = $"2026-02-{2 + n:00}" })).Id;
            await _af.Ok($"{c}/interventions/{insats}/start", new { startedOn = "2026-02-12" });
            await _af.Ok($"{c}/interventions/{insats}/participant-start", new
            {
                sex = n % 2 == 0 ? "Female" : "Male", homeMunicipality = "1282", education = "UpperSecondary", timeOnSupport = "UnderOneYear",
                before = new { incomeSources = new[] { "IncomeSupport" }, occupation = "None", extentPercent = 0 }, recordedOn = "2026-02-12",
            });
            if (n % 2 == 0)
            {
                await _af.Ok($"{c}/interventions/{insats}/complete", new { endReason = "MovedOnToWorkOrStudies", completedOn = "2026-02-25" });
                await _af.Ok($"{c}/interventions/{insats}/participant-end", new
                {
                    end = "Completed", after = new { incomeSources = new[] { "Wages" }, occupation = "Work", extentPercent = 100 }, recordedOn = "2026-02-25",
                });
                await _af.Ok($"{c}/close", new { outcome = "Arbete", closedOn = "2026-02-26" });
            }
        }
    }

    [Fact]
    public async Task A_past_period_rebuilds_to_the_same_figures_after_later_entries_and_from_the_events_alone()
    {
        await WalkFebruary();
        const string url = "/api/v1/follow-up/indicators?period=2026-02&by=Municipality";
        var first = await _lead.GetStringAsync(url);
        var report = System.Text.Json.JsonSerializer.Deserialize<IndicatorReport>(first, Http.Json)!;
        Assert.Equal(8, report.Tables.Single(t => t.Code == "active-cases").Total.Total.Value);
        Assert.Contains(report.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells), c => c.Display == "<5");

        // April: more is recorded, dated after February (a new case, a reopening, a new insats).
        api.Clock.SetSwedish(new DateOnly(2026, 4, 15), new TimeOnly(10, 0));
        var later = await _af.OpenCase("AF", "AF Landskrona", "2026-03-10");
        await _af.Ok($"{later}/interventions", new { kind = "kartlaggning", plannedStart = "2026-03-12", plannedOn = "2026-03-10" });
        Assert.Equal(first, await _lead.GetStringAsync(url));

        // A pack of another format (a code list changed since it was written) is not read: those cases
        // are folded from their events, with the same figures.
        await api.Scalar("update finsam.mt_doc_casefile set follow_up_pack = '\\x00000000'::bytea where id in (select id from finsam.mt_doc_casefile limit 3)");
        Assert.Equal(first, await _lead.GetStringAsync(url));

        // Files written before the facts or the packs existed: every case is folded from its events,
        // with the same figures.
        await api.Scalar("update finsam.mt_doc_casefile set data = data - 'followUp', follow_up_pack = null");
        Assert.Equal(first, await _lead.GetStringAsync(url));
        var april = System.Text.Json.JsonSerializer.Deserialize<IndicatorReport>(await _lead.GetStringAsync("/api/v1/follow-up/indicators?period=2026"), Http.Json)!;
        Assert.Equal(9, april.Tables.Single(t => t.Code == "active-cases").Total.Total.Value);
    }

    [Fact]
    public async Task Only_the_samverkansledare_and_administrators_read_them_and_bad_queries_are_400()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _af.GetAsync("/api/v1/follow-up/indicators?period=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor("administrator", null, "admin-indicators").GetAsync("/api/v1/follow-up/indicators?period=2026")).StatusCode);

        var bad = await _lead.GetAsync("/api/v1/follow-up/indicators?period=2026-T4&by=Shoe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Object())["errors"]!.AsObject().ContainsKey("by"));
        var noPeriod = await _lead.GetAsync("/api/v1/follow-up/indicators");
        Assert.True((await noPeriod.Object())["errors"]!.AsObject().ContainsKey("period"));
    }
}
