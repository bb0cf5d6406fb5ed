using System.Text.Json;
using System.Text.Json.Nodes;
using Finsam.Samordning.Api.Tests.Infrastructure;

namespace Finsam.Samordning.Api.Tests.Host;

/// <summary>
/// The committed api-specs/openapi.v1.json is what the code generates. To refresh it after an API
/// change: <c>UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests</c>.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_committed_openapi_document_matches_the_generated_one()
    {
        var generated = Normalize(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        var path = Path.Combine(RepositoryRoot(), "api-specs", "openapi.v1.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing. Generate it with UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests");
        var committed = Normalize(await File.ReadAllTextAsync(path));
        Assert.True(committed == generated,
            "api-specs/openapi.v1.json differs from what the code generates. Refresh it: UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests");
    }

    [Fact]
    public async Task Every_api_operation_has_a_summary_and_declares_the_bearer_scheme()
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
            }
        }
    }

    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            // Keep å, ä, ö and '+' readable in the committed file.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).ReplaceLineEndings("\n") + "\n";

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Finsam.Samordning.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Finsam.Samordning.sln not found above the test output folder.");
    }
}
