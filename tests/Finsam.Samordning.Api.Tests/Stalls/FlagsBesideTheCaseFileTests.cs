using System.Net;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.FollowUp;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Api.Tests.Stalls;

/// <summary>
/// A case's flags are kept beside its case file, not in it: what the scan raises shows in the overview,
/// the lists and the indicator tables as before, and leaves the case's ETag alone, so a caseworker's
/// write against the version they read is not made stale by the nightly scan.
/// </summary>
public sealed class FlagsBesideTheCaseFileTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-beside");
    private readonly HttpClient _lead = api.ClientFor("samverkansledare", null, "sl-beside");
    private readonly HttpClient _admin = api.ClientFor("administrator", null, "admin-beside");
    private readonly CaseDays _day = new(api.Clock, new DateOnly(2026, 3, 2));

    [Fact]
    public async Task A_flag_the_scan_raises_leaves_the_ETag_and_is_counted_in_lists_and_indicator_tables()
    {
        _day.GoTo(0);
        var cases = new List<string>();
        for (var n = 0; n < 6; n++)
        {
            var opened = await _soc.OpenCase("SOC", "Ekonomiskt bistånd", _day[0], ["LongTermIncomeSupport"]);
            await _soc.Consent(opened, ["SOC"], coversForbund: true, givenOn: _day[0]);
            await _soc.Ok($"{opened}/contacts", new { kind = "Meeting", occurredOn = _day[0] });
            cases.Add(opened);
        }

        var c = cases[0];
        var read = (await _soc.GetAsync($"{c}/overview")).Headers.ETag!.Tag;

        // Thirty days without contact: the scan flags every case.
        _day.GoTo(30);
        Assert.True((await _admin.Scan()).Raised >= cases.Count);

        // The overview shows the flag, under the ETag the caseworker read before it was raised.
        var overview = await _soc.GetAsync($"{c}/overview");
        Assert.Equal(read, overview.Headers.ETag!.Tag);
        var flag = Assert.Single((await overview.Read<CaseOverviewResponse>()).Flags, f => f.Flag.Rule == StallRuleCodes.NoContact).Flag;

        // A write against that version goes through and moves the ETag.
        var contact = await _soc.PostJson($"{c}/contacts", new { kind = "Phone", occurredOn = _day[30] }, ifMatch: read);
        Assert.Equal(HttpStatusCode.OK, contact.StatusCode);
        var written = contact.Headers.ETag!.Tag;
        Assert.NotEqual(read, written);

        // Acknowledging the flag answers the case's version unchanged, and a write against it goes through.
        var acknowledged = await _lead.PostJson($"{c}/flags/{flag.Id}/acknowledge", new { note = "Uppringd, möte bokat." }, ifMatch: written);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(written, acknowledged.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await _soc.PostJson($"{c}/contacts", new { kind = "Meeting", occurredOn = _day[30] }, ifMatch: written)).StatusCode);
        var stale = await _lead.PostJson($"{c}/flags/{flag.Id}/acknowledge", new { note = "Igen." }, ifMatch: written);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        // Lists: flagged=true holds every case with its count of open flags, flagged=false none of them.
        Guid[] ids = [.. cases.Select(CaseWalk.CaseId)];
        var flagged = await (await _soc.GetAsync("/api/v1/cases?flagged=true&pageSize=200")).Read<CasePage>();
        Assert.Equal(ids.Order(), flagged.Items.Select(i => i.Id).Order());
        Assert.All(flagged.Items, i => Assert.True(i.Flagged && i.OpenFlags >= 1));
        var unflagged = await (await _soc.GetAsync("/api/v1/cases?flagged=false&pageSize=200")).Read<CasePage>();
        Assert.Empty(unflagged.Items);

        // The indicator tables count the flags raised in April (day 30 is 2026-04-01), with the same
        // figures as when every case is folded from its events alone.
        const string url = "/api/v1/follow-up/indicators?period=2026-04";
        var first = await _lead.GetStringAsync(url);
        var flags = System.Text.Json.JsonSerializer.Deserialize<IndicatorReport>(first, Http.Json)!.Tables.Single(t => t.Code == "flags");
        Assert.Equal(cases.Count, flags.Rows.Single(r => r.Key == StallRuleCodes.NoContact).Total.Value);
        await api.Scalar("update finsam.mt_doc_casefile set follow_up_pack = null");
        Assert.Equal(first, await _lead.GetStringAsync(url));
    }
}
