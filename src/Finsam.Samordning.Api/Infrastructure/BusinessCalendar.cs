namespace Finsam.Samordning.Api.Infrastructure;

/// <summary>Today's business date in the förbund's time zone, from the injected <see cref="TimeProvider"/>.</summary>
public sealed class BusinessCalendar(TimeProvider time, Microsoft.Extensions.Options.IOptions<FinsamOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The current instant.</summary>
    public DateTimeOffset Now => time.GetUtcNow().ToUniversalTime();

    /// <summary>Today's date in the förbund's time zone: a case logged at 00:30 in Sweden belongs to that day.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);
}
