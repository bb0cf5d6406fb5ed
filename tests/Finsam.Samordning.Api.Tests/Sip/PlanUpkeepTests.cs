using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Api.Tests.Sip;

/// <summary>
/// Keeping the plan true after the meeting: an action moved, passed on and dropped, goals revised,
/// reached and given up, a need met, a referral reminded, re-dated and withdrawn, another declined
/// with a code; and what an outsider and bad input get.
/// </summary>
public sealed class PlanUpkeepTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-upkeep", keyEveryWrite: true);
    private readonly HttpClient _fk = api.ClientFor("handlaggare", "FK", "fk-upkeep");
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-upkeep");
    private readonly HttpClient _vc = api.ClientFor("handlaggare", "VC", "vc-upkeep");
    private readonly HttpClient _admin = api.ClientFor("administrator", null, "admin-upkeep");
    private readonly CaseDays _day = new(api.Clock, new DateOnly(2026, 3, 2));

    private async Task<string> Case()
    {
        _day.GoTo(0);
        var c = await _soc.OpenCase("SOC", "Ekonomiskt bistånd Landskrona", _day[0], ["SickListed"]);
        await _soc.Invite(_fk, c, "FK", "FK Lokalt försäkringscenter", _day[0]);
        await _soc.Invite(_af, c, "AF", "AF Landskrona", _day[0]);
        var consent = await _soc.Consent(c, ["SOC", "FK", "AF", "VC"], givenOn: _day[0]);
        await _fk.Confirm(c, consent);
        await _af.Confirm(c, consent);
        return c;
    }

    [Fact]
    public async Task Actions_goals_and_needs_are_kept_up_and_overdue_follows()
    {
        var c = await Case();
        var need = (await _soc.Ok($"{c}/plan/needs", new { area = "Forsorjning", description = "Ingen inkomst sedan sjukpenningen drogs in", identifiedOn = _day[0], responsibleParty = "FK" })).Id;
        var goal = (await _soc.Ok($"{c}/plan/goals", new { area = "Arbete", statedBy = "Individual", text = "Tillbaka till lagret", setOn = _day[0], targetOn = _day[180] })).Id;
        var other = (await _soc.Ok($"{c}/plan/goals", new { area = "Halsa", statedBy = "Professionals", text = "Stabil sömn", setOn = _day[0] })).Id;
        var mapping = (await _soc.Ok($"{c}/plan/actions", new { description = "Kartläggning", responsibleParty = "AF", dueOn = _day[20], plannedOn = _day[0] })).Id;
        var obsolete = (await _soc.Ok($"{c}/plan/actions", new { description = "Ansök om sjukpenning igen", responsibleParty = "FK", dueOn = _day[10], plannedOn = _day[0] })).Id;
        var school = (await _soc.Ok($"{c}/plan/actions", new
        {
            description = "Intyg om studieplan", responsibleOther = new { kind = "School", name = "Karin Berg", role = "studievägledare" }, dueOn = _day[50], plannedOn = _day[0],
        })).Id;

        _day.GoTo(15);
        await _af.Ok($"{c}/plan/actions/{mapping}/reschedule", new { dueOn = _day[40], reason = "Väntar på läkarintyg", rescheduledOn = _day[15] });
        await _soc.Ok($"{c}/plan/actions/{obsolete}/drop", new { reason = "FK:s avslag står fast", droppedOn = _day[15] });
        await _soc.Ok($"{c}/plan/actions/{school}/reassign", new { individualResponsible = true, reassignedOn = _day[15] });
        await _soc.Ok($"{c}/plan/goals/{goal}/revise", new { text = "Tillbaka till lagret på halvtid", targetOn = _day[120], revisedOn = _day[15] });
        await _soc.Ok($"{c}/plan/goals/{other}/abandon", new { reason = "Ersatt av VC:s plan", abandonedOn = _day[15] });
        await _soc.Ok($"{c}/plan/needs/{need}/resolve", new { note = "Försörjningsstöd beviljat", resolvedOn = _day[15] });

        _day.GoTo(35);
        await _admin.Scan();
        var overview = await _soc.Overview(c);
        Assert.DoesNotContain(overview.Plan.Actions, a => a.Overdue);
        Assert.DoesNotContain(overview.Flags, f => f.Flag.Rule == StallRuleCodes.OverdueAction);
        var moved = overview.Plan.Actions.Single(a => a.Action.Id == mapping).Action;
        Assert.Equal((_day.Date(40), _day.Date(20)), (moved.DueOn, Assert.Single(moved.Reschedules).From));
        Assert.Equal("FK:s avslag står fast", overview.Plan.Actions.Single(a => a.Action.Id == obsolete).Action.DropReason);
        Assert.True(overview.Plan.Actions.Single(a => a.Action.Id == school).Action.IndividualResponsible);
        var own = Assert.Single(overview.Plan.IndividualGoals);
        Assert.Equal(("Tillbaka till lagret på halvtid", _day.Date(120)), (own.Text, own.TargetOn));
        Assert.Equal(GoalState.Abandoned, Assert.Single(overview.Plan.ProfessionalGoals).State);
        Assert.Equal(_day.Date(15), Assert.Single(overview.Plan.Needs).ResolvedOn);

        // The moved action is overdue from its new date.
        _day.GoTo(41);
        Assert.True((await _soc.Overview(c)).Plan.Actions.Single(a => a.Action.Id == mapping).Overdue);
        await _soc.Ok($"{c}/plan/goals/{goal}/achieve", new { achievedOn = _day[41] });
        Assert.Equal(GoalState.Achieved, Assert.Single((await _soc.Overview(c)).Plan.IndividualGoals).State);
    }

    [Fact]
    public async Task The_sender_keeps_up_its_referral_and_a_decline_carries_a_code()
    {
        var c = await Case();
        var toVc = (await _soc.Ok($"{c}/referrals", new { kind = "Remiss", to = "VC", reason = "Sömn och smärta", respondBy = _day[10], sentOn = _day[0] })).Id;
        var toAf = (await _fk.Ok($"{c}/referrals", new { kind = "BegaranOmUnderlag", to = "AF", reason = "Underlag om arbetsförmåga", sentOn = _day[0] })).Id;

        _day.GoTo(12);
        Assert.True(Assert.Single((await _soc.Overview(c)).Referrals, r => r.Referral.Id == toVc).PastRespondBy);
        await _soc.Ok($"{c}/referrals/{toVc}/remind", new { note = "Ringde receptionen", remindedOn = _day[12] });
        await _soc.Ok($"{c}/referrals/{toVc}/respond-by", new { respondBy = _day[20], changedOn = _day[12] });
        var waiting = Assert.Single((await _soc.Overview(c)).Referrals, r => r.Referral.Id == toVc);
        Assert.False(waiting.PastRespondBy);
        Assert.Equal("Ringde receptionen", Assert.Single(waiting.Referral.Reminders).Note);

        // While referred, VC may read the case; once withdrawn, it has no relation and the case is gone for it.
        Assert.Equal(HttpStatusCode.OK, (await _vc.GetAsync($"{c}/overview")).StatusCode);
        await _soc.Ok($"{c}/referrals/{toVc}/withdraw", new { reason = "Personen har fått tid via 1177", withdrawnOn = _day[12] });
        Assert.Equal(HttpStatusCode.NotFound, (await _vc.GetAsync($"{c}/overview")).StatusCode);
        Assert.Equal(ReferralState.Withdrawn, Assert.Single((await _soc.Overview(c)).Referrals, r => r.Referral.Id == toVc).Referral.State);

        var noCode = await _af.PostJson($"{c}/referrals/{toAf}/decline", new { reason = "Saknar intyg", declinedOn = _day[12] });
        Assert.Equal(HttpStatusCode.BadRequest, noCode.StatusCode);
        Assert.Contains("reasonCode", await noCode.Content.ReadAsStringAsync());
        await _af.Ok($"{c}/referrals/{toAf}/decline", new { reasonCode = "MissingInformation", reason = "Saknar läkarintyg", declinedOn = _day[12] });
        Assert.Equal(ReferralDeclineReason.MissingInformation, Assert.Single((await _fk.Overview(c)).Referrals, r => r.Referral.Id == toAf).Referral.DeclineCode);
    }

    [Fact]
    public async Task Another_party_or_an_outsider_cannot_keep_up_what_is_not_theirs_and_bad_input_names_its_fields()
    {
        var c = await Case();
        var action = (await _soc.Ok($"{c}/plan/actions", new { description = "Boka läkartid", responsibleParty = "SOC", dueOn = _day[10], plannedOn = _day[0] })).Id;
        var goal = (await _soc.Ok($"{c}/plan/goals", new { area = "Arbete", statedBy = "Individual", text = "Jobb", setOn = _day[0] })).Id;
        var referral = (await _soc.Ok($"{c}/referrals", new { kind = "Remiss", to = "AF", reason = "Kartläggning", sentOn = _day[0] })).Id;
        var outsider = api.ClientFor("handlaggare", "KAA", "kaa-upkeep");

        foreach (var (client, url, body) in new (HttpClient, string, object)[]
                 {
                     (_fk, $"{c}/plan/actions/{action}/drop", new { reason = "x", droppedOn = _day[0] }),
                     (_fk, $"{c}/plan/goals/{goal}/achieve", new { achievedOn = _day[0] }),
                     (_fk, $"{c}/referrals/{referral}/withdraw", new { reason = "x", withdrawnOn = _day[0] }),
                     (outsider, $"{c}/plan/actions/{action}/reschedule", new { dueOn = _day[20], reason = "x", rescheduledOn = _day[0] }),
                     (outsider, $"{c}/referrals/{referral}/remind", new { remindedOn = _day[0] }),
                 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostJson(url, body)).StatusCode);
        }

        var both = await _soc.PostJson($"{c}/plan/actions/{action}/reassign", new
        {
            responsibleParty = "AF", individualResponsible = true, responsibleOther = new { kind = "School", name = "", role = "mentor" }, reassignedOn = _day[0],
        });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        var errors = (await both.Object())["errors"]!.AsObject();
        Assert.Contains("responsibleParty", errors.Select(e => e.Key));
        Assert.Contains(errors, e => e.Key.Contains("name", StringComparison.OrdinalIgnoreCase));
        var noReason = await _soc.PostJson($"{c}/plan/actions/{action}/drop", new { droppedOn = _day[0] });
        Assert.Contains("reason", (await noReason.Object())["errors"]!.AsObject().Select(e => e.Key));
    }
}
