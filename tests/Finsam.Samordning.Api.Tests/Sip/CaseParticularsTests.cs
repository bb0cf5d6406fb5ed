using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Api.Tests.Sip;

/// <summary>
/// What a case is over time, over HTTP: target groups changed after FK's refusal and AF's "ej redo",
/// an assessment made on one day for a period, contacts linked to an insats and a meeting, a close
/// whose last day is the day before it, and a reopening that names what the close ended.
/// </summary>
public sealed class CaseParticularsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-particulars", keyEveryWrite: true);
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-particulars");
    private readonly HttpClient _fk = api.ClientFor("handlaggare", "FK", "fk-particulars");
    private readonly CaseDays _day = new(api.Clock, new DateOnly(2026, 3, 2));

    [Fact]
    public async Task Particulars_change_on_their_business_dates_and_the_close_is_not_a_case_day()
    {
        _day.GoTo(0);
        var c = await _soc.OpenCase("SOC", "Ekonomiskt bistånd Landskrona", _day[0], ["SickListed"]);
        await _soc.Invite(_af, c, "AF", "AF Landskrona", _day[0]);
        await _soc.Invite(_fk, c, "FK", "FK Lokalt försäkringscenter", _day[0]);
        var consent = await _soc.Consent(c, ["SOC", "AF"], givenOn: _day[0]);
        await _af.Confirm(c, consent);
        var socInsats = (await _soc.Ok($"{c}/interventions", new { kind = "boendestod", plannedStart = _day[0], plannedOn = _day[0] })).Id;
        await _soc.Ok($"{c}/interventions/{socInsats}/start", new { startedOn = _day[0] });
        var afInsats = (await _af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = _day[0], plannedOn = _day[0] })).Id;
        await _af.Ok($"{c}/interventions/{afInsats}/start", new { startedOn = _day[0] });
        var meeting = (await _soc.Ok($"{c}/sip-meetings", new { meetingOn = _day[10], invitedParties = new[] { "SOC", "AF" }, scheduledOn = _day[0] })).Id;

        // FK refuses sjukpenning; AF judges "ej redo" on day 22 for days 25–90; SOC adds Nollplacerad on day 30.
        _day.GoTo(20);
        await _fk.Ok($"{c}/benefit-decisions", new { benefit = "Sjukpenning", decision = "Refused", from = _day[20], decidedOn = _day[20] });
        _day.GoTo(30);
        await _af.Ok($"{c}/assessments", new { conclusion = "NotReady", assessedOn = _day[22], validFrom = _day[25], validUntil = _day[90] });
        await _soc.Ok($"{c}/target-groups", new { targetGroups = new[] { "SickListed", "Nollplacerad", "NotReadyForAf" }, changedOn = _day[30] });
        await _soc.Ok($"{c}/contacts", new { kind = "HomeVisit", occurredOn = _day[30], interventionId = socInsats });
        await _soc.Ok($"{c}/contacts", new { kind = "Phone", occurredOn = _day[30], meetingId = meeting });
        var notOwn = await _soc.PostJson($"{c}/contacts", new { kind = "Phone", occurredOn = _day[30], interventionId = afInsats });
        Assert.Equal(HttpStatusCode.NotFound, notOwn.StatusCode);

        Assert.Equal([TargetGroup.SickListed], (await _soc.Overview(c, _day[29])).TargetGroups);
        var day30 = await _soc.Overview(c);
        Assert.Equal([TargetGroup.SickListed, TargetGroup.Nollplacerad, TargetGroup.NotReadyForAf], day30.TargetGroups);
        Assert.Equal(_day.Date(30), Assert.Single(day30.TargetGroupChanges).ChangedOn);
        var assessment = Assert.Single(day30.Assessments);
        Assert.Equal((_day.Date(22), _day.Date(25), _day.Date(90)), (assessment.AssessedOn, assessment.ValidFrom, assessment.ValidUntil));
        Assert.Single((await _soc.Overview(c, _day[22])).Assessments);
        Assert.Empty((await _soc.Overview(c, _day[21])).Assessments);
        Assert.Contains(day30.Contacts.Recent, x => x.InterventionId == socInsats);
        Assert.Contains(day30.Contacts.Recent, x => x.MeetingId == meeting);

        // AF ends its own; SOC closes on day 40 and the close ends SOC's. Days 0..39 ran in parallel: share 1.
        _day.GoTo(40);
        await _af.Ok($"{c}/interventions/{afInsats}/complete", new { endReason = "MovedToAnotherIntervention", completedOn = _day[40] });
        await _soc.Ok($"{c}/close", new { outcome = "Sysselsattning", endOpenInterventionsAs = "GoalReached", closedOn = _day[40] });
        var closed = await _soc.Overview(c);
        Assert.Equal((40, 40, 1.0), (closed.Parallelism.ParallelDays, closed.Parallelism.CaseDays, closed.Parallelism.Share));

        // Reopened: SOC's insats stays completed, and the reopening names it; FK, which no consent covers, sees no id.
        _day.GoTo(50);
        await _soc.Ok($"{c}/reopen", new { reason = "Ny ansökan om bistånd", reopenedOn = _day[50] });
        var reopened = await _soc.Overview(c);
        Assert.Equal(InterventionState.Completed, reopened.Interventions.Single(i => i.Insats.Id == socInsats).Insats.State);
        Assert.Equal([socInsats!.Value], Assert.Single(reopened.Reopenings).InterventionsEndedByClose);
        Assert.Empty(Assert.Single((await _fk.Overview(c)).Reopenings).InterventionsEndedByClose);
        Assert.Empty((await _fk.Overview(c)).TargetGroups);
    }

    [Fact]
    public async Task Bad_particulars_name_their_fields()
    {
        _day.GoTo(0);
        var c = await _soc.OpenCase("SOC", "Ekonomiskt bistånd Landskrona", _day[0]);
        var groups = await _soc.PostJson($"{c}/target-groups", new { targetGroups = Array.Empty<string>(), changedOn = _day[0] });
        Assert.Contains("targetGroups", (await groups.Object())["errors"]!.AsObject().Select(e => e.Key));
        var assessment = await _soc.PostJson($"{c}/assessments", new { conclusion = "NotAbleNow", validFrom = _day[10], validUntil = _day[5], assessedOn = _day[3] });
        Assert.Equal(HttpStatusCode.BadRequest, assessment.StatusCode);
        var errors = (await assessment.Object())["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("validUntil", errors);
        Assert.Contains("assessedOn", errors);
    }
}
