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

    /// <summary>The largest page size of a list (the access log's own is larger: auditors read it in bulk).</summary>
    public const int PageSize = 200;

    /// <summary>The highest page number of a list.</summary>
    public const int MaxPage = 100_000;


    /// <summary>No business date before this is accepted.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
}
