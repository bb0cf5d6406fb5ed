using System.Net;
using System.Text.Json.Nodes;
using Finsam.Samordning.Api.Features.Audit;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Api.Tests.Secrecy;

/// <summary>
/// Another authority's caseworker attacks the secrecy from the outside, over HTTP: every way in
/// that was found open is tried, and each must fail. Consent lifts only the disclosing party's
/// secrecy, and only once that party has confirmed it.
/// </summary>
public sealed class SecrecyAttackTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-anna");
    private readonly HttpClient _psy = api.ClientFor("handlaggare", "PSY", "psy-ola");
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-outsider");

    // SOC opens a case about mental ill-health, logs a contact with a note and starts an insats;
    // PSY is invited and joins and records its own entries.
    private async Task<string> SocAndPsyCase()
    {
        var c = await _soc.OpenCase("SOC", "IFO Landskrona", "2026-02-02", ["MentalIllHealth", "LongTermIncomeSupport"]);
        await _soc.Ok($"{c}/contacts", new { kind = "HomeVisit", occurredOn = "2026-02-03", note = "Berättade om skulder" });
        var insats = await _soc.Ok($"{c}/interventions", new { kind = "boendestod", plannedStart = "2026-02-05", plannedOn = "2026-02-03" });
        await _soc.Ok($"{c}/interventions/{insats.Id}/start", new { startedOn = "2026-02-05" });
        await _soc.Ok($"{c}/plan/goals", new { area = "Boende", statedBy = "Individual", text = "Behålla lägenheten", setOn = "2026-02-04" });
        await _soc.Invite(_psy, c, "PSY", "Psykiatrimottagningen", "2026-02-06");
        await _psy.Ok($"{c}/assessments", new { conclusion = "NotReady", note = "Depression", validFrom = "2026-02-07" });
        return c;
    }

    private static bool SeesSocsEntries(CaseOverviewResponse o) =>
        o.Interventions.Count > 0 || o.Contacts.Total > 0 || o.Plan.IndividualGoals.Count > 0;

    [Fact]
    public async Task A_party_that_knows_only_the_case_id_cannot_join_invite_itself_or_learn_that_the_case_exists()
    {
        var c = await SocAndPsyCase();
        var unknown = $"/api/v1/cases/{Guid.NewGuid()}";

        Assert.Equal(HttpStatusCode.NotFound, (await _af.PostJson($"{c}/parties", new { unit = "AF", joinedOn = "2026-02-10" })).StatusCode);
        var selfInvite = await _af.PostJson($"{c}/invitations", new { party = "AF", reason = "Vill läsa", invitedOn = "2026-02-10" });
        var consent = await _af.PostJson($"{c}/consents", new { parties = new[] { "AF", "SOC" }, coversForbund = false, form = "Oral", givenOn = "2026-02-10", validFrom = "2026-02-10" });
        Assert.Equal(HttpStatusCode.NotFound, selfInvite.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, consent.StatusCode);

        foreach (var read in new[] { "", "/overview", "/overview?asOf=2026-02-05", "/history" })
        {
            var hidden = await _af.GetAsync(c + read);
            var missing = await _af.GetAsync(unknown + read);
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.Equal(Without(await hidden.Object(), c), Without(await missing.Object(), unknown));
        }

        var list = await (await _af.GetAsync("/api/v1/cases?pageSize=200")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(c.Split('/')[^1], list);
        var log = await (await api.ClientFor("granskare", null, "granskare-attack").GetAsync($"/api/v1/audit/access-log?caseId={c.Split('/')[^1]}&user=af-outsider"))
            .Read<AccessLogPage>();
        Assert.NotEmpty(log.Items);
        Assert.All(log.Items, e => Assert.False(e.Allowed));
    }

    [Fact]
    public async Task A_consent_the_reader_records_itself_opens_nothing_until_the_disclosing_party_confirms()
    {
        var c = await SocAndPsyCase();

        // PSY records a consent naming only itself, then one naming SOC too: neither is SOC's word.
        await _psy.Consent(c, ["PSY"]);
        var named = await _psy.Consent(c, ["PSY", "SOC"]);
        var before = await _psy.Overview(c);
        Assert.False(SeesSocsEntries(before));
        Assert.Contains(before.Withheld!, w => w.Category == "interventions");
        Assert.Empty(before.TargetGroups);
        Assert.Contains(before.Withheld!, w => w.Category == "targetGroups");

        // SOC confirms: now the person's consent opens SOC's entries to PSY.
        await _soc.Confirm(c, named);
        var after = await _psy.Overview(c);
        Assert.True(SeesSocsEntries(after));
        Assert.Equivalent(new[] { TargetGroup.MentalIllHealth, TargetGroup.LongTermIncomeSupport }, after.TargetGroups, strict: true);

        // The person withdraws it; PSY's new consent naming SOC opens nothing again.
        await _soc.Ok($"{c}/consents/{named}/revoke", new { effectiveOn = "2026-03-02" });
        await _psy.Consent(c, ["PSY", "SOC"], givenOn: "2026-03-02");
        Assert.False(SeesSocsEntries(await _psy.Overview(c)));
    }

    [Fact]
    public async Task A_consent_opens_only_the_categories_it_names_and_notes_only_when_it_names_notes()
    {
        var c = await SocAndPsyCase();
        var consent = await _soc.Consent(c, ["SOC", "PSY"], categories: ["PlanAndMeetings", "Contacts"]);
        await _psy.Confirm(c, consent);

        var psyView = await _psy.Overview(c);
        Assert.Single(psyView.Plan.IndividualGoals);
        var contact = Assert.Single(psyView.Contacts.Recent, x => x.Party == PartyCode.SOC);
        Assert.Null(contact.Note);
        Assert.Contains(psyView.Withheld!, w => w.Category == "notes");
        Assert.DoesNotContain(psyView.Interventions, i => i.Insats.Party == PartyCode.SOC);
        Assert.Contains(psyView.Withheld!, w => w.Category == "interventions");

        // PSY confirmed too, but assessments are not a category the person named: SOC does not see PSY's.
        var socView = await _soc.Overview(c);
        Assert.Empty(socView.Assessments);
        Assert.Contains(socView.Withheld!, w => w.Category == "assessments");
    }

    [Fact]
    public async Task A_party_that_left_keeps_its_own_entries_sees_nothing_new_of_others_and_returns_only_when_invited()
    {
        var c = await SocAndPsyCase();
        var consent = await _soc.Consent(c, ["SOC", "PSY"]);
        await _psy.Confirm(c, consent);
        Assert.True(SeesSocsEntries(await _psy.Overview(c)));

        await _psy.Ok($"{c}/parties/PSY/leave", new { reason = "Behandling avslutad", handedOverTo = "SOC", leftOn = "2026-02-20" });
        await _soc.Ok($"{c}/contacts", new { kind = "Phone", occurredOn = "2026-02-21", note = "Ny oro" });

        var left = await _psy.Overview(c);
        Assert.False(SeesSocsEntries(left));
        Assert.Single(left.Assessments); // its own
        Assert.Contains(left.Withheld!, w => w.Category == "contacts");
        var rejoin = await _psy.PostJson($"{c}/invitations", new { party = "PSY", reason = "Tillbaka", invitedOn = "2026-02-22" });
        Assert.Equal("party.not-on-case", (await rejoin.Object())["code"]!.GetValue<string>());

        await _soc.Invite(_psy, c, "PSY", "Psykiatrimottagningen", "2026-02-23");
        Assert.True(SeesSocsEntries(await _psy.Overview(c)));
    }

    [Fact]
    public async Task A_referred_or_invited_party_sees_that_the_case_exists_who_is_on_it_and_what_was_sent_to_it_only()
    {
        var c = await SocAndPsyCase();
        var consent = await _soc.Consent(c, ["SOC", "PSY", "AF", "VC"]);
        await _soc.Ok($"{c}/referrals", new { kind = "Remiss", to = "VC", reason = "Somatisk utredning", sentOn = "2026-02-10" });
        await _soc.Ok($"{c}/invitations", new { party = "AF", reason = "Arbetsmarknadsinsats", invitedOn = "2026-02-10" });
        var vc = api.ClientFor("handlaggare", "VC", "vc-referred");

        foreach (var (reader, party) in new[] { (vc, PartyCode.VC), (_af, PartyCode.AF) })
        {
            var view = await reader.Overview(c);
            Assert.Equal([PartyCode.PSY, PartyCode.SOC], view.Parties.Select(p => p.Party).Order());
            Assert.False(SeesSocsEntries(view));
            Assert.Empty(view.Consents);
            Assert.Empty(view.TargetGroups);
            Assert.True(view.Referrals.Any(r => r.Referral.To == party) || view.Invitations.Any(i => i.Party == party));
            Assert.Equal(HttpStatusCode.Conflict, (await reader.PostJson($"{c}/consents/{consent}/confirm", new { })).StatusCode);
        }
    }

    [Fact]
    public async Task A_samverkansledare_token_with_a_party_claim_reads_for_the_forbund_only()
    {
        var c = await SocAndPsyCase();
        var withClaim = api.ClientFor("samverkansledare", "SOC", "sl-with-claim");

        var view = await withClaim.Overview(c);
        Assert.False(SeesSocsEntries(view));
        Assert.Equal(HttpStatusCode.Forbidden, (await withClaim.PostJson($"{c}/contacts", new { kind = "Phone", occurredOn = "2026-02-20" })).StatusCode);

        // Named with the förbund by SOC's confirmed consent: SOC's entries open, PSY's stay closed.
        await _soc.Consent(c, ["SOC"], coversForbund: true);
        var covered = await withClaim.Overview(c);
        Assert.True(SeesSocsEntries(covered));
        Assert.Empty(covered.Assessments);
    }

    [Fact]
    public async Task A_rule_flag_shows_its_reason_to_a_party_that_may_see_what_it_describes_and_to_no_other()
    {
        var c = await SocAndPsyCase();
        // SOC pauses its only insats: 14 days on (today, 2 March, is past them) no insats is ongoing.
        var insats = Assert.Single((await _soc.Overview(c)).Interventions).Insats.Id;
        await _soc.Ok($"{c}/interventions/{insats}/pause", new { reason = "Inlagd", pausedOn = "2026-02-10" });
        await api.ClientFor("administrator", null, "admin-attack-scan").Scan(full: true);

        // No plan lead: who is on the case is known to every related party, so PSY reads why.
        var psyView = await _psy.Overview(c);
        var noLead = Assert.Single(psyView.Flags, f => f.Flag.Rule == "NoPlanLead").Flag;
        Assert.Contains("planeringsansvarig", noLead.Reason);
        // A finding that may describe SOC's entries (insatser, contacts) stays a marker for PSY.
        var mayDescribeSoc = psyView.Flags.Where(f => f.Flag.Rule is not "NoPlanLead" and not "ConsentExpiring").ToList();
        Assert.Equal(["NoActiveIntervention"], mayDescribeSoc.Select(f => f.Flag.Rule));
        Assert.All(mayDescribeSoc, f => Assert.Equal(Domain.Secrecy.WithheldMarker.Text, f.Flag.Reason));
    }

    [Fact]
    public async Task An_asof_view_shows_a_consent_from_the_day_it_was_given_not_the_day_it_was_recorded()
    {
        var c = await SocAndPsyCase();
        await _soc.Consent(c, ["SOC", "PSY"], givenOn: "2026-02-10");

        Assert.Empty((await _soc.Overview(c, "2026-02-09")).Consents);
        var given = Assert.Single((await _soc.Overview(c, "2026-02-10")).Consents);
        Assert.True(given.Active);
        Assert.Equal(new DateOnly(2026, 2, 10), given.Consent.GivenOn);
    }

    [Fact]
    public async Task An_amended_consent_is_a_new_version_linked_to_the_old_and_the_history_keeps_both()
    {
        var c = await SocAndPsyCase();
        var first = await _soc.Consent(c, ["SOC", "PSY"], givenOn: "2026-02-10", validUntil: "2026-02-28");
        await _psy.Confirm(c, first);
        var amended = (await _soc.Ok($"{c}/consents/{first}/amend", new
        {
            parties = new[] { "SOC", "PSY" }, coversForbund = false, form = "Oral", givenOn = "2026-02-25", validFrom = "2026-02-25", validUntil = "2026-12-31",
        })).Id!.Value;

        var consents = (await _soc.Overview(c)).Consents;
        Assert.Equal(amended, consents.Single(x => x.Consent.Id == first).Consent.ReplacedBy);
        Assert.Equal(first, consents.Single(x => x.Consent.Id == amended).Consent.Replaces);
        Assert.False(consents.Single(x => x.Consent.Id == first).Active);
        // PSY confirmed the old version only: its entries wait for its word on the new one.
        Assert.Empty((await _soc.Overview(c)).Assessments);
        await _psy.Confirm(c, amended);
        Assert.Single((await _soc.Overview(c)).Assessments);
        var history = await (await _soc.GetAsync($"{c}/history")).Read<List<CaseHistoryEntry>>();
        Assert.Equal(2, history.Count(h => h.Type == "ConsentRecorded"));
    }

    // A problem body without its per-request parts (trace id) and with the id replaced.
    private static string Without(JsonObject problem, string url)
    {
        problem.Remove("traceId");
        return problem.ToJsonString().Replace(url.Split('/')[^1], "{id}");
    }
}
