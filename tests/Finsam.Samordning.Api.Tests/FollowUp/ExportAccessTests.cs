using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;

namespace Finsam.Samordning.Api.Tests.FollowUp;

/// <summary>
/// The exports: only the samverkansledare and administrators get them, every export (and every refusal)
/// is in the access log, and the participant file holds no name, personnummer or id.
/// </summary>
public sealed class ExportAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Personnummer = "19811218-9876";
    private const string Name = "Pia Exportsdotter";
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-export");
    private readonly HttpClient _lead = api.ClientFor("samverkansledare", null, "lead-export");

    private async Task<long> Logged(string user, string action, bool allowed) =>
        (long)(await api.Scalar("select count(*) from finsam_audit.access_log where user_id = @u and action = @a and allowed = @ok",
            ("u", user), ("a", action), ("ok", allowed)))!;

    [Theory]
    [InlineData("/api/v1/follow-up/indicators.csv?period=2026", "ExportIndicatorsCsv", "text/csv")]
    [InlineData("/api/v1/follow-up/indicators.xlsx?period=2026&by=Party", "ExportIndicatorsXlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("/api/v1/follow-up/participants.csv?period=2026&exportKey=sus-2026", "ExportParticipants", "text/csv")]
    public async Task Each_export_is_for_the_forbund_only_and_in_the_access_log(string url, string action, string contentType)
    {
        foreach (var (role, party, user) in new[] { ("samverkansledare", (string?)null, "lead-" + action), ("administrator", null, "admin-" + action) })
        {
            var response = await api.ClientFor(role, party, user).GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(1, await Logged(user, action, allowed: true));
        }

        foreach (var (role, party, user) in new[] { ("handlaggare", (string?)"AF", "af-" + action), ("granskare", null, "granskare-" + action) })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientFor(role, party, user).GetAsync(url)).StatusCode);
            Assert.Equal(1, await Logged(user, action, allowed: false));
        }
    }

    [Fact]
    public async Task The_indicator_csv_prints_the_suppressed_cells_and_a_bad_query_is_400()
    {
        await _af.OpenCase("AF", "AF Landskrona", "2026-02-02");
        var csv = await _lead.GetStringAsync("/api/v1/follow-up/indicators.csv?period=2026&by=Municipality");
        Assert.Contains("# active-cases;Deltagare i aktiva ärenden", csv);
        Assert.Contains("1282;<5;", csv);

        var bad = await _lead.GetAsync("/api/v1/follow-up/indicators.csv?period=26");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Object())["errors"]!.AsObject().ContainsKey("period"));
        var noKey = await _lead.GetAsync("/api/v1/follow-up/participants.csv?period=2026");
        Assert.True((await noKey.Object())["errors"]!.AsObject().ContainsKey("exportKey"));
    }

    [Fact]
    public async Task The_participant_file_is_pseudonymised_per_export_key_and_names_no_one()
    {
        var registered = await _af.PostJson("/api/v1/individuals", new { personnummer = Personnummer, name = Name });
        var individualId = (await registered.Object())["id"]!.GetValue<string>();
        var withConsent = await _af.OpenCase("AF", "AF Landskrona", "2026-02-02", individualId: Guid.Parse(individualId));
        await _af.Consent(withConsent, ["AF"], coversForbund: true);
        var without = await _af.OpenCase("AF", "AF Landskrona", "2026-02-03");
        foreach (var c in new[] { withConsent, without })
        {
            var insats = (await _af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = "2026-02-10", plannedOn = "2026-02-03" })).Id;
            await _af.Ok($"{c}/interventions/{insats}/start", new { startedOn = "2026-02-10" });
            await _af.Ok($"{c}/interventions/{insats}/participant-start", new
            {
                sex = "Female", homeMunicipality = "1282", education = "Primary", timeOnSupport = "OneToTwoYears",
                before = new { incomeSources = new[] { "IncomeSupport", "SicknessBenefit" }, occupation = "None", extentPercent = 0 }, recordedOn = "2026-02-10",
            });
        }

        await _af.PostJson("/api/v1/follow-up/anonymous-participants", new { interventionKind = "kartlaggning", startYear = 2026, sex = "Male" });

        var first = await _lead.GetStringAsync("/api/v1/follow-up/participants.csv?period=2026&exportKey=k1");
        var again = await _lead.GetStringAsync("/api/v1/follow-up/participants.csv?period=2026&exportKey=k1");
        var other = await _lead.GetStringAsync("/api/v1/follow-up/participants.csv?period=2026&exportKey=k2");
        var lines = first.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal(4, lines.Count);
        var named = lines.Single(l => l.Contains(";nej;", StringComparison.Ordinal)).Split(';');
        Assert.Equal(20, named[0].Length);
        Assert.Equal("IncomeSupport|SicknessBenefit", named[9]);
        Assert.Equal(2, lines.Count(l => l.StartsWith(";ja;", StringComparison.Ordinal)));
        Assert.Equal(first, again);
        Assert.DoesNotContain(named[0], other);
        foreach (var secret in new[] { "8112189876", "9876", Name, "Pia", individualId, CaseWalk.CaseId(withConsent).ToString(), CaseWalk.CaseId(without).ToString() })
        {
            Assert.DoesNotContain(secret, first, StringComparison.OrdinalIgnoreCase);
        }

        // The access log knows which cases went into the file.
        var shown = (Guid[])(await api.Scalar(
            "select shown_case_ids from finsam_audit.access_log where user_id = 'lead-export' and action = 'ExportParticipants' order by id limit 1"))!;
        Assert.Contains(CaseWalk.CaseId(withConsent), shown);
        Assert.Contains(CaseWalk.CaseId(without), shown);
    }
}
