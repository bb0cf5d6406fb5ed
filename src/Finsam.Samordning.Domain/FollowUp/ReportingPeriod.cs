using System.Globalization;
using System.Text.RegularExpressions;

namespace Finsam.Samordning.Domain.FollowUp;

/// <summary>A reporting period: a month (2026-03), a tertial (2026-T1: January–April) or a year (2026).</summary>
/// <param name="Code">As written: yyyy, yyyy-Tn or yyyy-MM.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
public sealed partial record ReportingPeriod(string Code, DateOnly From, DateOnly To)
{
    /// <summary>Parses a period code; null when it is not one.</summary>
    public static ReportingPeriod? Parse(string? code)
    {
        var m = code is null ? null : Pattern().Match(code.Trim());
        if (m is not { Success: true } || !int.TryParse(m.Groups["y"].Value, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 9000)
        {
            return null;
        }

        if (m.Groups["t"].Success)
        {
            var t = int.Parse(m.Groups["t"].Value, CultureInfo.InvariantCulture);
            return t is < 1 or > 3 ? null : new ReportingPeriod($"{year}-T{t}", new DateOnly(year, (t - 1) * 4 + 1, 1), new DateOnly(year, t * 4, 1).AddMonths(1).AddDays(-1));
        }

        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            return month is < 1 or > 12 ? null : new ReportingPeriod($"{year}-{month:00}", new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));
        }

        return new ReportingPeriod($"{year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    [GeneratedRegex("^(?<y>[0-9]{4})(-(T(?<t>[0-9])|(?<m>[0-9]{2})))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
