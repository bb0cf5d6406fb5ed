using System.Net;
using Finsam.Samordning.Api.Features.Audit;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Features.Individuals;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Npgsql;

namespace Finsam.Samordning.Api.Tests.Secrecy;

/// <summary>
/// FK's handläggare reads AF's insatser on a case only while the person's consent covers FK; sees
/// markers otherwise; the granskare lists every read; an erased person is unreadable while the
/// case still counts.
/// </summary>
public sealed class ConsentGatedReadTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-reader");
    private readonly HttpClient _fk = api.ClientFor("handlaggare", "FK", "fk-reader");
    private readonly HttpClient _lead = api.ClientFor("samverkansledare", null, "sl-reader");

    // AF opens a mental-ill-health case, starts an insats and logs a contact; FK joins and logs one of its own.
    private async Task<string> CaseWithAfInsatsAndFk()
    {
        var c = await _af.OpenCase("AF", "AF Landskrona", targetGroups: ["MentalIllHealth"]);
        var plan = await _af.Ok($"{c}/interventions", new { kind = "arbetstraning", plannedStart = "2026-02-10", plannedOn = "2026-02-03" });
        await _af.Ok($"{c}/interventions/{plan.Id}/start", new { startedOn = "2026-02-10" });
        await _af.Ok($"{c}/contacts", new { kind = "Meeting", occurredOn = "2026-02-10", note = "Pratade om sömnen" });
        await _af.Invite(_fk, c, "FK", "FK Helsingborg", "2026-02-12");
        await _fk.Ok($"{c}/contacts", new { kind = "Phone", occurredOn = "2026-02-13" });
        return c;
    }

    [Fact]
    public async Task Another_partys_entries_are_markers_until_consent_covers_the_reader_and_again_after_revocation()
    {
        var c = await CaseWithAfInsatsAndFk();

        var without = await (await _fk.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Empty(without.Interventions);
        Assert.Single(without.Contacts.Recent); // FK's own contact
        Assert.Contains(without.Withheld!, w => w.Category == "interventions" && w.Count == 1);
        Assert.Contains(without.Withheld!, w => w.Category == "contacts" && w.Count == 1);
        Assert.Contains("Another party has entries you may not see", without.Withheld![0].Message);
        var ownView = await (await _af.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Single(ownView.Interventions);

        var consent = await _af.Consent(c, ["AF", "FK"], validUntil: "2027-02-01");
        var with = await (await _fk.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Equal(PartyCode.AF, Assert.Single(with.Interventions).Insats.Party);
        Assert.Equal(2, with.Contacts.Recent.Count);
        Assert.Empty(with.Withheld!);
        var asOf = await (await _fk.GetAsync($"{c}/overview?asOf=2026-02-11")).Read<CaseOverviewResponse>();
        Assert.Single(asOf.Interventions); // consent as it stands today opens the past view too

        await _af.Ok($"{c}/consents/{consent}/revoke", new { effectiveOn = "2026-03-02" });
        var revoked = await (await _fk.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Empty(revoked.Interventions);
        Assert.NotEmpty(revoked.Withheld!);
        var history = await (await _fk.GetAsync($"{c}/history")).Read<List<CaseHistoryEntry>>();
        Assert.Contains(history, h => h.Type == "Withheld");
        Assert.All(history.Where(h => h.Type == "Withheld"), h => Assert.True(h.RecordedAt is null && h.CorrelationId is null && h.RecordedBy.UserId is null));
        Assert.DoesNotContain(history, h => h.Type == "InterventionStarted");
        Assert.Contains(history, h => h.Type == "PartyJoined" && h.RecordedBy.Party == "FK");
    }

    [Fact]
    public async Task Contacts_the_case_file_no_longer_keeps_are_still_counted_as_withheld_and_counted_once_consent_opens_them()
    {
        var c = await CaseWithAfInsatsAndFk();
        // AF's daily contacts, more than the ten the case file keeps of each party; the first and the
        // last a no-show, the first three with a note (as the one of 10 February).
        for (var day = 14; day <= 27; day++)
        {
            await _af.Ok($"{c}/contacts", new { kind = "Meeting", occurredOn = $"2026-02-{day}", noShow = day is 14 or 27, note = day <= 16 ? "Samtal om sömnen" : null });
        }

        var without = await (await _fk.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Equal(PartyCode.FK, Assert.Single(without.Contacts.Recent).Party);
        Assert.Equal((1, 0, new DateOnly(2026, 2, 13)), (without.Contacts.Total, without.Contacts.NoShowsLast30Days, without.Contacts.LastContactOn));
        Assert.Contains(without.Withheld!, w => w.Category == "contacts" && w.Count == 15);

        // A consent for contacts but not notes: every contact counted, the four notes withheld, though
        // none of the contacts that carry them is among those the case file keeps.
        var contactsOnly = await _af.Consent(c, ["AF", "FK"], validUntil: "2027-02-01", categories: ["Contacts"]);
        var noNotes = await (await _fk.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Equal(16, noNotes.Contacts.Total);
        Assert.Contains(noNotes.Withheld!, w => w.Category == "notes" && w.Count == 4);
        Assert.DoesNotContain(noNotes.Withheld!, w => w.Category == "contacts");
        await _af.Ok($"{c}/consents/{contactsOnly}/revoke", new { effectiveOn = "2026-03-02" });

        await _af.Consent(c, ["AF", "FK"], validUntil: "2027-02-01");
        var with = await (await _fk.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Empty(with.Withheld!);
        Assert.Equal(10, with.Contacts.Recent.Count);
        Assert.Equal(new DateOnly(2026, 2, 27), with.Contacts.Recent[0].OccurredOn);
        // The no-show of 14 February is no longer in the case file's list, and still counted.
        Assert.Equal((16, 2, new DateOnly(2026, 2, 27)), (with.Contacts.Total, with.Contacts.NoShowsLast30Days, with.Contacts.LastContactOn));
        Assert.DoesNotContain(with.Withheld!, w => w.Category == "contacts");
    }

    [Fact]
    public async Task The_samverkansledare_sees_entries_only_where_consent_covers_the_forbund()
    {
        var c = await CaseWithAfInsatsAndFk();

        var none = await (await _lead.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Empty(none.Interventions);
        Assert.Empty(none.TargetGroups);
        Assert.Contains(none.Withheld!, w => w.Category == "targetGroups");

        await _af.Consent(c, ["AF"], coversForbund: true);
        var covered = await (await _lead.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Single(covered.Interventions);
        Assert.Equal([TargetGroup.MentalIllHealth], covered.TargetGroups);
        Assert.Equal(HttpStatusCode.Forbidden, (await _lead.PostJson($"{c}/contacts", new { kind = "Phone", occurredOn = "2026-02-20" })).StatusCode);
    }

    [Fact]
    public async Task The_granskare_lists_every_read_of_a_case_allowed_or_refused()
    {
        var c = await CaseWithAfInsatsAndFk();
        var caseId = CaseWalk.CaseId(c);
        await _fk.GetAsync($"{c}/overview");
        await _af.GetAsync($"{c}/history");
        var admin = api.ClientFor("administrator", null, "admin-nosy");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{c}/overview")).StatusCode);
        var granskare = api.ClientFor("granskare", null, "granskare-1");

        var log = await (await granskare.GetAsync($"/api/v1/audit/access-log?caseId={caseId}")).Read<AccessLogPage>();

        Assert.Contains(log.Items, e => e.UserId == "fk-reader" && e.Action == "GetCaseOverview" && e.Allowed && e.Party == "FK");
        Assert.Contains(log.Items, e => e.UserId == "af-reader" && e.Action == "GetCaseHistory" && e.Allowed);
        Assert.Contains(log.Items, e => e.UserId == "admin-nosy" && !e.Allowed && e.Status == 403);
        Assert.Contains(log.Items, e => e.UserId == "af-reader" && e.Action == "StartIntervention" && e.Role == "handlaggare");
        Assert.Equal(HttpStatusCode.Forbidden, (await _af.GetAsync($"/api/v1/audit/access-log?caseId={caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await granskare.GetAsync($"{c}/overview")).StatusCode);
    }

    [Fact]
    public async Task The_access_log_is_append_only_even_for_its_owner()
    {
        var missing = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await _af.GetAsync($"/api/v1/cases/{missing}")).StatusCode);
        // The read's row is stored before its answer: the changes below meet that row, not an empty table
        // (on which a row trigger would have nothing to refuse).
        var read = ("case", (object)missing);
        const string ItsRow = "from finsam_audit.access_log where case_id = @case and user_id = 'af-reader' and status = 404";
        Assert.Equal(1L, await api.Scalar($"select count(*) {ItsRow}", read));
        var rows = await api.Scalar("select count(*) from finsam_audit.access_log");

        foreach (var sql in new[] { "update finsam_audit.access_log set status = 200 where case_id = @case", "delete from finsam_audit.access_log where case_id = @case" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => api.Scalar(sql, read));
            Assert.Contains("append-only", refused.MessageText);
        }

        var truncate = await Assert.ThrowsAsync<PostgresException>(() => api.Scalar("truncate finsam_audit.access_log"));
        Assert.Contains("append-only", truncate.MessageText);

        Assert.Equal(1L, await api.Scalar($"select count(*) {ItsRow}", read));
        Assert.Equal(rows, await api.Scalar("select count(*) from finsam_audit.access_log"));
    }

    [Fact]
    public async Task An_individual_is_stored_encrypted_found_once_and_unreadable_after_erasure_while_the_case_still_counts()
    {
        var registered = await _af.PostJson("/api/v1/individuals", new { personnummer = "19811218-9876", name = "Kim Testsson", phone = "070-1234567" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.Read<IndividualRegistered>()).Id;
        Assert.DoesNotContain("Kim", await registered.Content.ReadAsStringAsync());
        var again = await _af.PostJson("/api/v1/individuals", new { personnummer = "811218-9876", name = "K. Testsson" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(id.ToString(), (await again.Object())["existingId"]!.GetValue<string>());
        // FK does not know the person: it gets an enrolment of its own, as for a first registration.
        var fkEnrolment = await _fk.PostJson("/api/v1/individuals", new { personnummer = "811218-9876", name = "K. Testsson" });
        Assert.Equal(HttpStatusCode.Created, fkEnrolment.StatusCode);
        Assert.NotEqual(id, (await fkEnrolment.Read<IndividualRegistered>()).Id);
        var wrong = await _af.PostJson("/api/v1/individuals", new { personnummer = "19811218-9875", name = "X" });
        Assert.Contains("check digit", (await wrong.Object())["errors"]!["personnummer"]![0]!.GetValue<string>());

        // Nothing readable at rest.
        var stored = (string)(await api.Scalar("select data::text from finsam.mt_doc_individual"))!;
        Assert.DoesNotContain("Testsson", stored);
        Assert.DoesNotContain("811218", stored);

        var c = await _af.OpenCase("AF", "AF", individualId: id);
        Assert.Equal("Kim Testsson", (await (await _af.GetAsync($"/api/v1/individuals/{id}")).Read<IndividualView>()).Name);

        Assert.Equal(HttpStatusCode.Forbidden, (await _af.PostAsync($"/api/v1/individuals/{id}/erase", null)).StatusCode);
        var admin = api.ClientFor("administrator", null, "admin-eraser");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/individuals/{id}/erase", null)).StatusCode);

        var erased = await (await _af.GetAsync($"/api/v1/individuals/{id}")).Read<IndividualView>();
        Assert.True(erased.Erased);
        Assert.Null(erased.Name);
        Assert.Null(erased.Personnummer);
        var details = await (await _af.GetAsync(c)).Read<CaseDetails>();
        Assert.Equal(id, details.IndividualId);
        var list = await (await _af.GetAsync("/api/v1/cases?municipality=1282&pageSize=200")).Read<CasePage>();
        Assert.Contains(list.Items, i => c.EndsWith(i.Id.ToString()));
        // The person can be registered anew: the old look-up hash went with the key.
        Assert.Equal(HttpStatusCode.Created, (await _af.PostJson("/api/v1/individuals", new { personnummer = "19811218-9876", name = "Kim Testsson" })).StatusCode);
    }

    [Fact]
    public async Task Without_consent_no_figure_flag_reason_or_personal_data_gives_another_partys_entries_away()
    {
        var c = await CaseWithAfInsatsAndFk();
        await _af.Ok($"{c}/contacts", new { kind = "Meeting", noShow = true, occurredOn = "2026-02-20" });
        await _af.Ok($"{c}/flags", new { reason = "Har återfallit i missbruk" });
        var individual = await (await _af.PostJson("/api/v1/individuals", new { personnummer = "19701063-2391", name = "Sam Ordning" })).Read<Features.Individuals.IndividualRegistered>();

        var fkView = await (await _fk.GetAsync($"{c}/overview")).Read<CaseOverviewResponse>();
        Assert.Equal(1, fkView.Contacts.Total); // its own contact only
        Assert.Equal(0, fkView.Contacts.NoShowsLast30Days);
        Assert.Equal(0, fkView.Parallelism.ParallelDays);
        Assert.Empty(fkView.Parallelism.PartiesWithOngoingInsats);
        var flag = Assert.Single(fkView.Flags);
        Assert.DoesNotContain("missbruk", flag.Flag.Reason);
        var queue = await (await _fk.GetAsync("/api/v1/review/flags")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("missbruk", queue);
        Assert.Contains("missbruk", await (await _af.GetAsync("/api/v1/review/flags")).Content.ReadAsStringAsync());

        // Personal data is for the party that registered the person and the parties on their cases.
        Assert.Equal(HttpStatusCode.OK, (await _af.GetAsync($"/api/v1/individuals/{individual.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _fk.GetAsync($"/api/v1/individuals/{individual.Id}")).StatusCode);
        await _af.OpenCase("AF", "AF", individualId: individual.Id);
        Assert.Equal(HttpStatusCode.OK, (await _af.GetAsync($"/api/v1/individuals/{individual.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _fk.GetAsync($"/api/v1/individuals/{individual.Id}")).StatusCode);

        // The access log records what was answered, refusals included.
        var missing = Guid.NewGuid();
        await _fk.GetAsync($"/api/v1/cases/{missing}/overview");
        var log = await (await api.ClientFor("granskare", null, "granskare-2").GetAsync($"/api/v1/audit/access-log?caseId={missing}"))
            .Read<Features.Audit.AccessLogPage>();
        Assert.Equal(404, Assert.Single(log.Items).Status);
    }
}
