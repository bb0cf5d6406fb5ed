using System.Net;
using System.Net.Http.Json;
using Finsam.Samordning.Api.Features.Individuals;
using Finsam.Samordning.Api.Features.Review;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Api.Tests.Stalls;

/// <summary>
/// Issue 14 through HTTP: "KAA ends on" derived when a case is opened for a registered young person
/// (the birth date stays with the individual), the EligibilityEnding flag, a snooze that takes it out
/// of the queue until its day and brings it back if still true, and a party left without a caseworker.
/// </summary>
public sealed class ChairsStallTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _kaa = api.ClientFor("handlaggare", "KAA", "kaa-chairs");
    private readonly HttpClient _lead = api.ClientFor("samverkansledare", null, "sl-chairs");
    private readonly HttpClient _admin = api.ClientFor("administrator", null, "admin-chairs");
    private readonly CaseDays _day = new(api.Clock, new DateOnly(2026, 3, 2));

    private async Task<ReviewPage> Queue(string query) => await (await _lead.GetAsync("/api/v1/review/flags" + query)).Read<ReviewPage>();

    [Fact]
    public async Task KAA_ends_on_is_derived_at_opening_flagged_snoozed_and_returns_while_still_true()
    {
        _day.GoTo(0);
        // Born 2006-05-10: KAA ends on 2026-05-10, 69 days after the opening, inside the 90-day warning.
        var person = await (await _kaa.PostJson("/api/v1/individuals", new { personnummer = "20060510-1237", name = "Ung Testsson" })).Read<IndividualRegistered>();
        var c = await _kaa.OpenCase("KAA", "KAA Landskrona", _day[0], ["KaaYouth"], person.Id);
        var caseId = CaseWalk.CaseId(c);
        await _kaa.Consent(c, ["KAA"], coversForbund: true, givenOn: _day[0]);
        var history = await (await _kaa.GetAsync($"{c}/history")).Content.ReadAsStringAsync();
        Assert.Contains("EligibilityEndRecorded", history);
        Assert.DoesNotContain("2006", history);

        await _admin.Scan();
        var flag = Assert.Single((await Queue($"?rule={StallRuleCodes.EligibilityEnding}")).Items, i => i.CaseId == caseId).Flag;
        Assert.Equal("Det kommunala aktivitetsansvaret (KAA) upphör 2026-05-10 (om 69 dagar) medan ärendet är öppet: planera vad som tar vid.", flag.Reason);

        // Snoozed for ten days: out of the queue, listed under snoozed.
        var past = await _lead.PostJson($"{c}/flags/{flag.Id}/acknowledge", new { note = "Överlämning till AME planeras.", snoozedUntil = _day[0] });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        await _lead.Ok($"{c}/flags/{flag.Id}/acknowledge", new { note = "Överlämning till AME planeras.", snoozedUntil = _day[10] });
        Assert.DoesNotContain((await Queue($"?rule={StallRuleCodes.EligibilityEnding}")).Items, i => i.CaseId == caseId);
        Assert.Single((await Queue($"?status=snoozed&rule={StallRuleCodes.EligibilityEnding}")).Items, i => i.CaseId == caseId);

        _day.GoTo(9);
        await _admin.Scan();
        Assert.DoesNotContain((await Queue($"?rule={StallRuleCodes.EligibilityEnding}")).Items, i => i.CaseId == caseId);

        // On its day it returns as a new, unacknowledged flag, since KAA still ends.
        _day.GoTo(10);
        var report = await _admin.Scan();
        Assert.True(report.Raised >= 1);
        var back = Assert.Single((await Queue($"?status=unacknowledged&rule={StallRuleCodes.EligibilityEnding}")).Items, i => i.CaseId == caseId).Flag;
        Assert.NotEqual(flag.Id, back.Id);
        Assert.Contains("om 59 dagar", back.Reason);
    }

    [Fact]
    public async Task A_party_left_without_a_caseworker_is_flagged_after_7_days_until_one_is_assigned()
    {
        _day.GoTo(0);
        var c = await _kaa.OpenCase("KAA", "KAA Landskrona", _day[0], ["KaaYouth"]);
        var caseId = CaseWalk.CaseId(c);
        await _kaa.Ok($"{c}/parties/KAA/caseworker/release", new { releasedOn = _day[0] });
        var notMine = await _kaa.PostJson($"{c}/parties/AF/caseworker/release", new { releasedOn = _day[0] });
        Assert.Equal(HttpStatusCode.Conflict, notMine.StatusCode);

        _day.GoTo(6);
        await _admin.Scan();
        Assert.DoesNotContain((await Queue($"?rule={StallRuleCodes.CaseworkerMissing}")).Items, i => i.CaseId == caseId);
        _day.GoTo(7);
        await _admin.Scan();
        Assert.Single((await Queue($"?rule={StallRuleCodes.CaseworkerMissing}")).Items, i => i.CaseId == caseId);

        var assigned = await _kaa.PutAsJsonAsync($"{c}/parties/KAA/caseworker", new { caseworkerId = "kaa-ny", caseworkerName = "Ny Handläggare", assignedOn = _day[7] }, Http.Json);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        await _admin.Scan();
        Assert.DoesNotContain((await Queue($"?rule={StallRuleCodes.CaseworkerMissing}")).Items, i => i.CaseId == caseId);
    }

    [Fact]
    public async Task A_wait_at_an_actor_outside_the_forbund_counts_and_only_the_sender_records_its_answer()
    {
        _day.GoTo(0);
        var c = await _kaa.OpenCase("KAA", "KAA Landskrona", _day[0], ["KaaYouth"]);
        var caseId = CaseWalk.CaseId(c);
        await _kaa.Consent(c, ["KAA"], coversForbund: true, givenOn: _day[0]);
        var bup = await _kaa.Ok($"{c}/external-actors", new { kind = "Bup", unit = "BUP Helsingborg", namedOn = _day[0] });
        var referral = await _kaa.Ok($"{c}/external-actors/{bup.Id}/referrals", new { kind = "Remiss", sentOn = _day[0] });
        var missing = await _kaa.PostJson($"{c}/external-actors/{Guid.NewGuid()}/referrals", new { kind = "Remiss", sentOn = _day[0] });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var bad = await _kaa.PostJson($"{c}/external-actors", new { kind = "Sjukhus", unit = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        _day.GoTo(29);
        await _admin.Scan();
        Assert.DoesNotContain((await Queue($"?rule={StallRuleCodes.ExternalReferralUnanswered}")).Items, i => i.CaseId == caseId);
        _day.GoTo(30);
        await _admin.Scan();
        var flag = Assert.Single((await Queue($"?rule={StallRuleCodes.ExternalReferralUnanswered}")).Items, i => i.CaseId == caseId).Flag;
        Assert.Equal("KAA:s remiss till BUP Helsingborg (Bup) har varit obesvarad i 30 dagar.", flag.Reason);

        await _kaa.Ok($"{c}/external-referrals/{referral.Id}/answer", new { accepted = true, answeredOn = _day[30] });
        await _admin.Scan();
        Assert.DoesNotContain((await Queue($"?rule={StallRuleCodes.ExternalReferralUnanswered}")).Items, i => i.CaseId == caseId);
    }
}
