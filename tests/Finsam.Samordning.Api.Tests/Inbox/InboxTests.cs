using System.Net;
using Finsam.Samordning.Api.Features.Inbox;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Inbox;

namespace Finsam.Samordning.Api.Tests.Inbox;

/// <summary>
/// Issue 14's inbox: notices of other parties' changes, written in the change's transaction, filtered by
/// the secrecy rules when written and again when read, marked read per caseworker, paged.
/// </summary>
public sealed class InboxTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-inbox");
    private readonly HttpClient _vc = api.ClientFor("handlaggare", "VC", "vc-inbox");
    private readonly HttpClient _vc2 = api.ClientFor("handlaggare", "VC", "vc-inbox-colleague");
    private readonly HttpClient _psy = api.ClientFor("handlaggare", "PSY", "psy-inbox");
    private readonly HttpClient _fk = api.ClientFor("handlaggare", "FK", "fk-inbox");
    private readonly HttpClient _lead = api.ClientFor("samverkansledare", null, "sl-inbox");
    private readonly HttpClient _admin = api.ClientFor("administrator", null, "admin-inbox");

    private static async Task<InboxPage> Inbox(HttpClient reader, string query = "")
    {
        var response = await reader.GetAsync("/api/v1/inbox" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Read<InboxPage>();
    }

    private static async Task<List<NoticeView>> On(HttpClient reader, Guid caseId) =>
        [.. (await Inbox(reader, "?pageSize=200")).Items.Where(n => n.CaseId == caseId)];

    [Fact]
    public async Task Other_parties_hear_of_changes_they_may_see_and_lose_them_when_consent_is_revoked()
    {
        api.Clock.SetSwedish(new DateOnly(2026, 3, 2), new TimeOnly(10, 0));
        var c = await _af.OpenCase("AF", "AF Landskrona", "2026-03-02");
        var caseId = CaseWalk.CaseId(c);
        await _af.Invite(_vc, c, "VC", "VC Centrum", "2026-03-02");
        var first = await _af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = "2026-03-02", plannedOn = "2026-03-02" });
        await _af.Ok($"{c}/interventions/{first.Id}/start", new { startedOn = "2026-03-02" });

        // No consent yet: AF's pause is AF's secret, so VC is not told of it.
        await _af.Ok($"{c}/interventions/{first.Id}/pause", new { reason = "Sommaruppehåll", pausedOn = "2026-03-02" });
        var before = await On(_vc, caseId);
        Assert.Equal([NoticeKind.InvitationToYou], before.Select(n => n.Kind)); // the invitation was VC's own business

        // With AF's consent naming VC, AF's cancel reaches VC's inbox, in the cancel's own transaction.
        var consent = await _af.Consent(c, ["AF", "VC"], givenOn: "2026-03-02");
        var second = await _af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = "2026-03-03", plannedOn = "2026-03-02" });
        await _af.Ok($"{c}/interventions/{second.Id}/cancel", new { reason = "NoLongerNeeded", cancelledOn = "2026-03-02" });
        var cancelled = Assert.Single(await On(_vc, caseId), n => n.Kind == NoticeKind.InterventionCancelled);
        Assert.Equal((second.Id, PartyCode.AF, new DateOnly(2026, 3, 2)), (cancelled.EntryId, cancelled.By, cancelled.On));
        Assert.True(cancelled.Mine); // VC's caseworker on the case
        Assert.False(cancelled.Read);
        // The acting party is not told of its own change; an unrelated party hears nothing.
        Assert.Empty(await On(_af, caseId));
        Assert.Empty(await On(_fk, caseId));

        // A refused command writes no notice: all or nothing.
        var again = await _af.PostJson($"{c}/interventions/{second.Id}/cancel", new { reason = "NoLongerNeeded", cancelledOn = "2026-03-02" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await On(_vc, caseId), n => n.Kind == NoticeKind.InterventionCancelled);

        // Read per caseworker: VC's colleague still has it unread.
        var marked = await _vc.PostJson($"/api/v1/inbox/{cancelled.Id}/read", new { });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.DoesNotContain((await Inbox(_vc, "?unread=true&pageSize=200")).Items, n => n.Id == cancelled.Id);
        Assert.Single((await Inbox(_vc2, "?unread=true&pageSize=200")).Items, n => n.Id == cancelled.Id);
        Assert.DoesNotContain((await Inbox(_vc2, "?mine=true&pageSize=200")).Items, n => n.Id == cancelled.Id);
        // Another inbox's notice does not exist for the caller.
        Assert.Equal(HttpStatusCode.NotFound, (await _fk.PostJson($"/api/v1/inbox/{cancelled.Id}/read", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _vc.PostJson($"/api/v1/inbox/{Guid.NewGuid()}/read", new { })).StatusCode);

        // The secrecy rules are asked again at read: once AF's consent is revoked the notice is gone.
        await _af.Ok($"{c}/consents/{consent}/revoke", new { effectiveOn = "2026-03-02" });
        Assert.Equal([NoticeKind.InvitationToYou], (await On(_vc, caseId)).Select(n => n.Kind));
    }

    [Fact]
    public async Task A_referral_reaches_the_party_it_is_sent_to_and_a_left_party_and_a_flag_reach_the_others()
    {
        api.Clock.SetSwedish(new DateOnly(2026, 3, 2), new TimeOnly(10, 0));
        var c = await _af.OpenCase("AF", "AF Landskrona", "2026-03-02");
        var caseId = CaseWalk.CaseId(c);
        await _af.Invite(_vc, c, "VC", "VC Centrum", "2026-03-02");
        var referral = await _af.Ok($"{c}/referrals", new { kind = "Remiss", to = "PSY", reason = "Utredning", sentOn = "2026-03-02" });

        var toPsy = Assert.Single(await On(_psy, caseId));
        Assert.Equal((NoticeKind.ReferralToYou, referral.Id), (toPsy.Kind, toPsy.EntryId));

        await _vc.Ok($"{c}/parties/VC/leave", new { reason = "Klar", leftOn = "2026-03-02" });
        Assert.Single(await On(_af, caseId), n => n.Kind == NoticeKind.PartyLeft);

        // The scan's flags reach the parties on the case and the förbund, in the scan's transaction.
        api.Clock.SetSwedish(new DateOnly(2026, 4, 20), new TimeOnly(10, 0));
        await _admin.Scan();
        var flags = (await On(_af, caseId)).Where(n => n.Kind == NoticeKind.FlagRaised).ToList();
        Assert.Contains(flags, n => n.Rule == "NoContact");
        Assert.Contains(await On(_lead, caseId), n => n.Kind == NoticeKind.FlagRaised && n.Rule == "NoContact");
        // A party that left hears nothing new.
        Assert.DoesNotContain(await On(_vc, caseId), n => n.Kind == NoticeKind.FlagRaised);

        // Paging: one at a time, newest first, with the total.
        var all = await Inbox(_af, "?pageSize=200");
        var one = await Inbox(_af, "?page=2&pageSize=1");
        Assert.Equal(all.Total, one.Total);
        Assert.Equal(all.Items[1].Id, Assert.Single(one.Items).Id);
        Assert.Equal(HttpStatusCode.BadRequest, (await _af.GetAsync("/api/v1/inbox?pageSize=0")).StatusCode);
    }

    [Fact]
    public async Task Totals_and_pages_are_counted_in_the_database_and_leave_out_what_the_reader_may_no_longer_see()
    {
        api.Clock.SetSwedish(new DateOnly(2026, 3, 2), new TimeOnly(10, 0));
        var vc = api.ClientFor("handlaggare", "VC", "vc-inbox-totals");
        var c = await _af.OpenCase("AF", "AF Landskrona", "2026-03-02");
        var caseId = CaseWalk.CaseId(c);
        await _af.Invite(vc, c, "VC", "VC Centrum", "2026-03-02");
        var consent = await _af.Consent(c, ["AF", "VC"], givenOn: "2026-03-02");
        foreach (var day in new[] { "2026-03-03", "2026-03-04" })
        {
            var insats = await _af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = day, plannedOn = "2026-03-02" });
            await _af.Ok($"{c}/interventions/{insats.Id}/cancel", new { reason = "NoLongerNeeded", cancelledOn = "2026-03-02" });
        }

        // The invitation (VC's own) and AF's two cancellations, one of them read.
        var all = await Inbox(vc, "?pageSize=200");
        var onCase = all.Items.Where(n => n.CaseId == caseId).ToList();
        Assert.Equal([NoticeKind.InterventionCancelled, NoticeKind.InterventionCancelled, NoticeKind.InvitationToYou], onCase.Select(n => n.Kind));
        Assert.Equal(HttpStatusCode.OK, (await vc.PostJson($"/api/v1/inbox/{onCase[1].Id}/read", new { })).StatusCode);
        var before = await Inbox(vc, "?pageSize=200");
        Assert.Equal((all.Total, all.Total - 1), (before.Total, before.Unread));

        // Page by page, newest first, the same notices as one long page, each with the same totals.
        var pages = new List<NoticeView>();
        for (var page = 1; page <= before.Total; page += 1)
        {
            var one = await Inbox(vc, $"?page={page}&pageSize=1");
            Assert.Equal((before.Total, before.Unread), (one.Total, one.Unread));
            pages.AddRange(one.Items);
        }

        Assert.Equal(before.Items.Select(n => n.Id), pages.Select(n => n.Id));
        var unread = await Inbox(vc, "?unread=true&pageSize=200");
        Assert.Equal((before.Unread, before.Unread), (unread.Total, unread.Unread));
        Assert.DoesNotContain(unread.Items, n => n.Id == onCase[1].Id);

        // AF revokes its consent: AF's cancellations leave the counts and the pages, the invitation stays.
        await _af.Ok($"{c}/consents/{consent}/revoke", new { effectiveOn = "2026-03-02" });
        var after = await Inbox(vc, "?pageSize=200");
        Assert.Equal((before.Total - 2, before.Unread - 1), (after.Total, after.Unread));
        Assert.Equal([NoticeKind.InvitationToYou], after.Items.Where(n => n.CaseId == caseId).Select(n => n.Kind));
        Assert.Equal(after.Items.Select(n => n.Id).Take(1), (await Inbox(vc, "?page=1&pageSize=1")).Items.Select(n => n.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await vc.PostJson($"/api/v1/inbox/{onCase[0].Id}/read", new { })).StatusCode);
    }
}
