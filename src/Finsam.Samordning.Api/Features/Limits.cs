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

    /// <summary>An Idempotency-Key header (checked for every command by the idempotency behaviour).</summary>
    public const int IdempotencyKey = Infrastructure.Mediator.IdempotencyBehavior<object, object>.MaxKeyLength;

    /// <summary>No business date before this is accepted.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
}
