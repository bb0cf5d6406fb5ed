using System.Net;
using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Features.Individuals;
using Finsam.Samordning.Api.Features.Review;
using Finsam.Samordning.Api.Infrastructure.Access;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Finsam.Samordning.Api.Tests.Secrecy;

/// <summary>
/// Free text in case events is sealed under the person's key (or, without a registered person, the
/// case's own): no table holds it readable, the writer reads it back, and after the person's
/// erasure it reads as erased everywhere while the entries, counts and dates stay.
/// </summary>
public sealed class ErasureReachesFreeTextTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-sealing");
    private readonly HttpClient _vc = api.ClientFor("handlaggare", "VC", "vc-sealing");
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-sealing");

    private static string Marker() => "Hemlis" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Free_text_is_stored_sealed_read_by_the_writer_and_erased_with_the_person()
    {
        var marker = Marker();
        var person = (await (await _soc.PostJson("/api/v1/individuals", new { personnummer = "19811218-9876", name = $"Ebba {marker}" }))
            .Read<IndividualRegistered>()).Id;
        var c = await _soc.OpenCase("SOC", "IFO Landskrona", individualId: person);
        string T(string what) => $"{what} {marker}";

        await _soc.Ok($"{c}/contacts", new { kind = "HomeVisit", occurredOn = "2026-02-03", note = T("Hembesök hos") });
        await _soc.Ok($"{c}/contacts", new { kind = "Phone", noShow = true, occurredOn = "2026-02-05" });
        await _soc.Ok($"{c}/plan/needs", new { area = "Halsa", description = T("Sover dåligt, säger"), identifiedOn = "2026-02-04" });
        var goal = (await _soc.Ok($"{c}/plan/goals", new { area = "Arbete", statedBy = "Individual", text = T("Vill bli snickare, säger"), setOn = "2026-02-04" })).Id;
        await _soc.Ok($"{c}/plan/actions", new { description = T("Ring"), individualResponsible = true, goalId = goal, dueOn = "2026-03-20", plannedOn = "2026-02-04" });
        var stod = (await _soc.Ok($"{c}/interventions", new { kind = "boendestod", plannedStart = "2026-02-06", plannedOn = "2026-02-04" })).Id;
        await _soc.Ok($"{c}/interventions/{stod}/start", new { startedOn = "2026-02-06" });
        await _soc.Ok($"{c}/interventions/{stod}/pause", new { reason = T("Inlagd på sjukhus:"), pausedOn = "2026-02-10" });
        await _soc.Ok($"{c}/interventions/{stod}/resume", new { resumedOn = "2026-02-17" });
        await _soc.Ok($"{c}/interventions/{stod}/complete", new { endReason = "GoalReached", note = T("Klarar boendet själv:"), completedOn = "2026-02-24" });
        // Left open: closing the case ends it with a note of the decider's own.
        await _soc.Ok($"{c}/interventions", new { kind = "boendestod", plannedStart = "2026-03-10", plannedOn = "2026-02-24" });
        await _soc.Ok($"{c}/assessments", new { conclusion = "NotAbleNow", note = T("Orkar inte än:"), validFrom = "2026-02-12" });
        var meeting = (await _soc.Ok($"{c}/sip-meetings", new { meetingOn = "2026-02-18", invitedParties = new[] { "SOC" }, scheduledOn = "2026-02-11" })).Id;
        await _soc.Ok($"{c}/sip-meetings/{meeting}/held", new
        {
            heldOn = "2026-02-18", participants = new[] { "SOC" }, individualTookPart = true, decisions = T("SOC håller ihop planen för"), nextFollowUpOn = "2026-04-01",
            othersPresent = new[] { new { kind = "Narstaende", name = T("Syster till"), role = "syster" } },
        });
        // Where a meeting is, who from the person's circle is invited, and why it moved or was called off: free text too.
        var moved = (await _soc.Ok($"{c}/sip-meetings", new
        {
            meetingOn = "2026-03-20", invitedParties = new[] { "SOC" }, scheduledOn = "2026-02-19", place = T("Hemma hos"),
            otherParticipants = new[] { new { kind = "Narstaende", name = T("Mamma till"), role = T("mor till") } },
        })).Id;
        await _soc.Ok($"{c}/sip-meetings/{moved}/reschedule", new { meetingOn = "2026-03-25", reason = T("Sjuk, säger"), rescheduledOn = "2026-02-19" });
        await _soc.Ok($"{c}/sip-meetings/{moved}/cancel", new { reason = T("Inlagd igen:"), cancelledOn = "2026-02-19" });
        var referral = (await _soc.Ok($"{c}/referrals", new { kind = "Remiss", to = "AF", reason = T("Kartläggning av"), sentOn = "2026-02-19" })).Id;
        await _af.Ok($"{c}/referrals/{referral}/decline", new { reasonCode = "NotOurs", reason = T("Fel enhet för"), declinedOn = "2026-02-20" });
        var invitation = (await _soc.Ok($"{c}/invitations", new { party = "VC", reason = T("Vården behövs för"), invitedOn = "2026-02-19" })).Id;
        await _vc.Ok($"{c}/invitations/{invitation}/decline", new { reason = T("Ingen kontakt med"), answeredOn = "2026-02-20" });
        await _soc.Invite(_vc, c, "VC", "Vårdcentralen Centrum", "2026-02-21");
        var consent = await _soc.Consent(c, ["SOC", "VC"], givenOn: "2026-02-21");
        await _vc.Ok($"{c}/consents/{consent}/decline", new { reason = T("Täcker inte journalen om") });
        await _vc.Ok($"{c}/parties/VC/leave", new { reason = T("Klar med"), leftOn = "2026-02-25" });
        var concern = (await _soc.Ok($"{c}/flags", new { reason = T("Orolig för") })).Id;
        await _soc.Ok($"{c}/flags/{concern}/acknowledge", new { note = T("Hembesök bokat hos"), acknowledgedOn = "2026-03-02" });
        await _soc.Ok($"{c}/close", new { outcome = "Arbete", note = T("Fick jobb,"), endOpenInterventionsAs = "MovedOnToWorkOrStudies", closedOn = "2026-02-26" });
        await _soc.Ok($"{c}/reopen", new { reason = T("Anställningen upphörde för"), reopenedOn = "2026-03-01" });

        // The writer reads every text back.
        var before = await Overview(c);
        Assert.Equal(T("Hembesök hos"), before.Contacts.Recent.Single(x => !x.NoShow).Note);
        Assert.Equal(T("Sover dåligt, säger"), before.Plan.Needs.Single().Description);
        Assert.Equal(T("Vill bli snickare, säger"), before.Plan.IndividualGoals.Single().Text);
        Assert.Equal(T("Ring"), before.Plan.Actions.Single().Action.Description);
        var done = before.Interventions.Single(i => i.Insats.Id == stod).Insats;
        Assert.Equal(T("Inlagd på sjukhus:"), done.Pauses.Single().Reason);
        Assert.Equal(T("Klarar boendet själv:"), done.Note);
        Assert.Equal("Avbruten när ärendet avslutades", before.Interventions.Single(i => i.Insats.Id != stod).Insats.Note);
        Assert.Equal(T("Orkar inte än:"), before.Assessments.Single().Note);
        Assert.Equal(T("SOC håller ihop planen för"), before.Sip.LastMeeting!.Decisions);
        Assert.Equal(T("Syster till"), before.Sip.LastMeeting.OthersPresent.Single().Name);
        var cancelled = before.Sip.Meetings.Single(m => m.Id == moved);
        Assert.Equal((T("Hemma hos"), T("Mamma till"), T("mor till"), T("Sjuk, säger"), T("Inlagd igen:")),
            (cancelled.Place, cancelled.OthersInvited.Single().Name, cancelled.OthersInvited.Single().Role, cancelled.Reschedules.Single().Reason, cancelled.EndReason));
        Assert.Equal(T("Kartläggning av"), before.Referrals.Single().Referral.Reason);
        Assert.Equal(T("Fel enhet för"), before.Referrals.Single().Referral.DeclineReason);
        Assert.Equal(T("Vården behövs för"), before.Invitations.First().Reason);
        Assert.Equal(T("Ingen kontakt med"), before.Invitations.First().DeclineReason);
        var flag = before.Flags.Single(f => f.Flag.IsManual).Flag;
        Assert.Equal(T("Orolig för"), flag.Reason);
        Assert.Equal(T("Hembesök bokat hos"), flag.AcknowledgeNote);
        var queued = (await Queue()).Items.Single(i => c.EndsWith(i.CaseId.ToString()) && i.Flag.IsManual).Flag;
        Assert.Equal((T("Orolig för"), T("Hembesök bokat hos")), (queued.Reason, queued.AcknowledgeNote));

        // Yet no table of the database holds the marker readable: events, read models, decider
        // snapshot, idempotency records, the access log, the key store.
        Assert.Empty(await TablesHolding(marker));
        Assert.StartsWith(SealedText.Prefix + person.ToString("N"), await StoredNote(c));

        var admin = api.ClientFor("administrator", null, "admin-sealing");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/individuals/{person}/erase", null)).StatusCode);

        // Entries, counts and dates stay; every text reads as erased, today and as of a past date.
        foreach (var after in new[] { await Overview(c), await Overview(c, "2026-02-25") })
        {
            Assert.Equal(2, after.Contacts.Total);
            Assert.Equal(1, after.Contacts.NoShowsLast30Days);
            var note = after.Contacts.Recent.Single(x => !x.NoShow);
            Assert.Equal((SealedText.Erased, new DateOnly(2026, 2, 3)), (note.Note, note.OccurredOn));
            Assert.Equal(SealedText.Erased, after.Plan.Needs.Single().Description);
            Assert.Equal(SealedText.Erased, after.Plan.IndividualGoals.Single().Text);
            Assert.Equal(SealedText.Erased, after.Plan.Actions.Single().Action.Description);
            var ended = after.Interventions.Single(i => i.Insats.Id == stod);
            Assert.Equal((SealedText.Erased, new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 17)),
                (ended.Insats.Pauses.Single().Reason, ended.Insats.Pauses.Single().From, ended.Insats.Pauses.Single().To));
            Assert.Equal((SealedText.Erased, new DateOnly(2026, 2, 24)), (ended.Insats.Note, ended.Insats.EndedOn));
            Assert.Equal(before.Interventions.Single(i => i.Insats.Id == stod).OngoingDays, ended.OngoingDays);
            Assert.Equal(SealedText.Erased, after.Assessments.Single().Note);
            Assert.Equal(SealedText.Erased, after.Sip.LastMeeting!.Decisions);
            Assert.Equal((SealedText.Erased, SealedText.Erased), (after.Referrals.Single().Referral.Reason, after.Referrals.Single().Referral.DeclineReason));
            Assert.Equal((SealedText.Erased, SealedText.Erased), (after.Invitations.First().Reason, after.Invitations.First().DeclineReason));
            Assert.DoesNotContain(marker, System.Text.Json.JsonSerializer.Serialize(after, Http.Json));
        }

        var erasedFlag = (await Overview(c)).Flags.Single(f => f.Flag.IsManual).Flag;
        Assert.Equal((SealedText.Erased, SealedText.Erased, new DateOnly(2026, 3, 2)), (erasedFlag.Reason, erasedFlag.AcknowledgeNote, erasedFlag.AcknowledgedOn));
        var erasedQueued = (await Queue()).Items.Single(i => c.EndsWith(i.CaseId.ToString()) && i.Flag.IsManual).Flag;
        Assert.Equal((SealedText.Erased, SealedText.Erased), (erasedQueued.Reason, erasedQueued.AcknowledgeNote));

        // Text written after the erasure is not kept either; the entry itself is.
        var later = Marker();
        await _soc.Ok($"{c}/contacts", new { kind = "Phone", occurredOn = "2026-03-02", note = $"Ringde {later}" });
        var last = await Overview(c);
        Assert.Equal(3, last.Contacts.Total);
        Assert.Equal(SealedText.Erased, last.Contacts.Recent.First().Note);
        Assert.Empty(await TablesHolding(later));
    }

    [Fact]
    public async Task A_case_with_no_registered_person_seals_under_a_key_of_its_own_and_old_plain_text_reads_as_is()
    {
        var marker = Marker();
        var c = await _af.OpenCase("AF", "AF Landskrona");
        var caseId = CaseWalk.CaseId(c);
        await _af.Ok($"{c}/contacts", new { kind = "Meeting", occurredOn = "2026-02-03", note = $"Träffade {marker}" });
        await _af.Ok($"{c}/flags", new { reason = $"Orolig för {marker}" });

        Assert.Equal($"Träffade {marker}", (await Overview(c, client: _af)).Contacts.Recent.Single().Note);
        Assert.Equal($"Orolig för {marker}", (await Queue(_af)).Items.Single(i => i.CaseId == caseId).Flag.Reason);
        Assert.Empty(await TablesHolding(marker));
        Assert.StartsWith(SealedText.Prefix + caseId.ToString("N"), await StoredNote(c));
        Assert.Equal(1L, await api.Scalar("select count(*) from finsam_keys.case_keys where case_id = @id", ("id", caseId)));

        // Text stored before sealing existed has no prefix and is shown as written.
        var store = api.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Events.Append(caseId, new ContactLogged(caseId, Guid.NewGuid(), PartyCode.AF, ContactKind.Phone, false, "Skrivet före förseglingen", new DateOnly(2026, 2, 4)));
            await session.SaveChangesAsync();
        }

        var overview = await Overview(c, client: _af);
        Assert.Equal(["Skrivet före förseglingen", $"Träffade {marker}"], overview.Contacts.Recent.Select(x => x.Note));
    }

    [Fact]
    public void Text_that_does_not_open_reads_as_erased_and_plain_text_as_written()
    {
        var owner = Guid.NewGuid();
        var key = PersonalDataProtector.NewDataKey();
        var sealedText = SealedText.Seal(key, owner, "Anteckning");
        Assert.Equal("Anteckning", SealedText.Open(sealedText, o => o == owner ? key : null));
        Assert.Equal(SealedText.Erased, SealedText.Open(sealedText, _ => null));
        Assert.Equal(SealedText.Erased, SealedText.Open(sealedText, _ => PersonalDataProtector.NewDataKey()));
        Assert.Equal(SealedText.Erased, SealedText.Open(SealedText.Prefix + Guid.NewGuid().ToString("N") + sealedText[(SealedText.Prefix.Length + 32)..], _ => key));
        foreach (var broken in new[] { SealedText.Prefix, SealedText.Prefix + "x", $"{SealedText.Prefix}{owner:N}:", $"{SealedText.Prefix}{owner:N}:!!", $"{SealedText.Prefix}{owner:N}:AAAA" })
        {
            Assert.Equal(SealedText.Erased, SealedText.Open(broken, _ => key));
        }

        Assert.Equal("Skrivet före förseglingen", SealedText.Open("Skrivet före förseglingen", _ => key));
        Assert.Null(SealedText.Open(null, _ => key));
    }

    private Task<CaseOverviewResponse> Overview(string caseUrl, string? asOf = null, HttpClient? client = null) =>
        (client ?? _soc).Overview(caseUrl, asOf);

    private async Task<ReviewPage> Queue(HttpClient? client = null)
    {
        var response = await (client ?? _soc).GetAsync("/api/v1/review/flags?pageSize=200");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Read<ReviewPage>();
    }

    /// <summary>The stored note of the case's first contact event, as it is in the event table.</summary>
    private async Task<string> StoredNote(string caseUrl) =>
        (string)(await api.Scalar("select data ->> 'note' from finsam.mt_events where stream_id = @id and type = 'contact_logged' order by seq_id limit 1",
            ("id", CaseWalk.CaseId(caseUrl))))!;

    /// <summary>Every column of every table in every schema that holds <paramref name="marker"/> readable.</summary>
    private async Task<IReadOnlyList<string>> TablesHolding(string marker)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand("""
            select c.table_schema, c.table_name, c.column_name, c.data_type
            from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
            where c.table_schema not in ('pg_catalog', 'information_schema')
              and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        Assert.Contains(columns, c => c is { Schema: "finsam", Table: "mt_events", Column: "data" });
        Assert.Contains(columns, c => c is { Schema: "finsam_keys", Table: "case_keys" });
        var holding = new List<string>();
        foreach (var (schema, table, column, type) in columns)
        {
            var condition = type == "bytea"
                ? $"position(convert_to(@marker, 'UTF8') in \"{column}\") > 0"
                : $"\"{column}\"::text like '%' || @marker || '%'";
            await using var count = new NpgsqlCommand($"select count(*) from \"{schema}\".\"{table}\" where {condition}", connection);
            count.Parameters.AddWithValue("marker", marker);
            if ((long)(await count.ExecuteScalarAsync())! > 0)
            {
                holding.Add($"{schema}.{table}.{column}");
            }
        }

        return holding;
    }
}
