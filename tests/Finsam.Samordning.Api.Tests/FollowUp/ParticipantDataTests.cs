using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;

namespace Finsam.Samordning.Api.Tests.FollowUp;

/// <summary>SUS participant data over HTTP: recorded by the insats' party, validated by field, and the anonymous path.</summary>
public sealed class ParticipantDataTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-followup");
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-followup");

    private static object StartBody(string recordedOn = "2026-02-10") => new
    {
        sex = "Female", homeMunicipality = "1282", education = "Primary", timeOnSupport = "OneToTwoYears",
        before = new { incomeSources = new[] { "IncomeSupport" }, occupation = "None", extentPercent = 0 }, recordedOn,
    };

    [Fact]
    public async Task The_insats_party_records_start_and_end_data_and_others_get_404()
    {
        var c = await _af.OpenCase("AF", "AF Landskrona", "2026-02-02");
        await _af.Invite(_soc, c, "SOC", "IFO Landskrona", "2026-02-02");
        var insats = (await _af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = "2026-02-10", plannedOn = "2026-02-02" })).Id;
        await _af.Ok($"{c}/interventions/{insats}/start", new { startedOn = "2026-02-10" });

        var bySoc = await _soc.PostJson($"{c}/interventions/{insats}/participant-start", StartBody());
        Assert.Equal(HttpStatusCode.NotFound, bySoc.StatusCode);
        await _af.Ok($"{c}/interventions/{insats}/participant-start", StartBody());
        var again = await _af.PostJson($"{c}/interventions/{insats}/participant-start", StartBody());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("followup.start-already-recorded", (await again.Object())["code"]!.GetValue<string>());

        await _af.Ok($"{c}/interventions/{insats}/complete", new { endReason = "MovedOnToWorkOrStudies", completedOn = "2026-02-27" });
        await _af.Ok($"{c}/interventions/{insats}/participant-end", new
        {
            end = "Completed", after = new { incomeSources = new[] { "Wages" }, occupation = "Work", extentPercent = 75 }, recordedOn = "2026-02-27",
        });

        var history = await (await _af.GetAsync($"{c}/history")).Content.ReadAsStringAsync();
        Assert.Contains("ParticipantStartRecorded", history);
        Assert.Contains("ParticipantEndRecorded", history);
    }

    [Fact]
    public async Task Bad_participant_data_is_400_naming_the_fields()
    {
        var c = await _af.OpenCase("AF", "AF Landskrona", "2026-02-02");
        var insats = (await _af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = "2026-02-10", plannedOn = "2026-02-02" })).Id;

        var bad = await _af.PostJson($"{c}/interventions/{insats}/participant-start", new
        {
            sex = "Female", homeMunicipality = "12", education = "Primary", timeOnSupport = "None",
            before = new { incomeSources = Array.Empty<string>(), occupation = "None", extentPercent = 140 }, recordedOn = "2026-02-10",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Object())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("homeMunicipality") && errors.ContainsKey("before.incomeSources") && errors.ContainsKey("before.extentPercent"),
            errors.ToJsonString());

        var interruptedWithoutReason = await _af.PostJson($"{c}/interventions/{insats}/participant-end", new
        {
            end = "Interrupted", after = new { incomeSources = new[] { "Wages" }, occupation = "Work", extentPercent = 10 }, recordedOn = "2026-02-10",
        });
        Assert.True((await interruptedWithoutReason.Object())["errors"]!.AsObject().ContainsKey("reason"));
    }

    [Fact]
    public async Task An_anonymous_participant_keeps_start_year_and_sex_and_names_no_case_or_person()
    {
        var counted = await _af.PostJson("/api/v1/follow-up/anonymous-participants", new { interventionKind = "kartlaggning", startYear = 2026, sex = "Male" });
        Assert.Equal(HttpStatusCode.Created, counted.StatusCode);
        Assert.Null(counted.Headers.Location);
        var body = await counted.Object();
        Assert.Equal(["id", "party", "interventionKind", "startYear", "sex"], body.Select(p => p.Key));
        var stored = (string)(await api.Scalar("select data::text from finsam.mt_doc_anonymousparticipant where id = @id",
            ("id", Guid.Parse(body["id"]!.GetValue<string>()))))!;
        Assert.DoesNotContain("case", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("individual", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("af-followup", stored, StringComparison.OrdinalIgnoreCase);

        var bad = await _af.PostJson("/api/v1/follow-up/anonymous-participants", new { interventionKind = "halsosamtal", startYear = 1999 });
        var errors = (await bad.Object())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("interventionKind") && errors.ContainsKey("startYear") && errors.ContainsKey("sex"), errors.ToJsonString());
    }
}
