using System.Net;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Features.Secrecy;
using Finsam.Samordning.Domain.Secrecy;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Api.Tests.Secrecy;

/// <summary>
/// Red-team findings: holes in the secrecy rule found from the outside, over HTTP. Each test
/// fails while the hole is open and passes once it is closed.
/// </summary>
public sealed class RedTeamFindingsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "rt-soc");
    private readonly HttpClient _psy = api.ClientFor("handlaggare", "PSY", "rt-psy");
    private readonly HttpClient _kaa = api.ClientFor("handlaggare", "KAA", "rt-kaa");
    private readonly HttpClient _forbund = api.ClientFor("samverkansledare", null, "rt-forbund");

    // SOC opens a mental-ill-health case, logs a contact and starts an insats; PSY is invited and
    // joins. No consent: PSY may see none of SOC's entries, nor the target groups.
    private async Task<string> SocCaseWithPsyUncovered(string openedOn = "2026-02-02", string contactOn = "2026-02-03", string joinOn = "2026-02-06")
    {
        var c = await _soc.OpenCase("SOC", "IFO Landskrona", openedOn, ["MentalIllHealth"]);
        await _soc.Ok($"{c}/contacts", new { kind = "HomeVisit", occurredOn = contactOn, note = "Berättade om skulder" });
        var insats = await _soc.Ok($"{c}/interventions", new { kind = "boendestod", plannedStart = contactOn, plannedOn = contactOn });
        await _soc.Ok($"{c}/interventions/{insats.Id}/start", new { startedOn = contactOn });
        await _soc.Invite(_psy, c, "PSY", "Psykiatrimottagningen", joinOn);
        return c;
    }

    private static string Id(string caseUrl) => caseUrl.Split('/')[^1];

    // HIGH. The case list filters on the raw target groups, though the item shows them withheld:
    // a party on the case without the opener's consent (or only referred/invited, or left) learns
    // that the person belongs to "MentalIllHealth" by filtering on it.
    [Fact]
    public async Task List_filter_on_target_group_does_not_reveal_withheld_target_groups()
    {
        var c = await SocCaseWithPsyUncovered();
        Assert.Empty((await _psy.Overview(c)).TargetGroups); // precondition: withheld from PSY

        var hit = await (await _psy.GetAsync("/api/v1/cases?targetGroup=MentalIllHealth&pageSize=200")).Content.ReadAsStringAsync();
        var miss = await (await _psy.GetAsync("/api/v1/cases?targetGroup=Uvas&pageSize=200")).Content.ReadAsStringAsync();

        // Whatever the filter does with a withheld group, both answers must treat the case alike.
        Assert.Equal(miss.Contains(Id(c)), hit.Contains(Id(c)));
    }

    // HIGH. Closing the case as a party with no consent: the 409 names every party's open insatser
    // (party, kind, state) and the date of their latest change.
    [Fact]
    public async Task Refused_close_does_not_describe_another_partys_withheld_insatser()
    {
        var c = await SocCaseWithPsyUncovered();
        Assert.Empty((await _psy.Overview(c)).Interventions); // precondition: withheld from PSY

        var close = await _psy.PostJson($"{c}/close", new { outcome = "Arbete", closedOn = "2026-02-10" });
        var body = await close.Content.ReadAsStringAsync();

        Assert.DoesNotContain("SOC", body);
        Assert.DoesNotContain("boendest", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ongoing", body, StringComparison.OrdinalIgnoreCase);
    }

    // MEDIUM. A party with no consent may close the case with endOpenInterventionsAs: that ends SOC's
    // insatser, and the ending events carry the closer's party, so PSY's history shows their types
    // and dates (how many of SOC's insatser were planned or ongoing).
    [Fact]
    public async Task Closing_does_not_show_the_closer_the_ends_of_another_partys_withheld_insatser()
    {
        var c = await SocCaseWithPsyUncovered();
        var close = await _psy.PostJson($"{c}/close", new { outcome = "Arbete", closedOn = "2026-02-10", endOpenInterventionsAs = "GoalReached" });
        Assert.Equal(HttpStatusCode.Conflict, close.StatusCode); // only SOC may end SOC's insatser

        var history = await (await _psy.GetAsync($"{c}/history")).Array();
        Assert.DoesNotContain(history, e => e!["type"]!.GetValue<string>() is "InterventionCompleted" or "InterventionCancelled");
    }

    // HIGH. A handläggare whose token names no (valid) party passes the flag endpoints' policy,
    // skips the relation check (it only runs when the caller has a party) and is treated as the
    // förbund: it can raise a concern on any case, and 200 vs 404 tells it the case exists.
    [Fact]
    public async Task A_handlaggare_without_a_party_cannot_raise_a_concern_on_a_case_it_has_no_relation_to()
    {
        var c = await SocCaseWithPsyUncovered();
        var partyless = api.ClientFor("handlaggare", null, "rt-partyless");

        var hidden = await partyless.PostJson($"{c}/flags", new { reason = "Jag vet att ärendet finns" });
        var unknown = await partyless.PostJson($"/api/v1/cases/{Guid.NewGuid()}/flags", new { reason = "Jag vet att ärendet finns" });

        Assert.Equal(unknown.StatusCode, hidden.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, hidden.StatusCode);
    }

    // MEDIUM. The samverkansledare reads SOC's entries under SOC's consent naming the förbund, and a
    // concern it raises carries free text with no owning party, so its reason is shown to every
    // related party: an invited party that has not answered, and a member no consent covers.
    [Fact]
    public async Task A_forbund_concern_reason_is_not_shown_to_parties_that_may_not_see_the_entries_it_describes()
    {
        var c = await SocCaseWithPsyUncovered();
        await _soc.Consent(c, ["SOC"], coversForbund: true, givenOn: "2026-02-07");
        Assert.Contains((await _forbund.Overview(c)).Contacts.Recent, x => x.Note == "Berättade om skulder");
        await _soc.Ok($"{c}/invitations", new { party = "KAA", reason = "Ung", invitedOn = "2026-02-08" });

        const string Reason = "SOC:s hembesök visar skulder och boendestöd utan effekt";
        await _forbund.Ok($"{c}/flags", new { reason = Reason });

        var invited = await (await _kaa.GetAsync($"{c}/overview")).Content.ReadAsStringAsync();
        var member = await (await _psy.GetAsync($"{c}/overview")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("skulder", invited);
        Assert.DoesNotContain("skulder", member);
    }

    // MEDIUM. LastActivityOn on the case and in the list is the latest business date of any event,
    // withheld ones included: a party without consent learns when another party last recorded
    // something (a contact, a decision) and its date.
    [Fact]
    public async Task Last_activity_date_does_not_come_from_withheld_entries()
    {
        var c = await SocCaseWithPsyUncovered();
        await _soc.Ok($"{c}/contacts", new { kind = "Phone", occurredOn = "2026-02-25", note = "Ny oro" });

        var details = await (await _psy.GetAsync(c)).Read<CaseDetails>();
        var page = await (await _psy.GetAsync("/api/v1/cases?pageSize=200")).Read<CasePage>();
        var item = Assert.Single(page.Items, i => i.Id == details.Id);

        Assert.NotEqual(new DateOnly(2026, 2, 25), details.LastActivityOn);
        Assert.NotEqual(new DateOnly(2026, 2, 25), item.LastActivityOn);
    }

    // MEDIUM. A rule flag's reason is withheld, but its Since is not: for NoContact it is the date
    // of the last contact of any party, so it leaks the date of SOC's withheld contact.
    [Fact]
    public async Task A_withheld_rule_flag_does_not_carry_the_date_of_a_withheld_entry()
    {
        var c = await SocCaseWithPsyUncovered(openedOn: "2026-01-05", contactOn: "2026-01-09", joinOn: "2026-01-12");
        await api.ClientFor("administrator", null, "rt-admin").Scan(full: true);

        var flag = Assert.Single((await _psy.Overview(c)).Flags, f => f.Flag.Rule == "NoContact").Flag;
        Assert.Equal(WithheldMarker.Text, flag.Reason); // precondition: the reason is withheld from PSY
        Assert.NotEqual(new DateOnly(2026, 1, 9), flag.Since);
    }

    // LOW. An invitation SOC sent is withheld from PSY (no consent), but PSY inviting the same party
    // is refused with "KAA already has an unanswered invitation".
    [Fact]
    public async Task Inviting_does_not_reveal_another_partys_withheld_invitation()
    {
        var c = await SocCaseWithPsyUncovered();
        await _soc.Ok($"{c}/invitations", new { party = "KAA", reason = "Ung under 20", invitedOn = "2026-02-08" });
        Assert.DoesNotContain((await _psy.Overview(c)).Invitations, i => i.Party == PartyCode.KAA); // precondition: withheld from PSY

        var probe = await _psy.PostJson($"{c}/invitations", new { party = "KAA", reason = "Prov", invitedOn = "2026-02-09" });
        var body = await probe.Content.ReadAsStringAsync();
        Assert.DoesNotContain("invitation.pending", body);
    }

    // LOW. The plan lead was withheld in the history but shown in the overview. Who carries the plan
    // is, like who is on the case, shown to every related party (they need to know whom to talk to):
    // both views now agree.
    [Fact]
    public async Task The_plan_lead_is_shown_alike_in_history_and_overview_as_who_carries_the_case()
    {
        var c = await SocCaseWithPsyUncovered();
        await _soc.Ok($"{c}/plan/lead", new { party = "SOC", assignedOn = "2026-02-09" });

        var history = await (await _psy.GetAsync($"{c}/history")).Array();
        Assert.Contains(history, e => e!["type"]!.GetValue<string>() == "PlanLeadAssigned");

        var overview = await _psy.Overview(c);
        Assert.Equal(PartyCode.SOC, overview.PlanLead);
    }
}
