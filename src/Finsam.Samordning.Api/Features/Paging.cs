namespace Finsam.Samordning.Api.Features;

/// <summary>A page of a list, for endpoints that take no request object to validate: the same limits, the same 400.</summary>
/// <param name="Number">Page number, from 1.</param>
/// <param name="Size">Page size.</param>
public sealed record Paging(int Number, int Size)
{
    /// <summary>Rows to skip before the page.</summary>
    public int Skip => (Number - 1) * Size;

    /// <summary>The page asked for (page 1 of 50 when left out); a 400 naming page or pageSize when out of range.</summary>
    public static Paging Of(int? page, int? pageSize)
    {
        var paging = new Paging(page ?? 1, pageSize ?? 50);
        Rules.ValidateAndThrow(paging);
        return paging;
    }

    private static readonly InlineValidator<Paging> Rules = Create();

    private static InlineValidator<Paging> Create()
    {
        var rules = new InlineValidator<Paging>();
        rules.RuleFor(p => p.Number).PageNumber().WithName("page").OverridePropertyName("page");
        rules.RuleFor(p => p.Size).PageSize().WithName("pageSize").OverridePropertyName("pageSize");
        return rules;
    }
}
