using System.Globalization;

namespace Finsam.Samordning.Domain.Individuals;

/// <summary>
/// A Swedish personnummer or samordningsnummer (the day of birth plus 60), validated by date and
/// check digit (Luhn over the ten-digit form). Held as twelve digits, YYYYMMDDNNNC. Never logged:
/// <see cref="ToString"/> masks it.
/// </summary>
public sealed record Personnummer
{
    private Personnummer(string digits, DateOnly birthDate, bool isSamordningsnummer)
    {
        Digits = digits;
        BirthDate = birthDate;
        IsSamordningsnummer = isSamordningsnummer;
    }

    /// <summary>Twelve digits, YYYYMMDDNNNC (the samordningsnummer keeps its day + 60).</summary>
    public string Digits { get; }

    /// <summary>The date of birth it encodes.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>True for a samordningsnummer.</summary>
    public bool IsSamordningsnummer { get; }

    /// <summary>Parses YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, YYMMDD+NNNN (100 years or older) or YYMMDDNNNN.</summary>
    /// <param name="input">What the caller typed.</param>
    /// <param name="today">Today, to place a ten-digit number in its century.</param>
    /// <param name="result">The number, when valid.</param>
    /// <param name="error">Why it is not valid; never quotes the input.</param>
    public static bool TryParse(string? input, DateOnly today, out Personnummer? result, out string? error)
    {
        result = null;
        error = null;
        var text = (input ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        var hundredPlus = text.Contains('+', StringComparison.Ordinal);
        var digits = text.Replace("-", "", StringComparison.Ordinal).Replace("+", "", StringComparison.Ordinal);
        if (digits.Length is not (10 or 12) || !digits.All(char.IsAsciiDigit) || text.Count(c => c is '-' or '+') > 1
            || (text.IndexOfAny(['-', '+']) is var separator && separator >= 0 && separator != text.Length - 5))
        {
            error = "Give a personnummer or samordningsnummer as YYYYMMDD-NNNN (or YYMMDD-NNNN).";
            return false;
        }

        var twelve = digits.Length == 12;
        var tail = twelve ? digits[2..] : digits;
        var month = int.Parse(tail.Substring(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(tail.Substring(4, 2), CultureInfo.InvariantCulture);
        var samordning = day > 60;
        if (samordning)
        {
            day -= 60;
        }

        int year;
        if (twelve)
        {
            year = int.Parse(digits[..4], CultureInfo.InvariantCulture);
        }
        else
        {
            // The ten-digit form names the latest such birthday on or before today ('-'), or the
            // latest at least a hundred years back ('+'): the same person as the twelve-digit form.
            var yy = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            year = today.Year - ((today.Year - yy) % 100 + 100) % 100;
            if (year == today.Year && (month, day).CompareTo((today.Month, today.Day)) > 0)
            {
                year -= 100;
            }

            if (hundredPlus)
            {
                year -= 100;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = "The date in the number does not exist (for a samordningsnummer the day is the day of birth plus 60).";
            return false;
        }

        var birth = new DateOnly(year, month, day);
        if (birth > today)
        {
            error = "The date of birth in the number lies in the future.";
            return false;
        }

        if (!Luhn(tail))
        {
            error = "The check digit (the last digit) does not match: the number is mistyped.";
            return false;
        }

        result = new Personnummer(year.ToString("D4", CultureInfo.InvariantCulture)[..2] + tail, birth, samordning);
        return true;
    }

    /// <summary>Masked, so a stray log line cannot leak it.</summary>
    public override string ToString() => "YYYYMMDD-****";

    private static bool Luhn(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = tenDigits[i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
