using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Finsam.Samordning.Api.Tests.Infrastructure;

namespace Finsam.Samordning.Api.Tests.Cases;

/// <summary>
/// Every write endpoint in the OpenAPI document gets bad bodies (empty, wrong types, nonsense,
/// unknown ids); none may answer 500, and none may change the case.
/// </summary>
public sealed class NoBadInputIs500Tests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Bodies =
    [
        "{}",
        "[]",
        "\"text\"",
        "{\"occurredOn\":\"not-a-date\",\"kind\":12,\"parties\":\"AF\",\"to\":null}",
        "{\"plannedStart\":\"9999-12-31\",\"plannedOn\":\"0001-01-01\",\"kind\":\"kartlaggning\"}",
        "{\"reason\":\"" + new string('x', 5000) + "\",\"note\":\"" + new string('x', 5000) + "\",\"outcome\":\"Arbete\",\"closedOn\":\"2026-03-01\"}",
    ];

    [Fact]
    public async Task No_write_endpoint_answers_500_to_bad_input_and_nothing_is_written()
    {
        var soc = api.ClientFor("handlaggare", "SOC", "soc-fuzz");
        var caseUrl = await soc.OpenCase("SOC", "IFO", "2026-03-01");
        var caseId = CaseWalk.CaseId(caseUrl).ToString();
        var document = JsonNode.Parse(await soc.GetStringAsync("/swagger/v1/swagger.json"))!;
        var posts = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "post" or "put").Select(o => (Method: o.Key, Path: p.Key)))
            .Where(p => p.Path.Contains("{id}"))
            .ToList();
        Assert.True(posts.Count >= 20, $"expected the case writes in the document, found {posts.Count}");

        var failures = new List<string>();
        foreach (var (method, path) in posts)
        {
            var url = path.Replace("{id}", caseId).Replace("{party}", "AF");
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[a-zA-Z]+\\}", Guid.NewGuid().ToString());
            foreach (var body in Bodies)
            {
                var content = new StringContent(body, Encoding.UTF8, "application/json");
                var response = method == "put" ? await soc.PutAsync(url, content) : await soc.PostAsync(url, content);
                if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.OK)
                {
                    failures.Add($"{path} {body[..Math.Min(body.Length, 40)]} -> {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
        var history = await (await soc.GetAsync($"{caseUrl}/history")).Array();
        Assert.Equal(2, history.Count);
    }
}
