namespace Finsam.Samordning.Api.Features;

/// <summary>Length and range limits on input, documented in the README.</summary>
public static class Limits
{
    /// <summary>A unit name.</summary>
    public const int Unit = 200;

    /// <summary>A short reason or label.</summary>
    public const int ShortText = 200;

    /// <summary>Free text such as decisions or notes.</summary>
    public const int LongText = 4000;

    /// <summary>An Idempotency-Key header.</summary>
    public const int IdempotencyKey = 200;

    /// <summary>No business date before this is accepted.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
}
