using System.Net;
using System.Text;
using Finsam.Samordning.Api.Tests.Infrastructure;

namespace Finsam.Samordning.Api.Tests.Cases;

/// <summary>Bad input gets a 400 that names the offending fields, and nothing is written.</summary>
public sealed class OpenCaseValidationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>A body the API accepts from SOC; each test spoils the fields it is about.</summary>
    private static readonly OpeningBody Valid = CaseWalk.Opening("SOC", "IFO", "2026-03-02");

    [Fact]
    public async Task Every_invalid_field_is_named()
    {
        var soc = api.ClientFor("handlaggare", "SOC");

        var response = await soc.PostJson("/api/v1/cases", Valid with
        {
            MunicipalityCode = "12A",
            TargetGroups = [],
            OpeningParty = null,
            OpeningUnit = new string('x', 201),
            OpenedOn = "2026-03-03", // the test clock's tomorrow
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Object())["errors"]!.AsObject();
        Assert.Equal(
            ["municipalityCode", "openedOn", "openingParty", "openingUnit", "targetGroups"],
            errors.Select(e => e.Key).Order());
    }

    [Fact]
    public async Task An_unknown_target_group_names_the_field()
    {
        var soc = api.ClientFor("handlaggare", "SOC");

        var response = await soc.PostJson("/api/v1/cases", Valid with { TargetGroups = ["Uvas", "Pensioners"] });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Object())["errors"]!.AsObject().ContainsKey("targetGroups[1]"));
    }

    [Fact]
    public async Task Malformed_json_is_400_problem_details()
    {
        var soc = api.ClientFor("handlaggare", "SOC");

        var response = await soc.PostAsync("/api/v1/cases",
            new StringContent("{\"municipalityCode\": \"1282\",", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var soc = api.ClientFor("handlaggare", "SOC");

        var response = await soc.PostAsync("/api/v1/cases", new StringContent("municipality=1282", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_empty_body_is_400_not_500()
    {
        var soc = api.ClientFor("handlaggare", "SOC");

        var response = await soc.PostAsync("/api/v1/cases", new StringContent("null", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
