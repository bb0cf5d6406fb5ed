using System.Net;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Api.Tests.Cases;

/// <summary>
/// domain.md's second walk-through, through HTTP: a 19-year-old in Svalöv on the KAA register.
/// KAA opens the case, the vårdcentral declines a remiss (wrong unit) and accepts it re-sent, AF
/// and the vårdcentral work in parallel with KAA, socialtjänsten joins, a SIP meeting sets goals
/// and actions, and four months later the person starts at folkhögskola. The overview is read
/// as it stood on three dates.
/// </summary>
public sealed class KaaYouthWalkthroughTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    // Every write carries an Idempotency-Key, as a client that retries safely sends them.
    private readonly HttpClient _kaa = api.ClientFor("handlaggare", "KAA", "kaa-lina", keyEveryWrite: true);
    private readonly HttpClient _vc = api.ClientFor("handlaggare", "VC", "vc-omar", keyEveryWrite: true);
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-sara", keyEveryWrite: true);
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-maja", keyEveryWrite: true);
    private readonly CaseDays _day = new(api.Clock, new DateOnly(2026, 3, 2));

    private Task<CaseOverviewResponse> Overview(string caseUrl, int? asOfDay = null) =>
        _kaa.Overview(caseUrl, asOfDay is { } d ? _day[d] : null);

    [Fact]
    public async Task A_kaa_youth_gets_parallel_support_and_starts_studies()
    {
        // Day 0: KAA opens the case; the person consents for KAA, VC, AF, SOC and the förbund.
        _day.GoTo(0);
        var c = await _kaa.OpenCase("KAA", "KAA Svalöv", _day[0], ["Uvas", "KaaYouth", "MentalIllHealth"], municipality: "1214");
        var consent = await _kaa.Consent(c, ["KAA", "VC", "AF", "SOC"], coversForbund: true, givenOn: _day[0], validUntil: _day[364]);

        // KAA plans and starts motivation talks, and sends a remiss to the vårdcentral.
        var kaaTalks = (await _kaa.Ok($"{c}/interventions", new { kind = "motivationssamtal", plannedStart = _day[2], plannedOn = _day[0] })).Id;
        var remiss = (await _kaa.Ok($"{c}/referrals", new { kind = "Remiss", to = "VC", reason = "Hälsosamtal, oro och sömn", respondBy = _day[10], sentOn = _day[0] })).Id;
        _day.GoTo(2);
        await _kaa.Ok($"{c}/interventions/{kaaTalks}/start", new { startedOn = _day[2] });
        await _kaa.Ok($"{c}/contacts", new { kind = "HomeVisit", occurredOn = _day[2] });

        // Day 3: wrong unit. KAA re-sends to the right one the next day.
        _day.GoTo(3);
        await _vc.Ok($"{c}/referrals/{remiss}/decline", new { reasonCode = "NotOurs", reason = "Fel enhet: skicka till Vårdcentralen Svalöv", declinedOn = _day[3] });
        _day.GoTo(4);
        var resent = (await _kaa.Ok($"{c}/referrals", new { kind = "Remiss", to = "VC", reason = "Hälsosamtal, oro och sömn", respondBy = _day[14], sentOn = _day[4] })).Id;

        _day.GoTo(5);
        var day5 = await Overview(c, 5);

        // AF joins and maps; SOC joins with the income-support decision; the VC accepts and plans talks.
        _day.GoTo(10);
        await _kaa.Invite(_af, c, "AF", "Arbetsförmedlingen Landskrona", _day[10], reason: "Kartläggning mot studier eller arbete");
        await _af.Confirm(c, consent);
        var afMapping = (await _af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = _day[14], plannedOn = _day[10] })).Id;
        _day.GoTo(12);
        await _kaa.Invite(_soc, c, "SOC", "Ekonomiskt bistånd Svalöv", _day[12], reason: "Försörjning");
        await _soc.Confirm(c, consent);
        await _soc.Ok($"{c}/benefit-decisions", new { benefit = "Forsorjningsstod", decision = "Granted", from = _day[12], decidedOn = _day[12] });
        _day.GoTo(14);
        await _af.Ok($"{c}/interventions/{afMapping}/start", new { startedOn = _day[14] });
        await _af.Ok($"{c}/assessments", new { conclusion = "NotReady", validFrom = _day[14] });
        _day.GoTo(16);
        await _vc.Ok($"{c}/referrals/{resent}/accept", new { unit = "Vårdcentralen Svalöv", acceptedOn = _day[16] });
        await _vc.Confirm(c, consent);
        var vcTalks = (await _vc.Ok($"{c}/interventions", new { kind = "halsosamtal", plannedStart = _day[18], plannedOn = _day[16] })).Id;
        _day.GoTo(18);
        await _vc.Ok($"{c}/interventions/{vcTalks}/start", new { startedOn = _day[18] });

        // SIP meeting with the person: plan lead KAA, both sides' goals, actions for AF, VC and the person.
        var meeting = (await _kaa.Ok($"{c}/sip-meetings", new { meetingOn = _day[24], invitedParties = new[] { "KAA", "AF", "VC", "SOC" }, scheduledOn = _day[18] })).Id;
        _day.GoTo(24);
        await _kaa.Ok($"{c}/sip-meetings/{meeting}/held", new
        {
            heldOn = _day[24], participants = new[] { "KAA", "AF", "VC", "SOC" }, individualTookPart = true,
            decisions = "KAA håller ihop planen. Sikte på folkhögskola till hösten.", nextFollowUpOn = _day[66],
        });
        await _kaa.Ok($"{c}/plan/lead", new { party = "KAA", assignedOn = _day[24] });
        await _kaa.Ok($"{c}/plan/needs", new { area = "Halsa", description = "Sömnproblem och oro", identifiedOn = _day[24] });
        var ownGoal = (await _kaa.Ok($"{c}/plan/goals", new { area = "Studier", statedBy = "Individual", text = "Plugga på folkhögskola", setOn = _day[24] })).Id;
        await _kaa.Ok($"{c}/plan/goals", new { area = "Halsa", statedBy = "Professionals", text = "Regelbunden sömn", setOn = _day[24] });
        var afAction = (await _kaa.Ok($"{c}/plan/actions", new { description = "Kartläggning klar", responsibleParty = "AF", dueOn = _day[45], plannedOn = _day[24] })).Id;
        await _kaa.Ok($"{c}/plan/actions", new { description = "Bedöm arbetsförmåga", responsibleParty = "VC", dueOn = _day[40], plannedOn = _day[24] });
        var ownAction = (await _kaa.Ok($"{c}/plan/actions", new { description = "Besök folkhögskolans öppet hus", individualResponsible = true, goalId = ownGoal, dueOn = _day[35], plannedOn = _day[24] })).Id;

        _day.GoTo(30);
        await _vc.Ok($"{c}/contacts", new { kind = "Meeting", noShow = true, occurredOn = _day[30] });
        _day.GoTo(33);
        await _kaa.Ok($"{c}/plan/actions/{ownAction}/complete", new { completedOn = _day[33] });
        _day.GoTo(44);
        await _af.Ok($"{c}/plan/actions/{afAction}/complete", new { completedOn = _day[44] });
        var day30 = await Overview(c, 30);

        // Day 100: the follow-up on day 66 never happened and VC's action is late.
        _day.GoTo(100);
        var day100 = await Overview(c, 100);

        // Day 120: folkhögskola. Every insats ends with a reason, then the case closes with studier.
        _day.GoTo(120);
        await _af.Ok($"{c}/interventions/{afMapping}/complete", new { endReason = "MovedOnToWorkOrStudies", completedOn = _day[120] });
        await _vc.Ok($"{c}/interventions/{vcTalks}/complete", new { endReason = "GoalReached", completedOn = _day[110] });
        await _kaa.Ok($"{c}/interventions/{kaaTalks}/complete", new { endReason = "MovedOnToWorkOrStudies", completedOn = _day[120] });
        await _kaa.Ok($"{c}/close", new { outcome = "Studier", closedOn = _day[120] });

        // Day 5: only KAA works; the first remiss was declined, the second waits.
        Assert.Equal([PartyCode.KAA], day5.Parties.Select(p => p.Party));
        var kaaOnDay5 = Assert.Single(day5.Interventions);
        Assert.Equal(InterventionState.Ongoing, kaaOnDay5.Insats.State);
        Assert.Equal(2, kaaOnDay5.DaysWaited);
        Assert.Equal([ReferralState.Declined, ReferralState.Pending], day5.Referrals.Select(r => r.Referral.State));
        Assert.Equal(1, day5.Referrals[1].DaysUnanswered);
        Assert.True(Assert.Single(day5.Consents).Active);
        Assert.Equal(0, day5.Parallelism.ParallelDays);
        Assert.Equal(6, day5.Parallelism.CaseDays);

        // Day 30: four parties, three insatser in parallel, the plan in place.
        Assert.Equal([PartyCode.AF, PartyCode.VC, PartyCode.SOC, PartyCode.KAA], day30.Parties.Select(p => p.Party).Order());
        Assert.All(day30.Interventions, i => Assert.Equal(InterventionState.Ongoing, i.Insats.State));
        Assert.Equal([2, 4, 2], day30.Interventions.Select(i => i.DaysWaited));
        Assert.Equal([PartyCode.AF, PartyCode.VC, PartyCode.KAA], day30.Parallelism.PartiesWithOngoingInsats);
        Assert.Equal(17, day30.Parallelism.ParallelDays); // days 14..30: AF with KAA, then VC too
        Assert.Equal(31, day30.Parallelism.CaseDays);
        Assert.Equal(PartyCode.KAA, day30.PlanLead);
        Assert.Equal("Plugga på folkhögskola", Assert.Single(day30.Plan.IndividualGoals).Text);
        Assert.Equal("Regelbunden sömn", Assert.Single(day30.Plan.ProfessionalGoals).Text);
        Assert.Equal(3, day30.Plan.Actions.Count);
        Assert.DoesNotContain(day30.Plan.Actions, a => a.Overdue);
        Assert.Equal(new DateOnly(2026, 3, 26), day30.Sip.LastMeeting!.HeldOn);
        Assert.Equal(_day.Date(66), day30.Sip.NextFollowUpOn);
        Assert.False(day30.Sip.FollowUpOverdue);
        Assert.Equal(1, day30.Contacts.NoShowsLast30Days);
        Assert.Equal([PartyCode.AF], day30.Assessments.Select(a => a.Party));
        Assert.Equal(Benefit.Forsorjningsstod, Assert.Single(day30.BenefitDecisions).Benefit);

        // Day 100: what changed since the meeting: VC's action is overdue, the follow-up was missed.
        var late = Assert.Single(day100.Plan.Actions, a => a.Overdue);
        Assert.Equal(PartyCode.VC, late.Action.ResponsibleParty);
        Assert.True(day100.Sip.FollowUpOverdue);
        Assert.Equal(0, day100.Contacts.NoShowsLast30Days);

        // Today: closed with studier; every insats ended; the parallel share counts up to the close.
        var final = await Overview(c);
        Assert.Equal(CaseStatus.Closed, final.Status);
        Assert.Equal(CaseOutcome.Studier, final.Outcome);
        Assert.Equal(new[] { kaaTalks, afMapping, vcTalks }.Order(), final.Interventions.Select(i => (Guid?)i.Insats.Id).Order());
        Assert.All(final.Interventions, i => Assert.Equal(InterventionState.Completed, i.Insats.State));
        Assert.Equal(120, final.Parallelism.CaseDays); // days 0..119: the closing day is not a case day
        Assert.Equal(106, final.Parallelism.ParallelDays); // days 14..119: an insats completed on day 120 is not ongoing that day
        var history = await (await _kaa.GetAsync($"{c}/history")).Read<List<CaseHistoryEntry>>();
        Assert.Equal("CaseClosed", history[^1].Type);
        Assert.Equal(final.Version, history.Count);
    }
}
