using System.Net;
using Finsam.Samordning.Api.Features.Audit;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Features.Individuals;
using Finsam.Samordning.Api.Features.Review;
using Finsam.Samordning.Api.Infrastructure.Access;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Finsam.Samordning.Api.Tests.Secrecy;

/// <summary>
/// Nothing is answered unlogged: when the access log cannot be written, reads and refusals answer
/// 503 without their body; every authenticated /api/v1 request is logged, admin and audit included,
/// with the cases a list showed and the individual a registration matched. No sleeps: a row is
/// stored before its response.
/// </summary>
public sealed class AccessLogTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-logged");
    private readonly HttpClient _granskare = api.ClientFor("granskare", null, "granskare-logged");

    private async Task<AccessLogPage> Log(string query) =>
        await (await _granskare.GetAsync($"/api/v1/audit/access-log?{query}&pageSize=500")).Read<AccessLogPage>();

    private async Task<long> Scalar(string sql) => Convert.ToInt64(await api.Scalar(sql));

    [Fact]
    public async Task When_the_log_cannot_be_written_nothing_is_answered_and_after_it_recovers_every_refusal_is_one_row()
    {
        var c = await _af.OpenCase("AF", "Enheten Unik Landskrona", targetGroups: ["MentalIllHealth"]);
        var admin = api.ClientFor("administrator", null, "admin-refused");
        var fk = api.ClientFor("handlaggare", "FK", "fk-refused");

        // A real failure of the insert: the table is not there (the app connects as a superuser here, so privileges would not bind).
        await Scalar("alter table finsam_audit.access_log rename to access_log_away; select 0");
        try
        {
            var read = await _af.GetAsync($"{c}/overview");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
            Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), read.Headers.RetryAfter?.Delta);
            Assert.Null(read.Headers.ETag);
            var body = await read.Content.ReadAsStringAsync();
            Assert.Equal(503, (await read.Object())["status"]!.GetValue<int>());
            foreach (var caseData in new[] { "Enheten Unik", "MentalIllHealth", "1282", "interventions", "parallelism" })
            {
                Assert.DoesNotContain(caseData, body);
            }

            var refusedByPolicy = await admin.PostJson($"{c}/contacts", new { kind = "Phone", occurredOn = "2026-02-20" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedByPolicy.StatusCode);
            Assert.NotNull(refusedByPolicy.Headers.RetryAfter);
            var refusedByRule = await fk.PostJson($"{c}/contacts", new { kind = "Phone", occurredOn = "2026-02-20" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedByRule.StatusCode);
            // An allowed write fails with its transaction: not recorded, not answered.
            var write = await _af.PostJson($"{c}/contacts", new { kind = "Phone", occurredOn = "2026-02-20" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
        }
        finally
        {
            await Scalar("alter table finsam_audit.access_log_away rename to access_log; select 0");
        }

        var details = await (await _af.GetAsync(c)).Read<CaseDetails>();
        Assert.Equal(2, details.Version); // the write during the outage left nothing behind

        const int n = 12;
        var refused = await Task.WhenAll(Enumerable.Range(0, n).Select(_ => admin.PostJson($"{c}/contacts", new { kind = "Phone", occurredOn = "2026-02-20" })));
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(n, await Scalar("select count(*) from finsam_audit.access_log where user_id = 'admin-refused'"));
        Assert.Equal(n, await Scalar("select count(*) from finsam_audit.access_log where user_id = 'admin-refused' and not allowed and status = 403 and action = 'LogContact'"));
        Assert.Equal(0, await Scalar("select count(*) from finsam_audit.access_log where user_id = 'fk-refused'"));
    }

    [Fact]
    public async Task Admin_and_audit_requests_are_logged_refused_or_allowed()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _af.GetAsync("/api/v1/admin/stall-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor("administrator", null, "admin-reads").GetAsync("/api/v1/admin/stall-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _af.GetAsync("/api/v1/audit/access-log")).StatusCode);

        var first = await Log("user=af-logged");
        Assert.Contains(first.Items, e => e.Action == "GetStallRules" && !e.Allowed && e.Status == 403 && e.Party == "AF");
        Assert.Contains(first.Items, e => e.Action == "ListAccessLog" && !e.Allowed && e.Status == 403);
        Assert.Contains((await Log("user=admin-reads")).Items, e => e.Action == "GetStallRules" && e.Allowed && e.Status == 200 && e.Role == "administrator");

        // The granskare's own reads of the log are in it.
        var own = await Log("user=granskare-logged");
        Assert.True(own.Items.Count(e => e.Action == "ListAccessLog" && e.Allowed && e.Status == 200 && e.Role == "granskare") >= 2);
        // The static catalogue is not.
        await _af.GetAsync("/api/v1/catalogue/interventions");
        Assert.DoesNotContain((await Log("user=af-logged")).Items, e => e.Action == "ListInterventionKinds");
    }

    [Fact]
    public async Task Lists_log_the_cases_they_showed_and_a_registration_the_individual_it_matched()
    {
        var lister = api.ClientFor("handlaggare", "AF", "af-lister");
        var one = CaseWalk.CaseId(await _af.OpenCase("AF", "AF Landskrona"));
        var two = CaseWalk.CaseId(await _af.OpenCase("AF", "AF Landskrona"));
        await _af.Ok($"/api/v1/cases/{two}/flags", new { reason = "Oro" });

        var page = await (await lister.GetAsync("/api/v1/cases?pageSize=200")).Read<CasePage>();
        var queue = await (await lister.GetAsync("/api/v1/review/flags")).Read<ReviewPage>();

        var log = await Log("user=af-lister");
        var listed = Assert.Single(log.Items, e => e.Action == "ListCases");
        Assert.Equal(page.Items.Select(i => i.Id).Order(), listed.ShownCaseIds!.Order());
        Assert.Contains(one, listed.ShownCaseIds!);
        Assert.Contains(two, listed.ShownCaseIds!);
        var reviewed = Assert.Single(log.Items, e => e.Action == "ListFlags");
        Assert.Equal(queue.Items.Select(i => i.CaseId).Distinct().Order(), reviewed.ShownCaseIds!.Order());
        Assert.Contains(two, reviewed.ShownCaseIds!);
        // "Who saw case one" finds the list that showed it.
        Assert.Contains((await Log($"caseId={one}")).Items, e => e.UserId == "af-lister" && e.Action == "ListCases");

        var registered = await (await _af.PostJson("/api/v1/individuals", new { personnummer = "19811218-9876", name = "Kim Testsson" })).Read<IndividualRegistered>();
        var fk = api.ClientFor("handlaggare", "FK", "fk-registers");
        // FK has no relation to the person: it gets an enrolment of its own, and only the log knows whom it matched.
        Assert.Equal(HttpStatusCode.Created, (await fk.PostJson("/api/v1/individuals", new { personnummer = "811218-9876", name = "K. Testsson" })).StatusCode);
        var matched = Assert.Single((await Log("user=fk-registers")).Items);
        Assert.Equal(("RegisterIndividual", registered.Id), (matched.Action, matched.MatchedIndividualId));
        Assert.Contains((await Log($"individualId={registered.Id}")).Items, e => e.UserId == "fk-registers");
    }

    [Fact]
    public async Task A_commands_row_in_its_own_transaction_carries_what_the_handler_set()
    {
        using var scope = api.Services.CreateScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessContext>();
        var shown = new[] { Guid.NewGuid(), Guid.NewGuid() };
        access.ShownCaseIds = shown;
        access.MatchedIndividualId = shown[0];

        var registered = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>()
            .Send(new RegisterIndividual(new RegisterIndividualRequest("19701063-2391", "Sam Ordning", null, null, null),
                new Domain.Cases.Actor("af-direct", "AF direkt", Domain.Cases.PartyCode.AF), null));

        Assert.True(access.LoggedInTransaction);
        Assert.Equal(1, await Scalar($"select count(*) from finsam_audit.access_log where individual_id = '{registered.Id}' and action = 'RegisterIndividual' " +
            $"and shown_case_ids = array['{shown[0]}', '{shown[1]}']::uuid[] and matched_individual_id = '{shown[0]}'"));
    }

    [Fact]
    public async Task An_existing_log_without_the_new_columns_is_upgraded_by_migrate()
    {
        await Scalar("alter table finsam_audit.access_log drop column shown_case_ids, drop column matched_individual_id; select 0");

        await api.MigrateAsync();

        Assert.Equal(2, await Scalar("select count(*) from information_schema.columns where table_schema = 'finsam_audit' and table_name = 'access_log' " +
            "and column_name in ('shown_case_ids', 'matched_individual_id')"));
        Assert.Equal(HttpStatusCode.OK, (await _af.GetAsync("/api/v1/cases")).StatusCode);
    }
}
