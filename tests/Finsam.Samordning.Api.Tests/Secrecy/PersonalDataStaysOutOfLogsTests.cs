using System.Net;
using Finsam.Samordning.Api.Features.Individuals;
using Finsam.Samordning.Api.Features.CaseWrites;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Finsam.Samordning.Api.Tests.Secrecy;

/// <summary>A host whose every log event, at every level, is captured.</summary>
public sealed class CapturingLogsFactory : ApiFactory
{
    /// <summary>What was logged.</summary>
    public CapturingSink Sink { get; } = new();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
        builder.ConfigureServices(s => s.AddSingleton<ILogEventSink>(Sink));
    }
}

/// <summary>Collects log events as rendered text, properties included.</summary>
public sealed class CapturingSink : ILogEventSink
{
    private readonly List<string> _lines = [];

    /// <summary>Every event rendered with its properties.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        var text = logEvent.RenderMessage() + " " + string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + logEvent.Exception;
        lock (_lines)
        {
            _lines.Add(text);
        }
    }
}

/// <summary>No personnummer, name or free text about the person in any log line, at any level.</summary>
public sealed class PersonalDataStaysOutOfLogsTests(CapturingLogsFactory api) : IClassFixture<CapturingLogsFactory>
{
    [Fact]
    public async Task A_full_flow_logs_nothing_about_the_person()
    {
        var soc = api.ClientFor("handlaggare", "SOC", "soc-logs");
        var vc = api.ClientFor("handlaggare", "VC", "vc-logs");
        var secrets = new[] { "19811218-9876", "198112189876", "Ebba Hemligsson", "Hemligsson", "070-5551234", "sover dåligt efter skilsmässan",
            "ångest inför arbetsträningen", "vill bli snickare", "skuldsatt hos Kronofogden" };

        var individual = await (await soc.PostJson("/api/v1/individuals", new { personnummer = secrets[0], name = secrets[2], phone = secrets[4] }))
            .Read<IndividualRegistered>();
        await soc.PostJson("/api/v1/individuals", new { personnummer = "19811218-9875", name = secrets[2] }); // refused: check digit
        await soc.PostJson("/api/v1/individuals", new { personnummer = secrets[1], name = secrets[2] }); // 409: SOC knows the person
        await vc.PostJson("/api/v1/individuals", new { personnummer = secrets[0], name = secrets[2] }); // 201: an enrolment of VC's own
        var c = (await soc.PostJson("/api/v1/cases", new
        {
            municipalityCode = "1282", targetGroups = new[] { "MentalIllHealth" }, openingParty = "SOC", openingUnit = "IFO", openedOn = "2026-02-02",
            individualId = individual.Id,
        })).Headers.Location!.OriginalString;
        await soc.PostJson($"{c}/contacts", new { kind = "HomeVisit", occurredOn = "2026-02-03", note = secrets[5] });
        var referral = await (await soc.PostJson($"{c}/referrals", new { kind = "Remiss", to = "VC", reason = secrets[6], sentOn = "2026-02-03" })).Read<CaseCommandResult>();
        await vc.PostJson($"{c}/referrals/{referral.Id}/decline", new { reason = secrets[8], declinedOn = "2026-02-04" });
        await soc.PostJson($"{c}/plan/goals", new { area = "Arbete", statedBy = "Individual", text = secrets[7], setOn = "2026-02-04" });
        await soc.PostJson($"{c}/plan/needs", new { area = "Halsa", description = secrets[5], identifiedOn = "2026-02-04" });
        await soc.PostJson($"{c}/flags", new { reason = secrets[8] });
        await soc.PostJson($"{c}/contacts", new { kind = "Phone", occurredOn = "2030-01-01", note = secrets[5] }); // refused: future
        await soc.GetAsync($"{c}/overview");
        await soc.GetAsync($"/api/v1/individuals/{individual.Id}");
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor("administrator", null, "admin-logs").PostAsync($"/api/v1/individuals/{individual.Id}/erase", null)).StatusCode);

        var lines = api.Sink.Lines;
        Assert.NotEmpty(lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
