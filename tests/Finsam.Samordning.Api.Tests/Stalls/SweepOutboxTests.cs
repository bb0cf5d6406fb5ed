using System.Net;
using System.Net.Http.Json;
using Finsam.Samordning.Api.Features.Stalls;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Stalls;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Finsam.Samordning.Api.Tests.Stalls;

/// <summary>A host whose prompt to run the owed sweep fails: the process "crashes" between the commit and the enqueue.</summary>
public sealed class CrashBeforeEnqueueFactory : ApiFactory
{
    /// <summary>How many prompts were attempted.</summary>
    public int Prompts => _prompt.Attempts;

    private readonly CrashingPrompt _prompt = new();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<IStallSweepPrompt>();
            s.AddSingleton<IStallSweepPrompt>(_prompt);
        });
    }

    private sealed class CrashingPrompt : IStallSweepPrompt
    {
        public int Attempts;

        public void Prompt()
        {
            Interlocked.Increment(ref Attempts);
            throw new InvalidOperationException("crash between the commit and the enqueue");
        }
    }
}

/// <summary>
/// The full sweep a threshold change needs is written in the change's own transaction (an outbox
/// row), so losing the enqueue that follows the commit loses no sweep: the next scan honours it.
/// </summary>
public sealed class SweepOutboxTests(CrashBeforeEnqueueFactory api) : IClassFixture<CrashBeforeEnqueueFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-outbox");
    private readonly HttpClient _admin = api.ClientFor("administrator", null, "admin-outbox");

    [Fact]
    public async Task A_threshold_change_whose_enqueue_is_lost_still_gets_its_full_sweep_at_the_next_scan()
    {
        var day = new CaseDays(api.Clock, new DateOnly(2026, 3, 2));
        day.GoTo(0);
        var c = await _soc.OpenCase("SOC", "IFO", day[0]);
        var caseId = CaseWalk.CaseId(c);
        day.GoTo(2);
        using var scope = api.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<StallScanJob>();
        // Judged once: with the design's thresholds nothing holds yet, and the case is not due again for weeks.
        Assert.Equal(0, (await job.RunAsync(CancellationToken.None)).Raised);
        Assert.Equal(0, (await job.RunAsync(CancellationToken.None)).CasesExamined);

        // The change commits; the prompt after it "crashes": no job is queued.
        var change = await _admin.PutAsJsonAsync("/api/v1/admin/stall-rules",
            new[] { new { rule = StallRuleCodes.NoActiveIntervention, enabled = true, days = 1, count = 0 } }, Http.Json);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(1, api.Prompts);
        Assert.Equal(0L, await api.Scalar("select count(*) from hangfire.job"));
        Assert.Equal(1L, await api.Scalar("select count(*) from finsam.mt_doc_stallsweeprequest"));

        // The next scheduled scan, with nothing due by date, honours the owed sweep.
        var scan = await job.RunAsync(CancellationToken.None);

        Assert.True(scan.FullSweep);
        Assert.True(scan.CasesExamined >= 1);
        Assert.Equal(1L, await api.Scalar(
            "select count(*) from finsam.mt_events where stream_id = @id and type = 'stall_flag_raised' and data ->> 'rule' = 'NoActiveIntervention'", ("id", caseId)));
        // Honoured once: the request is gone, and the scan after it reads only due cases again.
        Assert.Equal(0L, await api.Scalar("select count(*) from finsam.mt_doc_stallsweeprequest"));
        var next = await job.RunAsync(CancellationToken.None);
        Assert.False(next.FullSweep);
        Assert.Equal(0, next.Raised);
    }
}
