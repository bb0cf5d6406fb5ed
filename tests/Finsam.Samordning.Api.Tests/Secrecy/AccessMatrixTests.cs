using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Infrastructure.Cases;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Finsam.Samordning.Api.Tests.Secrecy;

/// <summary>
/// Every endpoint of the OpenAPI document × every kind of caller × consent state: who gets past
/// authorization, and what case reads show. An endpoint missing from <see cref="Rules"/> fails the test.
/// </summary>
public sealed class AccessMatrixTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private enum Access { CaseWrite, CaseRead, Review, Admin, Audit, IndividualWrite, Erase, Anyone }

    private static readonly Dictionary<string, Access> Rules = new()
    {
        ["OpenCase"] = Access.CaseWrite, ["ListCases"] = Access.CaseRead, ["GetCase"] = Access.CaseRead, ["GetCaseHistory"] = Access.CaseRead,
        ["GetCaseOverview"] = Access.CaseRead, ["CloseCase"] = Access.CaseWrite, ["ReopenCase"] = Access.CaseWrite,
        ["JoinCase"] = Access.CaseWrite, ["AssignCaseworker"] = Access.CaseWrite, ["LeaveCase"] = Access.CaseWrite,
        ["RecordConsent"] = Access.CaseWrite, ["RevokeConsent"] = Access.CaseWrite,
        ["PlanIntervention"] = Access.CaseWrite, ["StartIntervention"] = Access.CaseWrite, ["PauseIntervention"] = Access.CaseWrite,
        ["ResumeIntervention"] = Access.CaseWrite, ["CompleteIntervention"] = Access.CaseWrite, ["CancelIntervention"] = Access.CaseWrite,
        ["SendReferral"] = Access.CaseWrite, ["AcceptReferral"] = Access.CaseWrite, ["DeclineReferral"] = Access.CaseWrite,
        ["IdentifyNeed"] = Access.CaseWrite, ["AssignPlanLead"] = Access.CaseWrite, ["SetGoal"] = Access.CaseWrite,
        ["PlanAction"] = Access.CaseWrite, ["CompleteAction"] = Access.CaseWrite,
        ["ScheduleSipMeeting"] = Access.CaseWrite, ["RecordSipMeetingHeld"] = Access.CaseWrite,
        ["LogContact"] = Access.CaseWrite, ["AssessWorkCapacity"] = Access.CaseWrite, ["RecordBenefitDecision"] = Access.CaseWrite,
        ["RaiseConcern"] = Access.Review, ["AcknowledgeFlag"] = Access.Review, ["ClearConcern"] = Access.Review, ["ListFlags"] = Access.Review,
        ["GetStallRules"] = Access.Admin, ["UpdateStallRules"] = Access.Admin, ["RunStallScan"] = Access.Admin,
        ["ListAccessLog"] = Access.Audit,
        ["RegisterIndividual"] = Access.IndividualWrite, ["GetIndividual"] = Access.IndividualWrite, ["EraseIndividual"] = Access.Erase,
        ["ListInterventionKinds"] = Access.Anyone,
    };

    // Caller kinds: role, party, and the consent state of that party on the test case.
    private static readonly (string Name, string Role, string? Party)[] Callers =
    [
        ("own party", "handlaggare", "AF"),
        ("other party, consent", "handlaggare", "FK"),
        ("other party, no consent", "handlaggare", "VC"),
        ("other party, consent revoked", "handlaggare", "PSY"),
        ("handläggare without party", "handlaggare", null),
        ("samverkansledare, no förbund consent", "samverkansledare", null),
        ("administrator", "administrator", null),
        ("granskare", "granskare", null),
        ("unknown role", "vaktmastare", "AF"),
    ];

    private static bool Allowed(Access access, string role, string? party) => access switch
    {
        Access.CaseWrite or Access.IndividualWrite => role == "handlaggare" && party is not null,
        Access.CaseRead or Access.Review => role is "handlaggare" or "samverkansledare",
        Access.Admin or Access.Erase => role == "administrator",
        Access.Audit => role == "granskare",
        _ => true,
    };

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_matrix_says()
    {
        var af = api.ClientFor("handlaggare", "AF", "af-matrix");
        var opened = await af.PostJson("/api/v1/cases", new
        {
            municipalityCode = "1282", targetGroups = new[] { "Uvas" }, openingParty = "AF", openingUnit = "AF", openedOn = "2026-02-02",
        });
        var caseUrl = opened.Headers.Location!.OriginalString;
        var caseId = caseUrl.Split('/')[^1];
        var plan = await (await af.PostJson($"{caseUrl}/interventions", new { kind = "kartlaggning", plannedStart = "2026-02-03", plannedOn = "2026-02-02" })).Read<CaseCommandResult>();
        await af.PostJson($"{caseUrl}/consents", new { parties = new[] { "AF", "FK" }, coversForbund = false, form = "Written", validFrom = "2026-02-02" });
        var psy = await (await af.PostJson($"{caseUrl}/consents", new { parties = new[] { "PSY" }, coversForbund = false, form = "Written", validFrom = "2026-02-02" }))
            .Read<CaseCommandResult>();
        await af.PostJson($"{caseUrl}/consents/{psy.Id}/revoke", new { effectiveOn = "2026-02-20" });

        var document = JsonNode.Parse(await af.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Id: o.Value!["operationId"]!.GetValue<string>())))
            .Where(o => o.Path.StartsWith("/api/v1", StringComparison.Ordinal))
            .ToList();
        var missing = operations.Select(o => o.Id).Where(id => !Rules.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, "No access rule for: " + string.Join(", ", missing) + ". Add them to AccessMatrixTests.Rules.");

        var failures = new List<string>();
        var cells = 0;
        foreach (var (name, role, party) in Callers)
        {
            var client = api.ClientFor(role, party, $"matrix-{role}-{party ?? "none"}");
            foreach (var (path, method, id) in operations)
            {
                var url = path.Replace("{id}", caseId).Replace("{party}", "AF").Replace("{interventionId}", plan.Id.ToString());
                url = Regex.Replace(url, "\\{[a-zA-Z]+\\}", Guid.NewGuid().ToString());
                var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                if (method is "post" or "put")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                cells++;
                var expectAllowed = Allowed(Rules[id], role, party);
                if (status >= 500 || status == 401 || (expectAllowed ? status == 403 : status != 403))
                {
                    failures.Add($"{id} as {name}: {status}, expected {(expectAllowed ? "allowed" : "403")}");
                }

                if (id == "GetCaseOverview" && expectAllowed && response.IsSuccessStatusCode)
                {
                    var overview = await response.Read<CaseOverviewResponse>();
                    var sees = overview.Interventions.Count == 1;
                    var shouldSee = party is "AF" or "FK" && role == "handlaggare";
                    if (sees != shouldSee || (!sees && !overview.Withheld!.Any(w => w.Category == "interventions")))
                    {
                        failures.Add($"overview as {name}: sees AF's insats {sees}, expected {shouldSee} (with a marker when withheld)");
                    }
                }
            }
        }

        output.WriteLine($"Access matrix: {operations.Count} endpoints × {Callers.Length} callers (roles × consent states) = {cells} cells");
        Assert.Empty(failures);
    }
}
