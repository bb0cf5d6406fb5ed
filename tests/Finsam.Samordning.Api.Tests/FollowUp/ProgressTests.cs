using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.FollowUp;

namespace Finsam.Samordning.Api.Tests.FollowUp;

/// <summary>The progress questionnaire over HTTP: its wording in one place, answers recorded, progress and due state in the overview, behind consent.</summary>
public sealed class ProgressTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-progress");
    private readonly HttpClient _vc = api.ClientFor("handlaggare", "VC", "vc-progress");

    [Fact]
    public async Task Answers_show_as_progress_in_the_overview_to_those_who_may_see_them()
    {
        api.Clock.SetSwedish(new DateOnly(2026, 3, 2), new TimeOnly(10, 0));
        var questionnaire = await (await _af.GetAsync("/api/v1/catalogue/progress-questionnaire")).Object();
        Assert.Equal(ProgressQuestionnaire.Version, questionnaire["version"]!.GetValue<string>());
        Assert.Equal(20, questionnaire["questions"]!.AsArray().Count);

        var c = await _af.OpenCase("AF", "AF Landskrona", "2026-01-05");
        await _af.Invite(_vc, c, "VC", "VC Centrum", "2026-01-05");
        await _af.Ok($"{c}/progress-questionnaires", new { respondent = "Person", scores = Enumerable.Repeat(2, 9), answeredOn = "2026-01-05" });
        var bad = await _af.PostJson($"{c}/progress-questionnaires", new { respondent = "Caseworker", scores = new[] { 1, 7 }, answeredOn = "2026-01-05" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Object())["errors"]!.AsObject().ContainsKey("scores"));

        var overview = await _af.Overview(c);
        var person = overview.Progress!.Respondents.Single(r => r.Respondent == Respondent.Person);
        Assert.Equal((new DateOnly(2026, 4, 5), DueState.NotDue), (person.NextDueOn!.Value, person.State));
        Assert.Single(person.Answers);
        Assert.Equal(DueState.Overdue, overview.Progress.Respondents.Single(r => r.Respondent == Respondent.Caseworker).State);

        // VC is on the case but no consent opens AF's assessments to it: the answers are withheld.
        var asVc = await _vc.Overview(c);
        Assert.Empty(asVc.Progress!.Respondents.SelectMany(r => r.Answers));
        Assert.Contains(asVc.Withheld!, w => w.Category == "progress");
    }
}
