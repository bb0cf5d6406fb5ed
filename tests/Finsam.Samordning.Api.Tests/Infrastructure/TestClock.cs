using System.Globalization;

namespace Finsam.Samordning.Api.Tests.Infrastructure;

/// <summary>A clock tests move by hand: time rules are tested by moving it, never by sleeping.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private DateTimeOffset _now = start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => _now += by;

    /// <summary>Sets the clock.</summary>
    public void Set(DateTimeOffset now) => _now = now;

    /// <summary>Sets the clock to a time of day in Sweden, summer time included.</summary>
    public void SetSwedish(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        Set(new DateTimeOffset(local, Sweden.GetUtcOffset(local)));
    }
}

/// <summary>
/// The days of a case counted from its day 0, for tests that walk a case through time: day n as a
/// request carries it, and the API's clock set to it.
/// </summary>
public sealed class CaseDays(TestClock clock, DateOnly day0)
{
    /// <summary>Day <paramref name="day"/> as yyyy-MM-dd, the way bodies and queries carry a date.</summary>
    public string this[int day] => Date(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Day <paramref name="day"/> as a date.</summary>
    public DateOnly Date(int day) => day0.AddDays(day);

    /// <summary>Sets the API's clock to 10:00 Swedish time on day <paramref name="day"/>: it is then that day's business date.</summary>
    public void GoTo(int day) => clock.SetSwedish(Date(day), new TimeOnly(10, 0));
}
