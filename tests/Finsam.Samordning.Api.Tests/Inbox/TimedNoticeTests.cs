using Finsam.Samordning.Api.Features.Awareness;
using Finsam.Samordning.Api.Features.Inbox;
using Finsam.Samordning.Api.Features.Individuals;
using Finsam.Samordning.Api.Features.Stalls;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Inbox;
using Finsam.Samordning.Domain.Stalls;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.Samordning.Api.Tests.Inbox;

/// <summary>
/// The notices no command writes, because only time passes (issue 14): the scan tells the responsible
/// party that an action is coming due, and KAA that a kännedom record meets NoAnswerBeforeCase, once
/// each however often (and however many scanners) look. The clock is the test's TimeProvider: no sleeps.
/// </summary>
public sealed class TimedNoticeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-timed");
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-timed");
    private readonly HttpClient _kaa = api.ClientFor("handlaggare", "KAA", "kaa-timed");
    private readonly HttpClient _kaa2 = api.ClientFor("handlaggare", "KAA", "kaa-timed-colleague");
    private readonly HttpClient _lead = api.ClientFor("samverkansledare", null, "sl-timed");
    private readonly CaseDays _day = new(api.Clock, new DateOnly(2026, 3, 2));

    // The incremental scan, as the recurring job runs it: only cases due by their next attention date.
    private async Task<StallScanReport> Scan()
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StallScanner>().RunAsync(false, CancellationToken.None);
    }

    private static async Task<List<NoticeView>> Inbox(HttpClient reader, NoticeKind kind) => [.. (await reader.Notices()).Where(n => n.Kind == kind)];

    [Fact]
    public async Task An_action_coming_due_reaches_its_party_once_on_the_day_the_incremental_scan_looks_and_again_when_moved()
    {
        _day.GoTo(0);
        var c = await _soc.OpenCase("SOC", "IFO Landskrona", _day[0]);
        var caseId = CaseWalk.CaseId(c);
        await _soc.Invite(_af, c, "AF", "AF Landskrona", _day[0]);
        var action = await _soc.Ok($"{c}/plan/actions", new { description = "Kartläggning klar", responsibleParty = "AF", dueOn = _day[10], plannedOn = _day[0] });
        await Scan();
        // Three days before the due date is the case's next look, earlier than any rule's.
        Assert.Equal(_day.Date(7), await api.Scalar("select next_attention_on from finsam.mt_doc_casefile where id = @id", ("id", caseId)));

        _day.GoTo(6);
        await Scan();
        Assert.DoesNotContain(await Inbox(_af, NoticeKind.ActionComingDue), n => n.CaseId == caseId);

        _day.GoTo(7);
        Assert.Equal(1, (await Scan()).Notified);
        var notice = Assert.Single(await Inbox(_af, NoticeKind.ActionComingDue), n => n.CaseId == caseId);
        Assert.Equal((action.Id, _day.Date(10), PartyCode("SOC"), StallRuleCodes.ActionComingDue), (notice.EntryId, notice.On, notice.By, notice.Rule));
        Assert.DoesNotContain(await Inbox(_soc, NoticeKind.ActionComingDue), n => n.CaseId == caseId);

        // Looked at again (any change makes the case due; a full sweep reads every open case): still one.
        await _soc.Ok($"{c}/contacts", new { kind = "Phone", noShow = false, occurredOn = _day[7] });
        await Scan();
        _day.GoTo(8);
        using (var scope = api.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<StallScanner>().RunAsync(true, CancellationToken.None);
        }

        Assert.Single(await Inbox(_af, NoticeKind.ActionComingDue), n => n.CaseId == caseId);

        // Moved to day 20: told again three days before the new date.
        await _af.Ok($"{c}/plan/actions/{action.Id}/reschedule", new { dueOn = _day[20], reason = "Väntar på intyg", rescheduledOn = _day[8] });
        await Scan();
        _day.GoTo(17);
        await Scan();
        Assert.Equal([_day.Date(20), _day.Date(10)],
            (await Inbox(_af, NoticeKind.ActionComingDue)).Where(n => n.CaseId == caseId).Select(n => n.On));
    }

    [Fact]
    public async Task NoAnswerBeforeCase_reaches_KAA_once_however_many_scans_look_and_no_one_else()
    {
        _day.GoTo(0);
        var person = await (await _kaa.PostJson("/api/v1/individuals", new { personnummer = "20080612-1232", name = "Ung Tyst" })).Read<IndividualRegistered>();
        var record = (await (await _kaa.PostJson("/api/v1/awareness", new { individualId = person.Id, source = "SchoolDropOut", knownOn = _day[0] }))
            .Read<AwarenessWritten>()).Id;

        _day.GoTo(29);
        await Scan();
        Assert.DoesNotContain(await Inbox(_kaa, NoticeKind.NoAnswerBeforeCase), n => n.EntryId == record);

        // Day 30 with no answer: two scanners at once (two replicas) write one notice between them.
        _day.GoTo(30);
        using var one = api.Services.CreateScope();
        using var two = api.Services.CreateScope();
        var reports = await Task.WhenAll(
            Task.Run(() => one.ServiceProvider.GetRequiredService<StallScanner>().RunAsync(false, CancellationToken.None)),
            Task.Run(() => two.ServiceProvider.GetRequiredService<StallScanner>().RunAsync(false, CancellationToken.None)));
        Assert.Equal(1, reports.Sum(r => r.Notified));
        _day.GoTo(31);
        Assert.Equal(0, (await Scan()).Notified);

        var notice = Assert.Single(await Inbox(_kaa, NoticeKind.NoAnswerBeforeCase), n => n.EntryId == record);
        Assert.Equal((Guid.Empty, StallRuleCodes.NoAnswerBeforeCase, _day.Date(30)), (notice.CaseId, notice.Rule, notice.On));
        Assert.Single(await Inbox(_kaa2, NoticeKind.NoAnswerBeforeCase), n => n.EntryId == record); // KAA's inbox, every KAA caseworker
        // Kännedom is KAA's alone: no other party, nor the förbund, learns the record exists.
        Assert.Empty(await Inbox(_af, NoticeKind.NoAnswerBeforeCase));
        Assert.Empty(await Inbox(_lead, NoticeKind.NoAnswerBeforeCase));
        Assert.Equal(0L, await api.Scalar("select count(*) from finsam.mt_doc_notice where data ->> 'inbox' <> 'KAA' and data ->> 'kind' = 'NoAnswerBeforeCase'"));
    }

    private static Domain.Cases.PartyCode PartyCode(string code) => Enum.Parse<Domain.Cases.PartyCode>(code);
}
