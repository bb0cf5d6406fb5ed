using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Api.Tests.Stalls;

/// <summary>
/// A store written before a case's flags had a document of their own holds them only in the case's events
/// (and in the case file's own JSON, which nothing reads now): <c>migrate</c> folds the documents of the cases
/// with flag events since its last run, so the flags show again and the scan does not raise them anew.
/// </summary>
public sealed class FlagsBackfillTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-backfill");
    private readonly HttpClient _admin = api.ClientFor("administrator", null, "admin-backfill");
    private readonly CaseDays _day = new(api.Clock, new DateOnly(2026, 3, 2));

    [Fact]
    public async Task Migrate_folds_the_flags_of_a_store_written_before_they_had_a_document_and_the_scan_raises_none_again()
    {
        _day.GoTo(0);
        var c = await _soc.OpenCase("SOC", "Ekonomiskt bistånd", _day[0], ["LongTermIncomeSupport"]);
        await _soc.Consent(c, ["SOC"], coversForbund: true, givenOn: _day[0]);
        await _soc.Ok($"{c}/contacts", new { kind = "Meeting", occurredOn = _day[0] });
        _day.GoTo(30);
        await _admin.Scan();
        var concern = await _soc.Ok($"{c}/flags", new { reason = "Orolig för boendet." });
        var before = (await _soc.Overview(c)).Flags.Select(f => (f.Flag.Id, f.Flag.Rule)).Order().ToList();
        Assert.Contains(before, f => f.Rule == StallRuleCodes.NoContact);
        Assert.Contains(before, f => f.Id == concern.Id);

        // As flags written before they had their own document, or by a replica of the earlier release during
        // the rollout: the case's events hold its flags, no document does. The next migrate folds what came
        // since its last run.
        await api.Scalar("delete from finsam.mt_doc_caseflags where id = @id", ("id", CaseWalk.CaseId(c)));
        Assert.Empty((await _soc.Overview(c)).Flags);

        await api.MigrateAsync();
        Assert.Equal(before, (await _soc.Overview(c)).Flags.Select(f => (f.Flag.Id, f.Flag.Rule)).Order().ToList());
        Assert.Equal(0, (await _admin.Scan()).Raised);
    }
}
