namespace Finsam.Samordning.Domain.Tests;

/// <summary>
/// The calendar every specification counts in: day 0 is Monday 2 February 2026 and day n is n days
/// later. Imported everywhere (see the project file), so a spec writes <c>Day0</c> and <c>Day(14)</c>.
/// </summary>
public static class Days
{
    public static readonly DateOnly Day0 = new(2026, 2, 2);

    public static DateOnly Day(int n) => Day0.AddDays(n);
}
