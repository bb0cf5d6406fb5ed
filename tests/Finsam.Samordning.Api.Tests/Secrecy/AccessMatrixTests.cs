using Finsam.Samordning.Domain.Cases;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Features.CaseWrites;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Finsam.Samordning.Api.Tests.Secrecy;

/// <summary>
/// Every endpoint of the OpenAPI document × every kind of caller × relation to the case: who gets
/// past authorization, that a party with no relation is answered exactly as for an unknown id, and
/// what the overview shows. An endpoint missing from <see cref="Rules"/> fails the test.
/// </summary>
public sealed class AccessMatrixTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private enum Access { CaseWrite, CaseRead, Review, Admin, Audit, IndividualWrite, Erase, Anyone, FollowUp, Subscribe }

    private static readonly Dictionary<string, Access> Rules = new()
    {
        ["OpenCase"] = Access.CaseWrite, ["ListCases"] = Access.CaseRead, ["GetCase"] = Access.CaseRead, ["GetCaseHistory"] = Access.CaseRead,
        ["GetCaseOverview"] = Access.CaseRead, ["GetSipPlan"] = Access.CaseRead, ["GetMinPlan"] = Access.CaseRead, ["CloseCase"] = Access.CaseWrite, ["ReopenCase"] = Access.CaseWrite, ["ChangeTargetGroups"] = Access.CaseWrite,
        ["InviteParty"] = Access.CaseWrite, ["AcceptInvitation"] = Access.CaseWrite, ["DeclineInvitation"] = Access.CaseWrite,
        ["AssignCaseworker"] = Access.CaseWrite, ["LeaveCase"] = Access.CaseWrite,
        ["RecordConsent"] = Access.CaseWrite, ["AmendConsent"] = Access.CaseWrite, ["ConfirmConsent"] = Access.CaseWrite,
        ["DeclineConsent"] = Access.CaseWrite, ["RevokeConsent"] = Access.CaseWrite,
        ["PlanIntervention"] = Access.CaseWrite, ["StartIntervention"] = Access.CaseWrite, ["PauseIntervention"] = Access.CaseWrite,
        ["ResumeIntervention"] = Access.CaseWrite, ["CompleteIntervention"] = Access.CaseWrite, ["CancelIntervention"] = Access.CaseWrite,
        ["SendReferral"] = Access.CaseWrite, ["AcceptReferral"] = Access.CaseWrite, ["DeclineReferral"] = Access.CaseWrite,
        ["IdentifyNeed"] = Access.CaseWrite, ["AssignPlanLead"] = Access.CaseWrite, ["SetGoal"] = Access.CaseWrite,
        ["PlanAction"] = Access.CaseWrite, ["CompleteAction"] = Access.CaseWrite,
        ["ScheduleSipMeeting"] = Access.CaseWrite, ["RecordSipMeetingHeld"] = Access.CaseWrite,
        ["AcceptSipInvitation"] = Access.CaseWrite, ["DeclineSipInvitation"] = Access.CaseWrite, ["RescheduleSipMeeting"] = Access.CaseWrite,
        ["CancelSipMeeting"] = Access.CaseWrite, ["RecordSipMeetingNotHeld"] = Access.CaseWrite,
        ["ResolveNeed"] = Access.CaseWrite, ["ReviseGoal"] = Access.CaseWrite, ["AchieveGoal"] = Access.CaseWrite, ["AbandonGoal"] = Access.CaseWrite,
        ["RescheduleAction"] = Access.CaseWrite, ["ReassignAction"] = Access.CaseWrite, ["DropAction"] = Access.CaseWrite,
        ["WithdrawReferral"] = Access.CaseWrite, ["RemindReferral"] = Access.CaseWrite, ["ChangeReferralRespondBy"] = Access.CaseWrite,
        ["LogContact"] = Access.CaseWrite, ["AssessWorkCapacity"] = Access.CaseWrite, ["RecordBenefitDecision"] = Access.CaseWrite,
        ["RaiseConcern"] = Access.Review, ["AcknowledgeFlag"] = Access.Review, ["ClearConcern"] = Access.Review, ["ListFlags"] = Access.Review,
        ["GetStallRules"] = Access.Admin, ["UpdateStallRules"] = Access.Admin, ["RunStallScan"] = Access.Admin,
        ["ListAccessLog"] = Access.Audit,
        ["RegisterIndividual"] = Access.IndividualWrite, ["GetIndividual"] = Access.IndividualWrite, ["EraseIndividual"] = Access.Erase,
        ["ListInterventionKinds"] = Access.Anyone,
        // Follow-up (issue 15).
        ["RecordParticipantStart"] = Access.CaseWrite, ["RecordParticipantEnd"] = Access.CaseWrite, ["CountAnonymousParticipant"] = Access.CaseWrite,
        ["GetIndicators"] = Access.FollowUp, ["ExportIndicatorsCsv"] = Access.FollowUp, ["ExportIndicatorsXlsx"] = Access.FollowUp,
        ["ExportParticipants"] = Access.FollowUp,
        ["AnswerProgressQuestionnaire"] = Access.CaseWrite, ["GetProgressQuestionnaire"] = Access.Anyone,
        // Issue 14
        ["RecordEligibilityEnd"] = Access.CaseWrite, ["ReleaseCaseworker"] = Access.CaseWrite, ["ScheduleInterventionEnd"] = Access.CaseWrite,
        ["ReadInbox"] = Access.Review, ["MarkNoticeRead"] = Access.Review,
        ["NameExternalActor"] = Access.CaseWrite, ["ReferToExternalActor"] = Access.CaseWrite, ["RecordExternalAnswer"] = Access.CaseWrite,
        ["SetInterventionProvider"] = Access.CaseWrite,
        ["RegisterWebhook"] = Access.Subscribe, ["ListWebhooks"] = Access.Subscribe, ["UpdateWebhook"] = Access.Subscribe, ["DeleteWebhook"] = Access.Subscribe,
        ["RotateWebhookSecret"] = Access.Subscribe,
        ["ListWebhookDeliveries"] = Access.Admin, ["ReplayWebhookDelivery"] = Access.Admin,
        ["RecordAwareness"] = Access.CaseWrite, ["LogContactAttempt"] = Access.CaseWrite, ["ConvertAwareness"] = Access.CaseWrite,
        ["ListAwareness"] = Access.CaseWrite, ["GetAwareness"] = Access.CaseWrite,
    };

    private enum Relation { Own, Covered, NamedUnconfirmed, Uncovered, Referred, Invited, Left, Unrelated, Forbund, None }

    // Caller kinds: role, party and how that party stands to the case it calls (AF's case; the
    // unrelated caller calls a second case it has nothing to do with).
    private static readonly (string Name, string Role, string? Party, Relation Relation)[] Callers =
    [
        ("own party", "handlaggare", "AF", Relation.Own),
        ("on the case, covered by AF's confirmed consent", "handlaggare", "FK", Relation.Covered),
        ("on the case, named in a consent AF has not confirmed", "handlaggare", "SOC", Relation.NamedUnconfirmed),
        ("on the case, no consent names it", "handlaggare", "VC", Relation.Uncovered),
        ("referred, not answered", "handlaggare", "PSY", Relation.Referred),
        ("invited, not answered", "handlaggare", "KAA", Relation.Invited),
        ("left the case", "handlaggare", "AME", Relation.Left),
        ("no relation to the case", "handlaggare", "FK", Relation.Unrelated),
        ("handläggare without party", "handlaggare", null, Relation.None),
        ("samverkansledare, no förbund consent", "samverkansledare", null, Relation.Forbund),
        ("samverkansledare with a party claim", "samverkansledare", "AF", Relation.Forbund),
        ("administrator", "administrator", null, Relation.None),
        ("granskare", "granskare", null, Relation.None),
        ("unknown role", "vaktmastare", "AF", Relation.None),
    ];

    private static bool Allowed(Access access, string role, string? party) => access switch
    {
        Access.CaseWrite or Access.IndividualWrite => role == "handlaggare" && party is not null,
        Access.CaseRead or Access.Review => role is "handlaggare" or "samverkansledare",
        // A webhook serves an inbox: a party's, or the förbund's.
        Access.Subscribe => role == "samverkansledare" || (role == "handlaggare" && party is not null),
        Access.Admin or Access.Erase => role == "administrator",
        Access.Audit => role == "granskare",
        Access.FollowUp => role is "samverkansledare" or "administrator",
        _ => true,
    };

    [Fact]
    public async Task Every_endpoint_answers_every_caller_and_relation_as_the_matrix_says()
    {
        var af = api.ClientFor("handlaggare", "AF", "af-matrix");
        HttpClient Party(string party) => api.ClientFor("handlaggare", party, $"matrix-handlaggare-{party}");
        var caseUrl = await af.OpenCase("AF", "AF Landskrona", "2026-02-02");
        var caseId = caseUrl.Split('/')[^1];
        var plan = await af.Ok($"{caseUrl}/interventions", new { kind = "kartlaggning", plannedStart = "2026-02-03", plannedOn = "2026-02-02" });
        foreach (var (party, unit) in new[] { ("FK", "FK Malmö"), ("SOC", "IFO Landskrona"), ("VC", "VC Centrum"), ("AME", "AME Landskrona") })
        {
            await af.Invite(Party(party), caseUrl, party, unit, "2026-02-03");
        }

        await af.Consent(caseUrl, ["AF", "FK"]);
        await Party("SOC").Consent(caseUrl, ["AF", "SOC"]);
        await af.Ok($"{caseUrl}/referrals", new { kind = "Remiss", to = "PSY", reason = "Utredning", sentOn = "2026-02-04" });
        await af.Ok($"{caseUrl}/invitations", new { party = "KAA", reason = "Ung under 20", invitedOn = "2026-02-04" });
        await Party("AME").Ok($"{caseUrl}/parties/AME/leave", new { reason = "Klar", leftOn = "2026-02-05" });
        var otherCase = (await af.OpenCase("AF", "AF Landskrona", "2026-02-02")).Split('/')[^1];

        var document = JsonNode.Parse(await af.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Id: o.Value!["operationId"]!.GetValue<string>())))
            .Where(o => o.Path.StartsWith("/api/v1", StringComparison.Ordinal))
            .ToList();
        var missing = operations.Select(o => o.Id).Where(id => !Rules.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, "No access rule for: " + string.Join(", ", missing) + ". Add them to AccessMatrixTests.Rules.");

        var failures = new List<string>();
        var cells = 0;
        foreach (var (name, role, party, relation) in Callers)
        {
            var client = relation == Relation.Unrelated ? Party(party!) : api.ClientFor(role, party, $"matrix-{role}-{party ?? "none"}");
            var target = relation == Relation.Unrelated ? otherCase : caseId;
            foreach (var (path, method, id) in operations)
            {
                var template = path.Replace("{party}", party ?? "AF").Replace("{interventionId}", plan.Id.ToString());
                template = Regex.Replace(template, "\\{(?!id\\})[a-zA-Z]+\\}", Guid.NewGuid().ToString());
                var response = await Send(client, method, template.Replace("{id}", target));
                var status = (int)response.StatusCode;
                cells++;
                var expectAllowed = Allowed(Rules[id], role, party);
                if (status >= 500 || status == 401 || (expectAllowed ? status == 403 : status != 403))
                {
                    failures.Add($"{id} as {name}: {status}, expected {(expectAllowed ? "allowed" : "403")}");
                    continue;
                }

                if (!expectAllowed || !path.StartsWith("/api/v1/cases/{id}", StringComparison.Ordinal))
                {
                    continue;
                }

                // A party with no relation learns nothing: the answer is the one an unknown id gets.
                var unknown = Guid.NewGuid().ToString();
                var asUnknown = await Send(client, method, template.Replace("{id}", unknown));
                var same = await Shape(response, target) == await Shape(asUnknown, unknown);
                var hidden = relation == Relation.Unrelated || (role == "handlaggare" && party is null);
                if (hidden && !same)
                {
                    failures.Add($"{id} as {name}: {status}, differs from the answer for an unknown id ({(int)asUnknown.StatusCode})");
                }

                if (method == "get" && !hidden && status != 200)
                {
                    failures.Add($"{id} as {name}: {status}, expected 200 for a related caller");
                }

                if (id == "GetCaseOverview" && status == 200)
                {
                    var overview = await response.Read<CaseOverviewResponse>();
                    var sees = overview.Interventions.Count == 1;
                    var shouldSee = relation is Relation.Own or Relation.Covered;
                    if (sees != shouldSee || (!sees && !overview.Withheld!.Any(w => w.Category == "interventions")))
                    {
                        failures.Add($"overview as {name}: sees AF's insats {sees}, expected {shouldSee} (with a marker when withheld)");
                    }
                }
            }

            if (role == "handlaggare" && party is not null)
            {
                var listed = await (await client.GetAsync("/api/v1/cases?pageSize=200")).Content.ReadAsStringAsync();
                if (listed.Contains(target) != (relation != Relation.Unrelated))
                {
                    failures.Add($"case list as {name}: lists the case {listed.Contains(target)}, expected {relation != Relation.Unrelated}");
                }
            }
        }

        output.WriteLine($"Access matrix: {operations.Count} endpoints × {Callers.Length} callers (roles × relation states) = {cells} cells");
        Assert.Empty(failures);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        if (method is "post" or "put")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    // Status and body with the case id, trace id and other per-request values taken out.
    private static async Task<string> Shape(HttpResponseMessage response, string caseId)
    {
        var body = (await response.Content.ReadAsStringAsync()).Replace(caseId, "{id}");
        body = Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"\"");
        return $"{(int)response.StatusCode} {body}";
    }
}
