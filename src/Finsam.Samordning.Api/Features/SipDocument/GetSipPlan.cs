using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Domain.Sip;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Finsam.Samordning.Api.Features.SipDocument;

/// <summary>
/// The SIP document and "Min plan", as JSON or as a printable Swedish page. Both are built from the
/// joint overview the caller may see (<see cref="GetCaseOverview"/>: relation first, then consent),
/// so they are under exactly the overview's secrecy rules: a party with no relation gets 404, and
/// what consent does not open is not in the plan.
/// </summary>
internal sealed class GetSipPlan : IEndpoint
{
    private const string Formats = "Answers JSON, or text/html (Swedish, A4 print styles) when format=html or the Accept header prefers text/html, " +
        "as a browser's does. With asOf=YYYY-MM-DD the plan is rebuilt as it stood on that day. 404 to a party with no relation to the case.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/cases/{id:guid}/sip-plan", Plan)
            .RequireAuthorization(Policies.CaseReader)
            .WithName("GetSipPlan")
            .WithTags("SIP")
            .WithSummary("The SIP document")
            .WithDescription(
                "The samordnad individuell plan as the meeting produced it: the person's needs and who answers for each, what each " +
                "huvudman answers for (insatser and actions with dates), what the person and others outside the förbund do, the person's " +
                "own goals beside the professionals', the planeringsansvarig, the last meeting's participants and decisions, the follow-up " +
                "date, the consents in force, and a completeness check naming what is missing (no plan lead, no follow-up date, a need no " +
                "one answers for, ...). " + Formats)
            .Produces<SipPlanDocument>(StatusCodes.Status200OK, "application/json", "text/html")
            .ProducesProblems(StatusCodes.Status404NotFound);

        api.MapGet("/cases/{id:guid}/sip-plan/min-plan", MinPlan)
            .RequireAuthorization(Policies.CaseReader)
            .WithName("GetMinPlan")
            .WithTags("SIP")
            .WithSummary("Min plan: the SIP for the person")
            .WithDescription("The plan in plain Swedish for the person: what I will do, who helps me with what, whom to call, when we meet next. " + Formats)
            .Produces<MinPlanDocument>(StatusCodes.Status200OK, "application/json", "text/html")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Plan(Guid id, DateOnly? asOf, string? format, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var html = WantsHtml(http, format);
        var plan = SipPlan.From(await mediator.Send(new GetCaseOverview(id, asOf, CurrentUser.Of(http)), ct));
        return html ? await Page<SipPlanPage>(http, new() { [nameof(SipPlanPage.Plan)] = plan }) : TypedResults.Ok(plan);
    }

    private static async Task<IResult> MinPlan(Guid id, DateOnly? asOf, string? format, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var html = WantsHtml(http, format);
        var plan = MinPlanDocument.From(SipPlan.From(await mediator.Send(new GetCaseOverview(id, asOf, CurrentUser.Of(http)), ct)));
        return html ? await Page<MinPlanPage>(http, new() { [nameof(MinPlanPage.Plan)] = plan }) : TypedResults.Ok(plan);
    }

    // format wins; otherwise the Accept header's most preferred of text/html and JSON (*/* is JSON).
    private static bool WantsHtml(HttpContext http, string? format)
    {
        if (format is not null)
        {
            return format.ToLowerInvariant() switch
            {
                "html" => true,
                "json" => false,
                _ => throw new ValidationException([new ValidationFailure("format", "format is html or json.")]),
            };
        }

        var preferred = http.Request.GetTypedHeaders().Accept
            .Where(a => a.MediaType.Value is "text/html" or "application/json" or "application/*" or "*/*")
            .OrderByDescending(a => a.Quality ?? 1)
            .FirstOrDefault();
        return preferred?.MediaType.Value == "text/html";
    }

    // Rendered with the Razor component renderer ASP.NET Core ships (no template engine); the page
    // carries personal data, so it is never cached and may load nothing from elsewhere.
    private static async Task<IResult> Page<TComponent>(HttpContext http, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(new SwedishText(http.RequestServices), http.RequestServices.GetRequiredService<ILoggerFactory>());
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        return TypedResults.Content("<!DOCTYPE html>\n" + body, "text/html; charset=utf-8");
    }

    // The renderer's default encoder writes å, ä and ö as character references; Swedish text is kept
    // as it is (markup characters are still encoded).
    private sealed class SwedishText(IServiceProvider inner) : IServiceProvider
    {
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? Encoder : inner.GetService(serviceType);
    }
}
