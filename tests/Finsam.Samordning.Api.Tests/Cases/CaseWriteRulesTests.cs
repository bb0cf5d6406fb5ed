using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Features.CaseWrites;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.Samordning.Api.Tests.Cases;

/// <summary>Concurrency, retries, domain refusals and validation on case writes, as a handläggare meets them.</summary>
public sealed class CaseWriteRulesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-1");
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-1");

    private Task<string> NewCase() => _soc.OpenCase("SOC", "Ekonomiskt bistånd", "2026-02-20", ["LongTermIncomeSupport"]);

    private async Task<string> CurrentETag(string caseUrl) => (await _soc.GetAsync(caseUrl)).Headers.ETag!.Tag;

    private static object Contact(string on = "2026-03-01", bool noShow = false) => new { kind = "Phone", noShow, occurredOn = on };

    [Fact]
    public async Task A_write_with_the_current_etag_succeeds_and_a_stale_one_is_412()
    {
        var c = await NewCase();
        var etag = await CurrentETag(c);

        var first = await _soc.PostJson($"{c}/contacts", Contact(), ifMatch: etag);
        var stale = await _soc.PostJson($"{c}/contacts", Contact(), ifMatch: etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"3\"", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("version 3", (await stale.Object())["detail"]!.GetValue<string>());
        var details = await (await _soc.GetAsync(c)).Read<CaseDetails>();
        Assert.Equal(3, details.Version);
    }

    [Fact]
    public async Task If_match_on_an_unknown_case_is_404_and_a_malformed_if_match_is_400()
    {
        var c = await NewCase();

        var unknown = await _soc.PostJson($"/api/v1/cases/{Guid.NewGuid()}/contacts", Contact(), ifMatch: "\"1\"");
        var malformed = await _soc.PostJson($"{c}/contacts", Contact(), ifMatch: "version-one");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Object())["errors"]!.AsObject().ContainsKey("If-Match"));
    }

    [Fact]
    public async Task Concurrent_writes_with_the_same_etag_let_exactly_one_through()
    {
        var c = await NewCase();
        var etag = await CurrentETag(c);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _soc.PostJson($"{c}/contacts", Contact(), ifMatch: etag)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        Assert.Equal(3, (await (await _soc.GetAsync(c)).Read<CaseDetails>()).Version);
    }

    [Fact]
    public async Task A_write_whose_version_matched_when_read_fails_at_commit_if_another_got_in_between()
    {
        // What the write path relies on with If-Match: the stream read without a lock is checked
        // again at commit, so the loser of a race between read and commit gets a 412.
        var c = await NewCase();
        var id = Guid.Parse(c.Split('/')[^1]);
        var store = api.Services.GetRequiredService<IDocumentStore>();
        // An identity-map session, as the request's (FinsamSessionFactory).
        await using var loser = store.IdentitySession();
        var stream = await loser.Events.FetchForWriting<CaseFile>(id);
        Assert.Equal(2, stream.StartingVersion);

        var winner = await _soc.PostJson($"{c}/contacts", Contact(), ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.OK, winner.StatusCode);

        stream.AppendOne(new ContactLogged(id, Guid.NewGuid(), PartyCode.SOC, ContactKind.Phone, false, null, new DateOnly(2026, 3, 1)));
        // Both are answered 412 to a request that sent If-Match (ProblemExceptionHandler).
        var refused = await Record.ExceptionAsync(() => loser.SaveChangesAsync());
        Assert.True(refused is JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException, refused?.GetType().FullName);
        Assert.Equal(3, (await (await _soc.GetAsync(c)).Read<CaseDetails>()).Version);
    }

    [Fact]
    public async Task Writes_without_if_match_append_and_a_retry_with_the_same_key_appends_nothing()
    {
        var c = await NewCase();

        var first = await _soc.PostJson($"{c}/contacts", Contact(), idempotencyKey: "contact-1");
        var retry = await _soc.PostJson($"{c}/contacts", Contact(), idempotencyKey: "contact-1");
        var other = await _soc.PostJson($"{c}/contacts", Contact(noShow: true), idempotencyKey: "contact-1");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((await first.Read<CaseCommandResult>()).Id, (await retry.Read<CaseCommandResult>()).Id);
        Assert.Equal((HttpStatusCode)422, other.StatusCode);
        var overview = await (await _soc.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Equal(1, overview.Contacts.Total);
    }

    [Fact]
    public async Task A_party_with_no_relation_is_answered_as_if_the_case_did_not_exist_and_a_referred_one_is_told_to_join_first()
    {
        var c = await NewCase();

        var unrelated = await _af.PostJson($"{c}/contacts", Contact());
        var unknown = await _af.PostJson($"/api/v1/cases/{Guid.NewGuid()}/contacts", Contact());

        Assert.Equal(HttpStatusCode.NotFound, unrelated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (hidden, missing) = (await unrelated.Object(), await unknown.Object());
        Assert.Equal(missing.Select(p => p.Key).Order(), hidden.Select(p => p.Key).Order());
        Assert.Equal($"No case with id {c.Split('/')[^1]}.", hidden["detail"]!.GetValue<string>());

        await _soc.Ok($"{c}/referrals", new { kind = "Remiss", to = "AF", reason = "Kartläggning", sentOn = "2026-02-26" });
        var referred = await _af.PostJson($"{c}/contacts", Contact());
        Assert.Equal(HttpStatusCode.Conflict, referred.StatusCode);
        var problem = await referred.Object();
        Assert.Equal("party.not-on-case", problem["code"]!.GetValue<string>());
        Assert.Contains("AF is not on this case", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_illegal_transition_is_409_naming_the_current_state_and_an_unknown_insats_is_404()
    {
        var c = await NewCase();
        var plan = await _soc.Ok($"{c}/interventions", new { kind = "boendestod", plannedStart = "2026-03-01", plannedOn = "2026-02-25" });

        var resume = await _soc.PostJson($"{c}/interventions/{plan.Id}/resume", new { resumedOn = "2026-03-01" });
        var unknown = await _soc.PostJson($"{c}/interventions/{Guid.NewGuid()}/start", new { startedOn = "2026-03-01" });

        Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);
        Assert.Contains("is planned", (await resume.Object())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Sub_resource_bodies_are_validated_field_by_field()
    {
        var c = await NewCase();

        var future = await _soc.PostJson($"{c}/contacts", new { kind = "Telepathy", occurredOn = "2026-03-09" });
        var other = await _soc.PostJson($"{c}/interventions", new { kind = "other", plannedStart = "2026-03-01", plannedOn = "2026-03-01" });
        var referral = await _soc.PostJson($"{c}/referrals", new { kind = "Remiss", to = "VC", reason = " ", respondBy = "2026-02-01", sentOn = "2026-03-01" });
        var action = await _soc.PostJson($"{c}/plan/actions", new { description = "x", responsibleParty = "SOC", individualResponsible = true, dueOn = "2026-04-01", plannedOn = "2026-03-01" });

        Assert.Equal(["kind"], (await future.Object())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, (await _soc.PostJson($"{c}/contacts", new { kind = "Phone", occurredOn = "2026-03-09" })).StatusCode);
        Assert.Equal(["label"], (await other.Object())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(["reason", "respondBy"], (await referral.Object())["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal(["responsibleParty"], (await action.Object())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_numeric_or_unknown_party_in_the_route_is_refused_not_taken_for_a_party()
    {
        var c = await NewCase();

        var numeric = await _soc.PostJson($"{c}/parties/4/leave", new { reason = "x", leftOn = "2026-03-01" });
        var unknown = await _soc.PostJson($"{c}/parties/XX/leave", new { reason = "x", leftOn = "2026-03-01" });

        Assert.Equal(HttpStatusCode.NotFound, numeric.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(CaseStatus.Open, (await (await _soc.GetAsync(c)).Read<CaseDetails>()).Status);
    }

    [Fact]
    public async Task Closing_refuses_while_insatser_run_unless_told_how_to_end_them_and_a_closed_case_can_be_reopened()
    {
        var c = await NewCase();
        var plan = await _soc.Ok($"{c}/interventions", new { kind = "boendestod", plannedStart = "2026-02-25", plannedOn = "2026-02-21" });
        await _soc.Ok($"{c}/interventions/{plan.Id}/start", new { startedOn = "2026-02-25" });

        var refused = await _soc.PostJson($"{c}/close", new { outcome = "Arbete", closedOn = "2026-03-01" });
        var closed = await _soc.PostJson($"{c}/close", new { outcome = "Arbete", endOpenInterventionsAs = "MovedOnToWorkOrStudies", closedOn = "2026-03-01" });
        var contactAfterClose = await _soc.PostJson($"{c}/contacts", Contact());
        var reopened = await _soc.PostJson($"{c}/reopen", new { reason = "Anställningen upphörde", reopenedOn = "2026-03-02" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("boendestöd (ongoing)", (await refused.Object())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("case.closed", (await contactAfterClose.Object())["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var details = await (await _soc.GetAsync(c)).Read<CaseDetails>();
        Assert.Equal(CaseStatus.Open, details.Status);
    }

    [Fact]
    public async Task The_case_list_filters_by_party_status_target_group_and_municipality_and_pages()
    {
        var first = await NewCase();
        var second = await NewCase();
        await _soc.Invite(_af, second, "AF", "AF Landskrona", "2026-03-01");
        var kaa = api.ClientFor("handlaggare", "KAA", "kaa-1");
        await kaa.OpenCase("KAA", "KAA Svalöv", "2026-02-01", ["KaaYouth"], municipality: "1214");

        var withAf = await (await _soc.GetAsync("/api/v1/cases?party=AF")).Read<CasePage>();
        var svalov = await (await kaa.GetAsync("/api/v1/cases?municipality=1214&targetGroup=KaaYouth&status=Open")).Read<CasePage>();
        var socSeesOnlyItsOwn = await (await _soc.GetAsync("/api/v1/cases?municipality=1214")).Read<CasePage>();
        var paged = await (await _soc.GetAsync("/api/v1/cases?pageSize=1&page=2")).Read<CasePage>();
        var badPage = await _soc.GetAsync("/api/v1/cases?pageSize=1000");

        Assert.Contains(withAf.Items, i => second.EndsWith(i.Id.ToString()));
        Assert.DoesNotContain(withAf.Items, i => first.EndsWith(i.Id.ToString()));
        Assert.All(svalov.Items, i => Assert.Equal("1214", i.MunicipalityCode));
        Assert.NotEmpty(svalov.Items);
        Assert.Empty(socSeesOnlyItsOwn.Items);
        Assert.Single(paged.Items);
        Assert.True(paged.Total >= 2);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        var all = await (await _soc.GetAsync("/api/v1/cases?pageSize=200")).Read<CasePage>();
        // Most recently active first; a date that would come from another party's withheld entries is not shown.
        var shown = all.Items.Where(i => i.LastActivityOn is not null).Select(i => i.LastActivityOn).ToList();
        Assert.Equal(shown.OrderByDescending(d => d), shown);
        Assert.Null(all.Items.Single(i => second.EndsWith(i.Id.ToString())).LastActivityOn);
    }
}
