using System.Security.Cryptography;
using System.Text;

namespace Finsam.Samordning.Api.Features.FollowUp;

/// <summary>One line of the participant file: an insats with its SUS data, or an anonymous participant.</summary>
/// <param name="CaseId">The case (for the access log only; never written).</param>
/// <param name="Fields">The line's fields, in <see cref="ExportParticipants.Header"/> order.</param>
public sealed record ParticipantLine(Guid? CaseId, IReadOnlyList<string> Fields);

/// <summary>
/// The pseudonymised participant-level file for the förbund's own analysis and for reporting to SUS:
/// one line per insats with SUS start data that ran in the period. No names, no personnummer, no
/// case or individual ids: the participant is a keyed hash of their id under the export key, the
/// same for the same key and unlinkable between keys. A line carries the participant's data only
/// where a consent names the förbund and the insats' party has confirmed it for insatser (as the
/// overview decides, in <see cref="Secrecy.CaseSecrecy"/>); otherwise, and for participants counted
/// anonymously, only party, insats kind, start year and sex, as SUS counts them.
/// </summary>
/// <param name="Period">yyyy, yyyy-Tn or yyyy-MM.</param>
/// <param name="ExportKey">Pseudonyms are stable per export key.</param>
public sealed record ExportParticipants(string? Period, string? ExportKey) : IRequest<IReadOnlyList<ParticipantLine>>
{
    /// <summary>The file's columns.</summary>
    public static readonly string[] Header =
    [
        "deltagare", "anonym", "part", "insats", "startar", "kon", "folkbokforingskommun", "utbildning", "tid_offentlig_forsorjning",
        "forsorjning_fore", "sysselsattning_fore", "omfattning_fore_procent", "startdatum", "slutdatum", "avslut", "avbrottsorsak",
        "forsorjning_efter", "sysselsattning_efter", "omfattning_efter_procent",
    ];

    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapGet("/follow-up/participants.csv",
                async (string? period, string? exportKey, HttpContext http, IMediator mediator, AccessContext access, CancellationToken ct) =>
                {
                    var lines = await mediator.Send(new ExportParticipants(period, exportKey), ct);
                    // The access log names every case whose data went into the file, though the file names none.
                    access.ShownCaseIds = [.. lines.Select(l => l.CaseId).OfType<Guid>().Distinct()];
                    http.Response.ContentType = "text/csv; charset=utf-8";
                    http.Response.Headers.ContentDisposition = $"attachment; filename=\"finsam-deltagare-{ReportingPeriod.Parse(period)!.Code}.csv\"";
                    await using var writer = new StreamWriter(await IndicatorExports.Streamed(access), new UTF8Encoding(true), 16 * 1024);
                    await writer.WriteLineAsync(string.Join(';', Header));
                    foreach (var line in lines)
                    {
                        await writer.WriteLineAsync(string.Join(';', line.Fields.Select(IndicatorExports.Field)));
                    }

                    return Results.Empty;
                })
            .RequireFollowUpReader()
            .WithMetadata(new StreamedAfterLogging())
            .WithName("ExportParticipants")
            .WithTags("FollowUp")
            .WithSummary("The pseudonymised participant file (CSV)")
            .WithDescription("One line per insats with SUS start data that ran in the period (period=2026, 2026-T1 or 2026-03), with its start and end data " +
                "as SUS registers them, and one line per participant counted anonymously with a start year in the period. No names, personnummer or ids: " +
                "'deltagare' is a keyed hash of the person under exportKey, stable for the same key and unlinkable between keys. Where no consent names the " +
                "förbund for the insats' party, the line holds party, insats, start year and sex only (anonym = ja). Registrations in error are left out. " +
                "Streamed, semicolon-separated, UTF-8 with BOM. Samverkansledare and administrator only; the access log records the export with the cases in it.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(StatusCodes.Status403Forbidden);
    }

    internal sealed class Validator : AbstractValidator<ExportParticipants>
    {
        public Validator()
        {
            RuleFor(q => q.Period).Must(p => ReportingPeriod.Parse(p) is not null)
                .WithMessage("period must be a year (2026), a tertial (2026-T1) or a month (2026-03).");
            RuleFor(q => q.ExportKey).Must(k => !string.IsNullOrWhiteSpace(k)).WithMessage("exportKey is required: pseudonyms are stable per export key.")
                .MaximumLength(Limits.ShortText);
        }
    }

    internal sealed class Handler(FollowUpReader reader, BusinessCalendar calendar, Secrecy.CaseSecrecy secrecy, IOptions<CryptoOptions> crypto)
        : IRequestHandler<ExportParticipants, IReadOnlyList<ParticipantLine>>
    {
        public async Task<IReadOnlyList<ParticipantLine>> Handle(ExportParticipants request, CancellationToken cancellationToken)
        {
            var period = ReportingPeriod.Parse(request.Period)!;
            var asOf = period.To < calendar.Today ? period.To : calendar.Today;
            // A key per export key, derived from the server's look-up key under a label of its own: the
            // förbund cannot reverse a pseudonym, and two export keys give unrelated pseudonyms.
            var key = HMACSHA256.HashData(Convert.FromBase64String(crypto.Value.LookupKey), Encoding.UTF8.GetBytes("finsam:participant-export:v1:" + request.ExportKey!.Trim()));
            string Pseudonym(Guid id) => Convert.ToHexStringLower(HMACSHA256.HashData(key, id.ToByteArray()))[..20];

            var lines = new List<ParticipantLine>();
            foreach (var row in (await reader.CasesAsync(cancellationToken)).OrderBy(r => r.Id))
            {
                foreach (var insats in row.FollowUp.Insatser.Where(i => i.Start is { } s && s.RecordedOn <= asOf && !(i.EndedOn < period.From)).OrderBy(i => i.Id))
                {
                    var start = insats.Start!;
                    var end = insats.End is { } e && e.RecordedOn <= asOf ? e : null;
                    if (end?.End == ParticipantEnd.RegisteredInError)
                    {
                        continue;
                    }

                    var startedOn = insats.StartedOn is { } s2 && s2 <= asOf ? s2 : start.RecordedOn;
                    if (!secrecy.DisclosesToForbund(insats.Party, InformationCategory.InterventionsAndReferrals, row.Consents))
                    {
                        lines.Add(new ParticipantLine(row.Id, Anonymous(insats.Party.ToString(), insats.Kind, startedOn.Year, start.Sex)));
                        continue;
                    }

                    lines.Add(new ParticipantLine(row.Id,
                    [
                        Pseudonym(row.IndividualId ?? row.Id), "nej", insats.Party.ToString(), insats.Kind, $"{startedOn.Year}", start.Sex.ToString(),
                        start.HomeMunicipality, start.Education.ToString(), start.TimeOnSupport.ToString(),
                        string.Join('|', start.Before.IncomeSources), start.Before.Occupation.ToString(), $"{start.Before.ExtentPercent}",
                        $"{startedOn:yyyy-MM-dd}", insats.EndedOn is { } ended && ended <= asOf ? $"{ended:yyyy-MM-dd}" : "",
                        end?.End.ToString() ?? "", end?.Reason?.ToString() ?? "",
                        end?.After is { } after ? string.Join('|', after.IncomeSources) : "", end?.After?.Occupation.ToString() ?? "",
                        end?.After is { } a2 ? $"{a2.ExtentPercent}" : "",
                    ]));
                }
            }

            lines.AddRange((await reader.AnonymousAsync(cancellationToken))
                .Where(a => a.StartYear >= period.From.Year && a.StartYear <= asOf.Year)
                .OrderBy(a => a.StartYear).ThenBy(a => a.Party).ThenBy(a => a.Kind, StringComparer.Ordinal).ThenBy(a => a.Sex)
                .Select(a => new ParticipantLine(null, Anonymous(a.Party.ToString(), a.Kind, a.StartYear, a.Sex))));
            return lines;
        }

        private static string[] Anonymous(string party, string kind, int year, Sex sex) =>
            ["", "ja", party, kind, $"{year}", sex.ToString(), .. Enumerable.Repeat("", Header.Length - 6)];
    }
}
