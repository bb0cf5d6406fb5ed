using System.Net;
using Finsam.Samordning.Api.Features.Individuals;
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

/// <summary>
/// No personnummer, name or free text about the person in any log line, at any level: over a flow in
/// which every step is asserted to have done what it should, so the capture covers the whole of it.
/// </summary>
public sealed class PersonalDataStaysOutOfLogsTests(CapturingLogsFactory api) : IClassFixture<CapturingLogsFactory>
{
    [Fact]
    public async Task A_full_flow_logs_nothing_about_the_person()
    {
        var soc = api.ClientFor("handlaggare", "SOC", "soc-logs");
        var vc = api.ClientFor("handlaggare", "VC", "vc-logs");
        var secrets = new[] { "19811218-9876", "198112189876", "Ebba Hemligsson", "Hemligsson", "070-5551234", "sover dåligt efter skilsmässan",
            "ångest inför arbetsträningen", "vill bli snickare", "skuldsatt hos Kronofogden", "Maja Hemligsson" };
        var (personnummer, name, phone, note) = (secrets[0], secrets[2], secrets[4], secrets[5]);

        // Registration: the person; two refusals (a wrong check digit, a number SOC already knows); VC's own enrolment.
        var registered = await soc.PostJson("/api/v1/individuals", new { personnummer, name, phone });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var individual = await registered.Read<IndividualRegistered>();
        Assert.Equal(HttpStatusCode.BadRequest, (await soc.PostJson("/api/v1/individuals", new { personnummer = "19811218-9875", name })).StatusCode); // check digit
        Assert.Equal(HttpStatusCode.Conflict, (await soc.PostJson("/api/v1/individuals", new { personnummer = secrets[1], name })).StatusCode); // SOC knows the person
        Assert.Equal(HttpStatusCode.Created, (await vc.PostJson("/api/v1/individuals", new { personnummer, name })).StatusCode); // an enrolment of VC's own

        // The case: opened about the person, a contact whose note names them, a remiss VC declines,
        // then VC invited and joined, a consent SOC records and VC confirms, an insats, the plan, a concern.
        var c = await soc.OpenCase("SOC", "IFO", targetGroups: ["MentalIllHealth"], individualId: individual.Id);
        await soc.Ok($"{c}/contacts", new { kind = "HomeVisit", occurredOn = "2026-02-03", note = $"Hembesök hos {name}: {note}" });
        var referral = await soc.Ok($"{c}/referrals", new { kind = "Remiss", to = "VC", reason = secrets[6], sentOn = "2026-02-03" });
        await vc.Ok($"{c}/referrals/{referral.Id}/decline", new { reasonCode = "NotOurs", reason = secrets[8], declinedOn = "2026-02-04" });
        await soc.Invite(vc, c, "VC", "Vårdcentralen Centrum", "2026-02-04");
        var consent = await soc.Consent(c, ["SOC", "VC"], givenOn: "2026-02-04");
        await vc.Confirm(c, consent);
        var insats = await soc.Ok($"{c}/interventions", new { kind = "boendestod", plannedStart = "2026-02-05", plannedOn = "2026-02-04" });
        await soc.Ok($"{c}/interventions/{insats.Id}/start", new { startedOn = "2026-02-05" });
        await soc.Ok($"{c}/plan/goals", new { area = "Arbete", statedBy = "Individual", text = secrets[7], setOn = "2026-02-04" });
        await soc.Ok($"{c}/plan/needs", new { area = "Halsa", description = note, identifiedOn = "2026-02-04" });
        await soc.Ok($"{c}/flags", new { reason = secrets[8] });
        // The SIP meeting: held at the person's home, their mother invited; VC declines, the meeting moves; the plan printed.
        var meeting = await soc.Ok($"{c}/sip-meetings", new
        {
            meetingOn = "2026-02-20", invitedParties = new[] { "SOC", "VC" }, scheduledOn = "2026-02-05", place = $"Hemma hos {name}",
            otherParticipants = new[] { new { kind = "Narstaende", name = secrets[9], role = "mamma" } },
        });
        await vc.Ok($"{c}/sip-meetings/{meeting.Id}/decline", new { reason = secrets[6], answeredOn = "2026-02-05" });
        await soc.Ok($"{c}/sip-meetings/{meeting.Id}/reschedule", new { meetingOn = "2026-02-25", reason = note, rescheduledOn = "2026-02-05" });
        await soc.Ok($"{c}/plan/actions", new
        {
            description = secrets[7], responsibleOther = new { kind = "Narstaende", name = secrets[9], role = "mamma" }, dueOn = "2026-03-20", plannedOn = "2026-02-05",
        });
        Assert.Equal(HttpStatusCode.BadRequest, (await soc.PostJson($"{c}/contacts", new { kind = "Phone", occurredOn = "2030-01-01", note })).StatusCode); // future

        // Reads by both parties, then the erasure.
        var person = $"/api/v1/individuals/{individual.Id}";
        foreach (var (reader, url) in new[]
                 {
                     (soc, $"{c}/overview"), (soc, $"{c}/history"), (soc, person), (vc, $"{c}/overview"), (vc, person),
                     (soc, $"{c}/sip-plan?format=html"), (soc, $"{c}/sip-plan/min-plan"), (vc, $"{c}/sip-plan"),
                 })
        {
            var read = await reader.GetAsync(url);
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{url}: {(int)read.StatusCode}");
        }

        Assert.Contains(name, await (await soc.GetAsync($"{c}/overview")).Content.ReadAsStringAsync()); // the reads did carry the person's data
        Assert.Contains(secrets[9], await (await soc.GetAsync($"{c}/sip-plan?format=html")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor("administrator", null, "admin-logs").PostAsync($"/api/v1/individuals/{individual.Id}/erase", null)).StatusCode);

        var lines = api.Sink.Lines;
        // The host's own request log reached its own sink (not another host's: the static logger is not used).
        Assert.Contains(lines, l => l.Contains("/api/v1/cases/{id:guid}/contacts") && l.Contains("responded 200"));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
