using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Sip;

namespace Finsam.Samordning.Api.Tests.Sip;

/// <summary>
/// The SIP document and "Min plan" of a walked case: every element the law and guidance list, the
/// completeness check, the printable Swedish page, and the overview's secrecy applied to both.
/// </summary>
public sealed class SipPlanDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<string> Html(HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_plan_holds_every_element_and_prints_as_a_swedish_page()
    {
        var walk = await new AdultSipCase(api, "doc").WalkAsync();
        var c = walk.Url;

        var plan = await (await walk.Soc.GetAsync($"{c}/sip-plan")).Read<SipPlanDocument>();
        Assert.True(plan.Complete, string.Join("; ", plan.Missing.Select(m => m.Text)));
        Assert.Equal(PartyCode.SOC, plan.PlanLead);
        Assert.Equal([PartyCode.SOC, PartyCode.VC, PartyCode.PSY, PartyCode.AF, PartyCode.FK], plan.Parties.Select(p => p.Party));
        Assert.Equal([Huvudman.Kommun, Huvudman.Region, Huvudman.Region, Huvudman.Staten, Huvudman.Staten], plan.Parties.Select(p => p.Huvudman));
        Assert.Equal("Hälsosamtal", Assert.Single(plan.Parties.Single(p => p.Party == PartyCode.VC).Insatser).Name, ignoreCase: true);
        Assert.Equal("Bedöma arbetsförmågan", Assert.Single(plan.Parties.Single(p => p.Party == PartyCode.VC).Actions).Description);
        Assert.Equal(["Långvarig smärta och sömnbrist"], plan.Parties.Single(p => p.Party == PartyCode.VC).Needs);
        Assert.Equal("Gå på tre hälsosamtal", Assert.Single(plan.PersonsActions).Description);
        Assert.Equal("Lena Andersson (syster)", Assert.Single(plan.OthersActions).Responsible);
        Assert.Equal("Jobba på lagret igen, först halvtid", Assert.Single(plan.IndividualGoals).Text);
        Assert.Equal("Sova hela nätter", Assert.Single(plan.ProfessionalGoals).Text);
        Assert.Equal([PartyCode.AF, PartyCode.FK, PartyCode.VC, PartyCode.SOC], plan.LastMeeting!.Parties);
        Assert.Equal("Lena Andersson", Assert.Single(plan.LastMeeting.Others).Name);
        Assert.Equal(walk.Day.Date(70), plan.FollowUpOn);
        Assert.Equal([PartyCode.AF, PartyCode.FK, PartyCode.VC, PartyCode.SOC], Assert.Single(plan.Consents).Parties);
        // SOC sees PSY is on the case, but not PSY's insats: no consent names PSY.
        Assert.Empty(plan.Parties.Single(p => p.Party == PartyCode.PSY).Insatser);
        Assert.Contains(plan.Withheld, w => w.Category == "interventions");

        var page = await Html(walk.Soc, $"{c}/sip-plan");
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<html lang=\"sv\">", page);
        Assert.Contains("size: A4", page);
        var headings = Regex.Matches(page, "<h([1-6])[^>]*>(.*?)</h\\1>").Select(m => (Level: int.Parse(m.Groups[1].Value), Text: m.Groups[2].Value)).ToList();
        Assert.Equal("Samordnad individuell plan (SIP)", headings[0].Text);
        Assert.Equal(1, headings.Count(h => h.Level == 1));
        Assert.All(headings.Zip(headings.Skip(1)), pair => Assert.True(pair.Second.Level <= pair.First.Level + 1, $"{pair.First} then {pair.Second}"));
        foreach (var section in new[] { "Planens fullständighet", "Planeringsansvarig", "Personens behov", "Mål", "Insatser och åtgärder per huvudman",
                     "Vad andra gör", "Senaste SIP-mötet", "Uppföljning", "Samtycken som gäller" })
        {
            Assert.Contains((2, section), headings);
        }

        Assert.Contains("Jobba på lagret igen, först halvtid", page);

        var mine = await (await walk.Soc.GetAsync($"{c}/sip-plan/min-plan")).Read<MinPlanDocument>();
        Assert.Equal("Gå på tre hälsosamtal", Assert.Single(mine.IWill).Description);
        Assert.Equal("Socialtjänsten", mine.CallFirst!.Who);
        Assert.Equal(walk.Day.Date(70), mine.FollowUpOn);
        var minPage = await Html(walk.Soc, $"{c}/sip-plan/min-plan?format=html");
        Assert.Contains("<h1>Min plan</h1>", minPage);
        Assert.Contains("Det här ska jag göra", minPage);
    }

    [Fact]
    public async Task The_completeness_check_names_what_is_missing()
    {
        var soc = api.ClientFor("handlaggare", "SOC", "soc-missing");
        var day = new CaseDays(api.Clock, new DateOnly(2026, 3, 2));
        day.GoTo(0);
        var c = await soc.OpenCase("SOC", "Ekonomiskt bistånd", day[0]);
        await soc.Ok($"{c}/plan/needs", new { area = "Boende", description = "Riskerar vräkning", identifiedOn = day[0] });

        var plan = await (await soc.GetAsync($"{c}/sip-plan")).Read<SipPlanDocument>();

        Assert.False(plan.Complete);
        Assert.Equal(["no-plan-lead", "no-follow-up", "need-without-responsible", "no-individual-goal", "no-consent"], plan.Missing.Select(m => m.Code));
        Assert.Contains("Riskerar vräkning", plan.Missing.Single(m => m.Code == "need-without-responsible").Text);
        Assert.Contains("Ingen planeringsansvarig är utsedd", await Html(soc, $"{c}/sip-plan"));
    }

    [Fact]
    public async Task Both_go_through_the_overviews_secrecy_and_bad_input_names_its_fields()
    {
        var walk = await new AdultSipCase(api, "secrecy").WalkAsync();
        var c = walk.Url;
        var outsider = api.ClientFor("handlaggare", "KAA", "kaa-sip-plan");
        foreach (var url in new[] { $"{c}/sip-plan", $"{c}/sip-plan?format=html", $"{c}/sip-plan/min-plan", $"{c}/sip-plan/min-plan?format=html" })
        {
            var refused = await outsider.GetAsync(url);
            var unknown = await outsider.GetAsync(url.Replace(CaseWalk.CaseId(c).ToString(), Guid.NewGuid().ToString()));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }

        // PSY is on the case, but no consent opens the others' entries to it: its plan holds its own insats only.
        var psy = await (await walk.Psy.GetAsync($"{c}/sip-plan")).Read<SipPlanDocument>();
        Assert.Equal(["Utredning"], psy.Parties.SelectMany(p => p.Insatser).Select(i => i.Name));
        Assert.Empty(psy.IndividualGoals);
        Assert.Null(psy.LastMeeting);
        Assert.NotEmpty(psy.Withheld);
        var psyPage = await Html(walk.Psy, $"{c}/sip-plan");
        Assert.DoesNotContain("Lena Andersson", psyPage);
        Assert.DoesNotContain("Jobba på lagret", psyPage);
        Assert.Contains("Delar av planen visas inte för dig", psyPage);

        var future = await walk.Soc.GetAsync($"{c}/sip-plan?asOf=2030-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var pdf = await walk.Soc.GetAsync($"{c}/sip-plan?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains("format", (await pdf.Object())["errors"]!.AsObject().Select(e => e.Key));

        // Before the meeting there was no plan lead and no goals yet.
        var before = await (await walk.Soc.GetAsync($"{c}/sip-plan?asOf={walk.Day[20]}")).Read<SipPlanDocument>();
        Assert.Null(before.PlanLead);
        Assert.Contains(before.Missing, m => m.Code == "no-plan-lead");
    }

    [Fact]
    public async Task Free_text_is_escaped_in_the_page()
    {
        var soc = api.ClientFor("handlaggare", "SOC", "soc-escape");
        var day = new CaseDays(api.Clock, new DateOnly(2026, 3, 2));
        day.GoTo(0);
        var c = await soc.OpenCase("SOC", "Ekonomiskt bistånd", day[0]);
        await soc.Ok($"{c}/plan/goals", new { area = "Vardag", statedBy = "Individual", text = "<script>alert('x')</script> & mer", setOn = day[0] });

        var page = await Html(soc, $"{c}/sip-plan");

        Assert.DoesNotContain("<script>", page);
        Assert.Contains("&lt;script&gt;", page);
    }
}
