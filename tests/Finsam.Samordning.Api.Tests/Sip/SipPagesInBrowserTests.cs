using System.Text;
using System.Text.RegularExpressions;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Finsam.Samordning.Api.Tests.Sip;

/// <summary>
/// The printable SIP document and "Min plan" opened in a real headless Chromium (Debian's
/// <c>chromium</c>, driven by Microsoft.Playwright; <c>deploy/local/test.sh</c> installs it where
/// missing): visible text and headings, printed to an A4 PDF with pages, and no console error. The
/// browser asks a made-up host; each request is answered by the test host with the caller's token, as
/// a logged-in browser would send it.
/// </summary>
public sealed class SipPagesInBrowserTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Host = "http://finsam.test";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the system Chromium is: FINSAM_CHROMIUM, else the Debian package's binary on PATH.</summary>
    private static string Chromium()
    {
        var configured = Environment.GetEnvironmentVariable("FINSAM_CHROMIUM");
        var candidates = configured is { Length: > 0 } ? [configured] :
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, "chromium")).Append("/usr/bin/chromium");
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium not found: run deploy/local/test.sh (it installs Debian's 'chromium'), or set FINSAM_CHROMIUM.");
    }

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium(), Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A page whose requests to <see cref="Host"/> go to the test host as <paramref name="caller"/>, collecting console errors.</summary>
    private async Task<(IPage Page, List<string> Errors)> PageAs(HttpClient caller)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.RouteAsync($"{Host}/**", async route =>
        {
            var path = route.Request.Url[Host.Length..];
            if (path == "/favicon.ico")
            {
                // The API serves no icon; the browser's automatic request is not the page's doing.
                await route.FulfillAsync(new RouteFulfillOptions { Status = 204 });
                return;
            }

            var request = new HttpRequestMessage(new HttpMethod(route.Request.Method), path);
            if (route.Request.Headers.TryGetValue("accept", out var accept))
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            var response = await caller.SendAsync(request);
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value));
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = (int)response.StatusCode, Headers = headers, BodyBytes = await response.Content.ReadAsByteArrayAsync(),
            });
        });
        return (page, errors);
    }

    // With FINSAM_BROWSER_ARTIFACTS set, the pages are kept there as PNG and PDF to look at.
    private static async Task Keep(IPage page, byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("FINSAM_BROWSER_ARTIFACTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
            await File.WriteAllBytesAsync(Path.Combine(dir, name + ".pdf"), pdf);
        }
    }

    private static async Task<IReadOnlyList<(int Level, string Text)>> Headings(IPage page) =>
        [.. (await page.EvaluateAsync<string[][]>("() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => [h.tagName.substring(1), h.innerText])"))
            .Select(h => (int.Parse(h[0]), h[1]))];

    private static void InOrder(IReadOnlyList<(int Level, string Text)> headings)
    {
        Assert.Equal(1, headings[0].Level);
        Assert.Equal(1, headings.Count(h => h.Level == 1));
        Assert.All(headings.Zip(headings.Skip(1)), pair => Assert.True(pair.Second.Level <= pair.First.Level + 1, $"'{pair.First.Text}' then '{pair.Second.Text}'"));
    }

    // Pages of a PDF as Chromium writes it: one "/Type /Page" object per page.
    private static int PdfPages(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text);
        return Regex.Matches(text, @"/Type\s*/Page(?![a-zA-Z])").Count;
    }

    [Fact]
    public async Task The_sip_document_reads_prints_and_logs_no_error_in_chromium()
    {
        var walk = await new AdultSipCase(api, "browser-doc").WalkAsync();
        var (page, errors) = await PageAs(walk.Soc);

        var response = await page.GotoAsync($"{Host}{walk.Url}/sip-plan");

        Assert.Equal(200, response!.Status);
        Assert.Equal("sv", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.StartsWith("Samordnad individuell plan", await page.TitleAsync());
        var headings = await Headings(page);
        InOrder(headings);
        Assert.Equal(
            ["Planens fullständighet", "Planeringsansvarig", "Personens behov", "Mål", "Insatser och åtgärder per huvudman", "Vad andra gör",
                "Senaste SIP-mötet", "Uppföljning", "Samtycken som gäller"],
            headings.Where(h => h.Level == 2).Select(h => h.Text));
        Assert.Contains("Socialtjänsten (kommunen), planeringsansvarig", headings.Select(h => h.Text));
        var text = await page.InnerTextAsync("body");
        foreach (var visible in new[]
                 {
                     "Planen innehåller det som lag och riktlinjer kräver (av det du får se).", "Socialtjänsten har det samlade ansvaret för planen",
                     "Jobba på lagret igen, först halvtid", "Sova hela nätter", "Bedöma arbetsförmågan", "Gå på tre hälsosamtal",
                     "Lena Andersson (syster)", "Planen följs upp 2026-05-11.", "Långvarig smärta och sömnbrist",
                 })
        {
            Assert.Contains(visible, text);
        }

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        await Keep(page, pdf, "sip-plan");
        Assert.InRange(PdfPages(pdf), 1, 10);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Min_plan_reads_in_plain_swedish_prints_and_logs_no_error_in_chromium()
    {
        var walk = await new AdultSipCase(api, "browser-min").WalkAsync();
        var (page, errors) = await PageAs(walk.Soc);

        var response = await page.GotoAsync($"{Host}{walk.Url}/sip-plan/min-plan");

        Assert.Equal(200, response!.Status);
        Assert.Equal("sv", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        var headings = await Headings(page);
        InOrder(headings);
        Assert.Equal(["Min plan", "Mina mål", "Det här ska jag göra", "De här hjälper mig", "Socialtjänsten", "Vårdcentralen", "Psykiatrin",
                "Arbetsförmedlingen", "Försäkringskassan", "Vem ringer jag?", "När träffas vi nästa gång?"],
            headings.Select(h => h.Text));
        var text = await page.InnerTextAsync("body");
        Assert.Contains("Gå på tre hälsosamtal", text);
        Assert.Contains("Ring först till", text);
        Assert.Contains("Vi följer upp planen omkring måndag 11 maj 2026", text);

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        await Keep(page, pdf, "min-plan");
        Assert.InRange(PdfPages(pdf), 1, 5);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task In_the_browser_too_a_party_sees_only_what_consent_opens_and_an_outsider_nothing()
    {
        var walk = await new AdultSipCase(api, "browser-secrecy").WalkAsync();
        var (psyPage, psyErrors) = await PageAs(walk.Psy);
        await psyPage.GotoAsync($"{Host}{walk.Url}/sip-plan");
        var text = await psyPage.InnerTextAsync("body");
        Assert.Contains("Delar av planen visas inte för dig", text);
        Assert.DoesNotContain("Lena Andersson", text);
        Assert.DoesNotContain("Jobba på lagret", text);
        Assert.Empty(psyErrors);

        var (outsiderPage, _) = await PageAs(api.ClientFor("handlaggare", "KAA", "kaa-browser"));
        var refused = await outsiderPage.GotoAsync($"{Host}{walk.Url}/sip-plan");
        Assert.Equal(404, refused!.Status);
    }
}
