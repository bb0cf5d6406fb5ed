using System.Net;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Features.CaseWrites;
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
    private static readonly DateOnly Day0 = new(2026, 3, 2);
    private readonly HttpClient _kaa = api.ClientFor("handlaggare", "KAA", "kaa-lina");
    private readonly HttpClient _vc = api.ClientFor("handlaggare", "VC", "vc-omar");
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-sara");
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-maja");

    private static string D(int day) => Day0.AddDays(day).ToString("yyyy-MM-dd");

    private void At(int day) => api.Clock.Set(new DateTimeOffset(Day0.AddDays(day).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1)));

    private async Task<CaseCommandResult> Ok(HttpClient client, string url, object body)
    {
        var response = await client.PostJson(url, body, idempotencyKey: Guid.NewGuid().ToString());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Read<CaseCommandResult>();
    }

    private async Task<CaseOverviewResponse> Overview(string caseUrl, int? asOfDay = null)
    {
        var response = await _kaa.GetAsync(caseUrl + "/overview" + (asOfDay is { } d ? $"?asOf={D(d)}" : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Read<CaseOverviewResponse>();
    }

    [Fact]
    public async Task A_kaa_youth_gets_parallel_support_and_starts_studies()
    {
        // Day 0: KAA opens the case; the person consents for KAA, VC, AF, SOC and the förbund.
        At(0);
        var opened = await _kaa.PostJson("/api/v1/cases", new
        {
            municipalityCode = "1214", targetGroups = new[] { "Uvas", "KaaYouth", "MentalIllHealth" },
            openingParty = "KAA", openingUnit = "KAA Svalöv", openedOn = D(0),
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var c = opened.Headers.Location!.OriginalString;
        var consent = (await Ok(_kaa, $"{c}/consents", new
        {
            parties = new[] { "KAA", "VC", "AF", "SOC" }, coversForbund = true, form = "Written", givenOn = D(0), validFrom = D(0), validUntil = D(364),
        })).Id;

        // KAA plans and starts motivation talks, and sends a remiss to the vårdcentral.
        var kaaTalks = (await Ok(_kaa, $"{c}/interventions", new { kind = "motivationssamtal", plannedStart = D(2), plannedOn = D(0) })).Id;
        var remiss = (await Ok(_kaa, $"{c}/referrals", new { kind = "Remiss", to = "VC", reason = "Hälsosamtal, oro och sömn", respondBy = D(10), sentOn = D(0) })).Id;
        At(2);
        await Ok(_kaa, $"{c}/interventions/{kaaTalks}/start", new { startedOn = D(2) });
        await Ok(_kaa, $"{c}/contacts", new { kind = "HomeVisit", occurredOn = D(2) });

        // Day 3: wrong unit. KAA re-sends to the right one the next day.
        At(3);
        await Ok(_vc, $"{c}/referrals/{remiss}/decline", new { reason = "Fel enhet: skicka till Vårdcentralen Svalöv", declinedOn = D(3) });
        At(4);
        var resent = (await Ok(_kaa, $"{c}/referrals", new { kind = "Remiss", to = "VC", reason = "Hälsosamtal, oro och sömn", respondBy = D(14), sentOn = D(4) })).Id;

        At(5);
        var day5 = await Overview(c, 5);

        // AF joins and maps; SOC joins with the income-support decision; the VC accepts and plans talks.
        At(10);
        var afInvite = (await Ok(_kaa, $"{c}/invitations", new { party = "AF", reason = "Kartläggning mot studier eller arbete", invitedOn = D(10) })).Id;
        await Ok(_af, $"{c}/invitations/{afInvite}/accept", new { unit = "Arbetsförmedlingen Landskrona", answeredOn = D(10) });
        await Ok(_af, $"{c}/consents/{consent}/confirm", new { });
        var afMapping = (await Ok(_af, $"{c}/interventions", new { kind = "kartlaggning", plannedStart = D(14), plannedOn = D(10) })).Id;
        At(12);
        var socInvite = (await Ok(_kaa, $"{c}/invitations", new { party = "SOC", reason = "Försörjning", invitedOn = D(12) })).Id;
        await Ok(_soc, $"{c}/invitations/{socInvite}/accept", new { unit = "Ekonomiskt bistånd Svalöv", answeredOn = D(12) });
        await Ok(_soc, $"{c}/consents/{consent}/confirm", new { });
        await Ok(_soc, $"{c}/benefit-decisions", new { benefit = "Forsorjningsstod", decision = "Granted", from = D(12), decidedOn = D(12) });
        At(14);
        await Ok(_af, $"{c}/interventions/{afMapping}/start", new { startedOn = D(14) });
        await Ok(_af, $"{c}/assessments", new { conclusion = "NotReady", validFrom = D(14) });
        At(16);
        await Ok(_vc, $"{c}/referrals/{resent}/accept", new { unit = "Vårdcentralen Svalöv", acceptedOn = D(16) });
        await Ok(_vc, $"{c}/consents/{consent}/confirm", new { });
        var vcTalks = (await Ok(_vc, $"{c}/interventions", new { kind = "halsosamtal", plannedStart = D(18), plannedOn = D(16) })).Id;
        At(18);
        await Ok(_vc, $"{c}/interventions/{vcTalks}/start", new { startedOn = D(18) });

        // SIP meeting with the person: plan lead KAA, both sides' goals, actions for AF, VC and the person.
        var meeting = (await Ok(_kaa, $"{c}/sip-meetings", new { meetingOn = D(24), invitedParties = new[] { "KAA", "AF", "VC", "SOC" }, scheduledOn = D(18) })).Id;
        At(24);
        await Ok(_kaa, $"{c}/sip-meetings/{meeting}/held", new
        {
            heldOn = D(24), participants = new[] { "KAA", "AF", "VC", "SOC" }, individualTookPart = true,
            decisions = "KAA håller ihop planen. Sikte på folkhögskola till hösten.", nextFollowUpOn = D(66),
        });
        await Ok(_kaa, $"{c}/plan/lead", new { party = "KAA", assignedOn = D(24) });
        await Ok(_kaa, $"{c}/plan/needs", new { area = "Halsa", description = "Sömnproblem och oro", identifiedOn = D(24) });
        var ownGoal = (await Ok(_kaa, $"{c}/plan/goals", new { area = "Studier", statedBy = "Individual", text = "Plugga på folkhögskola", setOn = D(24) })).Id;
        await Ok(_kaa, $"{c}/plan/goals", new { area = "Halsa", statedBy = "Professionals", text = "Regelbunden sömn", setOn = D(24) });
        var afAction = (await Ok(_kaa, $"{c}/plan/actions", new { description = "Kartläggning klar", responsibleParty = "AF", dueOn = D(45), plannedOn = D(24) })).Id;
        await Ok(_kaa, $"{c}/plan/actions", new { description = "Bedöm arbetsförmåga", responsibleParty = "VC", dueOn = D(40), plannedOn = D(24) });
        var ownAction = (await Ok(_kaa, $"{c}/plan/actions", new { description = "Besök folkhögskolans öppet hus", individualResponsible = true, goalId = ownGoal, dueOn = D(35), plannedOn = D(24) })).Id;

        At(30);
        await Ok(_vc, $"{c}/contacts", new { kind = "Meeting", noShow = true, occurredOn = D(30) });
        At(33);
        await Ok(_kaa, $"{c}/plan/actions/{ownAction}/complete", new { completedOn = D(33) });
        At(44);
        await Ok(_af, $"{c}/plan/actions/{afAction}/complete", new { completedOn = D(44) });
        var day30 = await Overview(c, 30);

        // Day 100: the follow-up on day 66 never happened and VC's action is late.
        At(100);
        var day100 = await Overview(c, 100);

        // Day 120: folkhögskola. Every insats ends with a reason, then the case closes with studier.
        At(120);
        await Ok(_af, $"{c}/interventions/{afMapping}/complete", new { endReason = "MovedOnToWorkOrStudies", completedOn = D(120) });
        await Ok(_vc, $"{c}/interventions/{vcTalks}/complete", new { endReason = "GoalReached", completedOn = D(110) });
        await Ok(_kaa, $"{c}/interventions/{kaaTalks}/complete", new { endReason = "MovedOnToWorkOrStudies", completedOn = D(120) });
        await Ok(_kaa, $"{c}/close", new { outcome = "Studier", closedOn = D(120) });

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
        Assert.Equal(Day0.AddDays(66), day30.Sip.NextFollowUpOn);
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
        Assert.All(final.Interventions, i => Assert.Equal(InterventionState.Completed, i.Insats.State));
        Assert.Equal(121, final.Parallelism.CaseDays);
        Assert.Equal(106, final.Parallelism.ParallelDays); // days 14..119: an insats completed on day 120 is not ongoing that day
        var history = await (await _kaa.GetAsync($"{c}/history")).Read<List<CaseHistoryEntry>>();
        Assert.Equal("CaseClosed", history[^1].Type);
        Assert.Equal(final.Version, history.Count);
    }
}
