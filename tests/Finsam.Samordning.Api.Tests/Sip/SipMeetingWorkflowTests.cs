using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Api.Tests.Sip;

/// <summary>
/// The adult case of issue 13 (41, long sick leave; SOC, FK, VC, PSY and AF): a SIP meeting called with
/// consent in place, answered, moved, held with a närstående at the table; a second meeting cancelled,
/// a third not held; and an outsider who tries the new routes.
/// </summary>
public sealed class SipMeetingWorkflowTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-sip", keyEveryWrite: true);
    private readonly HttpClient _fk = api.ClientFor("handlaggare", "FK", "fk-sip");
    private readonly HttpClient _vc = api.ClientFor("handlaggare", "VC", "vc-sip");
    private readonly HttpClient _psy = api.ClientFor("handlaggare", "PSY", "psy-sip");
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-sip");
    private readonly HttpClient _admin = api.ClientFor("administrator", null, "admin-sip");
    private readonly CaseDays _day = new(api.Clock, new DateOnly(2026, 3, 2));

    /// <summary>Opens the case with all five parties on it and the person's consent naming all but PSY.</summary>
    private readonly List<(HttpClient Party, Guid Insats)> _insatser = [];

    private async Task<string> AdultCase()
    {
        _day.GoTo(0);
        var c = await _soc.OpenCase("SOC", "Ekonomiskt bistånd Landskrona", _day[0], ["SickListed", "LongTermIncomeSupport"]);
        await _soc.Invite(_fk, c, "FK", "FK Lokalt försäkringscenter", _day[0]);
        await _soc.Invite(_vc, c, "VC", "Vårdcentralen Centrum", _day[0]);
        await _soc.Invite(_psy, c, "PSY", "Psykiatrimottagningen", _day[0]);
        await _soc.Invite(_af, c, "AF", "AF Landskrona", _day[0]);
        var consent = await _soc.Consent(c, ["SOC", "FK", "VC", "AF"], givenOn: _day[0]);
        foreach (var party in new[] { _fk, _vc, _af })
        {
            await party.Confirm(c, consent);
        }

        foreach (var (party, kind) in new[] { (_fk, "samordningsinsats"), (_vc, "halsosamtal"), (_af, "kartlaggning") })
        {
            var insats = await party.Ok($"{c}/interventions", new { kind, plannedStart = _day[1], plannedOn = _day[0] });
            _insatser.Add((party, insats.Id!.Value));
            _day.GoTo(1);
            await party.Ok($"{c}/interventions/{insats.Id}/start", new { startedOn = _day[1] });
            _day.GoTo(0);
        }

        return c;
    }

    [Fact]
    public async Task A_meeting_is_called_with_consent_answered_moved_and_held_with_who_was_actually_there()
    {
        var c = await AdultCase();
        _day.GoTo(5);

        // PSY: the consent does not name it, so it cannot be invited; the meeting says it was left out.
        var refused = await _soc.PostJson($"{c}/sip-meetings", new { meetingOn = _day[20], invitedParties = new[] { "SOC", "PSY" }, scheduledOn = _day[5] });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("sip.party-not-covered-by-consent", (await refused.Object())["code"]!.GetValue<string>());

        var meeting = (await _soc.Ok($"{c}/sip-meetings", new
        {
            meetingOn = _day[20], invitedParties = new[] { "SOC", "FK", "VC", "AF" }, scheduledOn = _day[5], form = "InPerson", place = "Socialkontoret, rum 3",
            otherParticipants = new[] { new { kind = "Narstaende", name = "Lena Andersson", role = "syster" } },
        })).Id;
        await _af.Ok($"{c}/sip-meetings/{meeting}/accept", new { answeredOn = _day[5] });
        _day.GoTo(6);
        await _vc.Ok($"{c}/sip-meetings/{meeting}/decline", new { reason = "Läkaren på kurs", answeredOn = _day[6] });

        var called = (await _soc.Overview(c)).Sip.NextMeeting!;
        Assert.Equal([PartyCode.PSY], called.NotCoveredByConsent);
        Assert.True(called.IndividualInvited);
        Assert.Equal(("Lena Andersson", "syster"), (called.OthersInvited[0].Name, called.OthersInvited[0].Role));
        Assert.Equal("Socialkontoret, rum 3", called.Place);
        Assert.Equal(InvitationState.Declined, called.Answers.Single(a => a.Party == PartyCode.VC).Answer);
        Assert.Equal("Läkaren på kurs", called.Answers.Single(a => a.Party == PartyCode.VC).DeclineReason);

        // Only the organiser moves it; the new date asks everyone again.
        _day.GoTo(7);
        var byVc = await _vc.PostJson($"{c}/sip-meetings/{meeting}/reschedule", new { meetingOn = _day[27], reason = "x", rescheduledOn = _day[7] });
        Assert.Equal(HttpStatusCode.NotFound, byVc.StatusCode);
        await _soc.Ok($"{c}/sip-meetings/{meeting}/reschedule", new { meetingOn = _day[27], reason = "VC kan inte den 20:e", rescheduledOn = _day[7] });
        await _vc.Ok($"{c}/sip-meetings/{meeting}/accept", new { answeredOn = _day[7] });
        _day.GoTo(8);
        await _af.Ok($"{c}/sip-meetings/{meeting}/decline", new { reason = "Krockar med annat möte", answeredOn = _day[8] });
        var moved = (await _soc.Overview(c)).Sip.NextMeeting!;
        Assert.Equal(_day.Date(27), moved.MeetingOn);
        Assert.Equal(_day.Date(20), Assert.Single(moved.Reschedules).From);

        // Held: SOC and VC came, with the person and the sister; FK (never answered) did not; AF had said no.
        _day.GoTo(27);
        await _soc.Ok($"{c}/sip-meetings/{meeting}/held", new
        {
            heldOn = _day[27], participants = new[] { "SOC", "VC" }, individualTookPart = true, decisions = "SOC håller ihop planen.",
            nextFollowUpOn = _day[60], othersPresent = new[] { new { kind = "Narstaende", name = "Lena Andersson", role = "syster" } },
        });
        await _admin.Scan();
        var overview = await _soc.Overview(c);
        Assert.Equal(MeetingState.Held, overview.Sip.LastMeeting!.State);
        Assert.Equal("Lena Andersson", Assert.Single(overview.Sip.LastMeeting.OthersPresent).Name);
        var absent = overview.Flags.Where(f => f.Flag.Rule == StallRuleCodes.PartyAbsentFromSip).Select(f => f.Flag.Subject).ToList();
        Assert.Equal(["FK"], absent);
    }

    [Fact]
    public async Task A_cancelled_meeting_and_one_not_held_are_never_next_and_a_closed_case_has_no_next_meeting()
    {
        var c = await AdultCase();
        _day.GoTo(5);
        var second = (await _soc.Ok($"{c}/sip-meetings", new { meetingOn = _day[30], invitedParties = new[] { "SOC", "FK" }, scheduledOn = _day[5], form = "Video" })).Id;
        await _soc.Ok($"{c}/sip-meetings/{second}/cancel", new { reason = "Personen inlagd", cancelledOn = _day[5] });
        Assert.Null((await _soc.Overview(c)).Sip.NextMeeting);

        var third = (await _soc.Ok($"{c}/sip-meetings", new { meetingOn = _day[10], invitedParties = new[] { "SOC" }, scheduledOn = _day[5], form = "Phone" })).Id;
        var early = await _soc.PostJson($"{c}/sip-meetings/{third}/not-held", new { reason = "Ingen svarade", recordedOn = _day[5] });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        _day.GoTo(10);
        await _soc.Ok($"{c}/sip-meetings/{third}/not-held", new { reason = "Personen svarade inte i telefon", recordedOn = _day[10] });
        var overview = await _soc.Overview(c);
        Assert.Equal([MeetingState.Cancelled, MeetingState.NotHeld], overview.Sip.Meetings.OrderBy(m => m.ScheduledOn).ThenBy(m => m.Form).Select(m => m.State));
        Assert.Equal("Personen svarade inte i telefon", overview.Sip.Meetings.Single(m => m.Id == third).EndReason);

        // A meeting in December on a case that then closed is not "next".
        var december = (await _soc.Ok($"{c}/sip-meetings", new { meetingOn = "2026-12-01", invitedParties = new[] { "SOC" }, scheduledOn = _day[10] })).Id;
        Assert.Equal(december, (await _soc.Overview(c)).Sip.NextMeeting!.Id);
        _day.GoTo(40);
        foreach (var (party, insats) in _insatser)
        {
            await party.Ok($"{c}/interventions/{insats}/complete", new { endReason = "GoalReached", completedOn = _day[40] });
        }

        await _soc.Ok($"{c}/close", new { outcome = "Arbete", closedOn = _day[40] });
        Assert.Null((await _soc.Overview(c)).Sip.NextMeeting);
        Assert.Equal(december, (await _soc.Overview(c, _day[39])).Sip.NextMeeting!.Id);
    }

    [Fact]
    public async Task An_outsider_learns_nothing_and_bad_input_names_its_fields()
    {
        var c = await AdultCase();
        _day.GoTo(5);
        var meeting = (await _soc.Ok($"{c}/sip-meetings", new { meetingOn = _day[20], invitedParties = new[] { "SOC", "FK" }, scheduledOn = _day[5] })).Id;
        var outsider = api.ClientFor("handlaggare", "KAA", "kaa-outsider");

        foreach (var verb in new[] { "accept", "decline", "reschedule", "cancel", "not-held" })
        {
            var answer = await outsider.PostJson($"{c}/sip-meetings/{meeting}/{verb}", new { reason = "x", answeredOn = _day[5], meetingOn = _day[30], rescheduledOn = _day[5], cancelledOn = _day[5], recordedOn = _day[5] });
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }

        // PSY is on the case but was not invited: the invitation does not exist for it.
        Assert.Equal(HttpStatusCode.NotFound, (await _psy.PostJson($"{c}/sip-meetings/{meeting}/accept", new { answeredOn = _day[5] })).StatusCode);

        var bad = await _soc.PostJson($"{c}/sip-meetings", new
        {
            meetingOn = _day[20], invitedParties = new[] { "SOC" }, scheduledOn = _day[5], form = "Smoke",
            otherParticipants = new[] { new { kind = "Narstaende", name = "", role = new string('x', 300) } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("form", body);
        var decline = await _fk.PostJson($"{c}/sip-meetings/{meeting}/decline", new { answeredOn = _day[5] });
        Assert.Equal(HttpStatusCode.BadRequest, decline.StatusCode);
        Assert.Contains("reason", await decline.Content.ReadAsStringAsync());
    }
}
