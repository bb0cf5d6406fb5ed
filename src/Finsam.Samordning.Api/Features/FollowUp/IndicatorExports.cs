using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Finsam.Samordning.Api.Features.FollowUp;

/// <summary>The indicator tables as files: CSV (streamed) and XLSX, with exactly the cells the JSON publishes.</summary>
internal sealed class IndicatorExports : IEndpoint
{
    private const string Description = " Same query and the same suppressed cells as GET /api/v1/follow-up/indicators. " +
        "Samverkansledare and administrator only; every export is in the access log, stored before the first byte is sent.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/follow-up/indicators.csv",
                async (string? period, string? by, HttpContext http, IMediator mediator, AccessContext access, CancellationToken ct) =>
                {
                    var report = await mediator.Send(GetIndicators.From(period, by), ct);
                    http.Response.ContentType = "text/csv; charset=utf-8";
                    http.Response.Headers.ContentDisposition = $"attachment; filename=\"finsam-indikatorer-{report.Period}-{report.By}.csv\"";
                    await using var writer = new StreamWriter(await Streamed(access), new UTF8Encoding(true), 16 * 1024);
                    await WriteCsv(report, writer);
                    return Results.Empty;
                })
            .RequireFollowUpReader()
            .WithMetadata(new StreamedAfterLogging())
            .WithName("ExportIndicatorsCsv")
            .WithTags("FollowUp")
            .WithSummary("The indicator tables as CSV")
            .WithDescription("Every table one after the other, separated by a blank line: a line with its code and title, its header, its rows and the totals; " +
                "semicolon-separated, UTF-8 with BOM (opens in Swedish Excel). Suppressed cells print \"<5\" or \"..\"." + Description)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(StatusCodes.Status403Forbidden);

        api.MapGet("/follow-up/indicators.xlsx",
                async (string? period, string? by, HttpContext http, IMediator mediator, AccessContext access, CancellationToken ct) =>
                {
                    var report = await mediator.Send(GetIndicators.From(period, by), ct);
                    // The workbook is built whole (aggregate tables are small); ClosedXML writes a zip that needs a seekable stream.
                    using var file = new MemoryStream();
                    using (var workbook = Workbook(report))
                    {
                        workbook.SaveAs(file);
                    }

                    http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                    http.Response.Headers.ContentDisposition = $"attachment; filename=\"finsam-indikatorer-{report.Period}-{report.By}.xlsx\"";
                    file.Position = 0;
                    await file.CopyToAsync(await Streamed(access), ct);
                    return Results.Empty;
                })
            .RequireFollowUpReader()
            .WithMetadata(new StreamedAfterLogging())
            .WithName("ExportIndicatorsXlsx")
            .WithTags("FollowUp")
            .WithSummary("The indicator tables as XLSX")
            .WithDescription("One sheet per table (named by its code) with its title, header, rows and totals, and a first sheet naming the period, " +
                "dimension and threshold. Suppressed cells hold the text \"<5\" or \"..\"." + Description)
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblems(StatusCodes.Status403Forbidden);
    }

    /// <summary>Stores the export's access-log row, then hands back the body to stream to.</summary>
    internal static Task<Stream> Streamed(AccessContext access) =>
        (access.LogAndStream ?? throw new InvalidOperationException("A streamed export needs the access-log middleware in front of it."))();

    /// <summary>A CSV field: quoted when it holds the separator, a quote or a line break.</summary>
    internal static string Field(string? text) =>
        text is null ? "" : text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static async Task WriteCsv(IndicatorReport report, StreamWriter writer)
    {
        await writer.WriteLineAsync($"# Finsam indikatorer;period {report.Period};{report.From:yyyy-MM-dd}–{report.AsOf:yyyy-MM-dd};per {report.By};värden 1–{report.Threshold - 1} visas som <{report.Threshold}");
        foreach (var table in report.Tables)
        {
            await writer.WriteLineAsync();
            await writer.WriteLineAsync($"# {Field(table.Code)};{Field(table.Title)}");
            await writer.WriteLineAsync(string.Join(';', new[] { table.RowHeader }.Concat(table.Columns).Append("Totalt").Select(Field)));
            foreach (var row in table.Rows.Append(table.Total))
            {
                await writer.WriteLineAsync(string.Join(';', new[] { row.Key }.Concat(row.Cells.Select(c => c.Display)).Append(row.Total.Display).Select(Field)));
            }
        }

        foreach (var table in report.Statistics)
        {
            await writer.WriteLineAsync();
            await writer.WriteLineAsync($"# {Field(table.Code)};{Field(table.Title)}");
            await writer.WriteLineAsync($"{Field(table.RowHeader)};Antal;Median (dagar);90:e percentilen (dagar)");
            foreach (var row in table.Rows.Append(table.Total))
            {
                await writer.WriteLineAsync($"{Field(row.Key)};{row.Count.Display};{Number(row.Median)};{Number(row.P90)}");
            }
        }
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "..";

    private static XLWorkbook Workbook(IndicatorReport report)
    {
        var workbook = new XLWorkbook();
        var about = workbook.Worksheets.Add("Om");
        Text(about.Cell(1, 1), "Finsam indikatorer");
        Text(about.Cell(2, 1), "Period");
        Text(about.Cell(2, 2), $"{report.Period} ({report.From:yyyy-MM-dd}–{report.AsOf:yyyy-MM-dd})");
        Text(about.Cell(3, 1), "Per");
        Text(about.Cell(3, 2), report.By.ToString());
        Text(about.Cell(4, 1), "Undertryckning");
        Text(about.Cell(4, 2), $"värden 1–{report.Threshold - 1} visas som <{report.Threshold}; \"..\" döljs så att ingen summa avslöjar dem");
        foreach (var table in report.Tables)
        {
            var sheet = workbook.Worksheets.Add(SheetName(table.Code));
            Text(sheet.Cell(1, 1), table.Title);
            var header = new[] { table.RowHeader }.Concat(table.Columns).Append("Totalt").ToList();
            for (var c = 0; c < header.Count; c++)
            {
                Text(sheet.Cell(2, c + 1), header[c]);
            }

            var r = 3;
            foreach (var row in table.Rows.Append(table.Total))
            {
                Text(sheet.Cell(r, 1), row.Key);
                var cells = row.Cells.Append(row.Total).ToList();
                for (var c = 0; c < cells.Count; c++)
                {
                    Put(sheet.Cell(r, c + 2), cells[c]);
                }

                r++;
            }
        }

        foreach (var table in report.Statistics)
        {
            var sheet = workbook.Worksheets.Add(SheetName(table.Code));
            Text(sheet.Cell(1, 1), table.Title);
            string[] header = [table.RowHeader, "Antal", "Median (dagar)", "90:e percentilen (dagar)"];
            for (var c = 0; c < header.Length; c++)
            {
                Text(sheet.Cell(2, c + 1), header[c]);
            }

            var r = 3;
            foreach (var row in table.Rows.Append(table.Total))
            {
                Text(sheet.Cell(r, 1), row.Key);
                Put(sheet.Cell(r, 2), row.Count);
                Put(sheet.Cell(r, 3), row.Median);
                Put(sheet.Cell(r, 4), row.P90);
                r++;
            }
        }

        return workbook;
    }

    // A number where published, else the suppression mark as text.
    private static void Put(IXLCell cell, IndicatorCell value)
    {
        if (value.Value is { } v)
        {
            cell.Value = v;
        }
        else
        {
            Text(cell, value.Display);
        }
    }

    private static void Put(IXLCell cell, int? days)
    {
        if (days is { } d)
        {
            cell.Value = d;
        }
        else
        {
            Text(cell, "..");
        }
    }

    // As text, so ClosedXML does not read "2026-02" as a date or "<5" as anything but what it says.
    private static void Text(IXLCell cell, string text)
    {
        cell.Value = text;
        cell.DataType = XLDataType.Text;
    }

    // Sheet names are at most 31 characters.
    private static string SheetName(string code) => code.Length <= 31 ? code : code[..31];
}
