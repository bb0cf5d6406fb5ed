using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Finsam.Samordning.Api.Tests.Host;

/// <summary>A host whose log events are kept whole (level, exception, properties), with a route that fails.</summary>
public sealed class LogEventsFactory : ApiFactory
{
    /// <summary>The events.</summary>
    public EventSink Sink { get; } = new();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<ILogEventSink>(Sink);
            s.AddSingleton<IStartupFilter, BoomRoute>();
        });
    }

    private sealed class BoomRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext ctx, RequestDelegate _) => ctx.Request.Path == "/test/boom"
                ? throw new InvalidOperationException("a real fault")
                : Task.CompletedTask);
        };
    }
}

/// <summary>Collects log events.</summary>
public sealed class EventSink : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    /// <summary>Forgets what was collected.</summary>
    public void Clear()
    {
        lock (_events)
        {
            _events.Clear();
        }
    }

    /// <summary>What was collected.</summary>
    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }
}

/// <summary>
/// A refused request is logged once, with the status the client got, at Information or Warning and
/// without a stack trace; Error is for real faults (500).
/// </summary>
public sealed class RefusalLoggingTests(LogEventsFactory api) : IClassFixture<LogEventsFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC");

    [Fact]
    public async Task A_400_409_and_412_are_logged_once_with_their_status_without_a_stack_and_a_500_as_an_error()
    {
        var c = await _soc.OpenCase("SOC", "Ekonomiskt bistånd");
        var plan = await _soc.Ok($"{c}/interventions", new { kind = "boendestod", plannedStart = "2026-03-01", plannedOn = "2026-02-25" });
        var etag = (await _soc.GetAsync(c)).Headers.ETag!.Tag;
        await _soc.Ok($"{c}/contacts", new { kind = "Phone", noShow = false, occurredOn = "2026-03-01" });

        var invalid = await Logged(400, () => _soc.PostJson($"{c}/contacts", new { noShow = false, occurredOn = "2026-03-01" }));
        var rule = await Logged(409, () => _soc.PostJson($"{c}/interventions/{plan.Id}/resume", new { resumedOn = "2026-03-01" }));
        var stale = await Logged(412, () => _soc.PostJson($"{c}/contacts", new { kind = "Phone", noShow = false, occurredOn = "2026-03-01" }, ifMatch: etag));
        var fault = await Logged(500, () => api.CreateClient().GetAsync("/test/boom"));

        foreach (var (events, request) in new[] { invalid, rule, stale })
        {
            Assert.InRange(request.Level, LogEventLevel.Information, LogEventLevel.Warning);
            Assert.StartsWith("\"/api/v1/cases/{", request.Properties["RouteTemplate"].ToString());
            Assert.DoesNotContain(events, e => e.Level >= LogEventLevel.Error);
            Assert.DoesNotContain(events, e => e.Exception is not null);
            Assert.DoesNotContain(events, e => e.Properties.ContainsKey("StackTrace"));
            // Once: no other line at Information or above speaks of the refusal.
            Assert.DoesNotContain(events, e => e.Level >= LogEventLevel.Information && !IsRequestLine(e)
                && e.MessageTemplate.Text.Contains("refused", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(LogEventLevel.Error, fault.Request.Level);
        Assert.Contains(fault.Events, e => e.Properties.ContainsKey("StackTrace"));
    }

    // Sends the request and returns the events it caused, and its one request-log event (which
    // must carry the status the client got).
    private async Task<(IReadOnlyList<LogEvent> Events, LogEvent Request)> Logged(int status, Func<Task<HttpResponseMessage>> send)
    {
        api.Sink.Clear();
        var response = await send();
        Assert.Equal(status, (int)response.StatusCode);
        // The request line is written when the response completes, which may be just after the
        // client has read it.
        for (var i = 0; i < 100 && !api.Sink.Events.Any(IsRequestLine); i++)
        {
            await Task.Delay(20);
        }

        var events = api.Sink.Events;
        var lines = events.Where(IsRequestLine).ToList();
        var line = Assert.Single(lines);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Properties["StatusCode"].ToString());
        return (events, line);
    }

    private static bool IsRequestLine(LogEvent e) => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal);
}
