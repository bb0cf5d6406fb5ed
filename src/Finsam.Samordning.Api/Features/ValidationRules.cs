namespace Finsam.Samordning.Api.Features;

/// <summary>Rules shared by the slices' validators, so limits are the same everywhere (see README, "Input limits").</summary>
public static class ValidationRules
{
    /// <summary>How far ahead a planned date may lie.</summary>
    public const int MaxYearsAhead = 5;

    /// <summary>A date on which something already happened: required, not before the earliest date, not in the future.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> Happened<T>(this IRuleBuilder<T, DateOnly?> rule, BusinessCalendar calendar) =>
        rule.NotNull().HappenedIfGiven(calendar);

    /// <summary>An optional date of something that happened (today when left out): not before the earliest date, not in the future.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> HappenedIfGiven<T>(this IRuleBuilder<T, DateOnly?> rule, BusinessCalendar calendar) =>
        rule.Must(d => d is null || d >= Limits.EarliestDate).WithMessage($"{{PropertyName}} cannot be before {Limits.EarliestDate:yyyy-MM-dd}.")
            .Must(d => d is null || d <= calendar.Today).WithMessage("{PropertyName} cannot be in the future: it records something that happened.");

    /// <summary>A four-digit kommunkod (SCB); required unless <paramref name="optional"/>.</summary>
    public static IRuleBuilderOptions<T, string?> MunicipalityCode<T>(this IRuleBuilder<T, string?> rule, bool optional = false) =>
        rule.Must(code => (optional && code is null) || (code is { Length: 4 } && code.All(char.IsAsciiDigit)))
            .WithMessage("{PropertyName} must be a four-digit kommunkod, e.g. 1282.");

    /// <summary>A required unit name (a party's team or office).</summary>
    public static IRuleBuilderOptions<T, string?> RequiredUnit<T>(this IRuleBuilder<T, string?> rule) => Required(rule, Limits.Unit);

    /// <summary>A page number of a list, from 1.</summary>
    public static IRuleBuilderOptions<T, int> PageNumber<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, Limits.MaxPage);

    /// <summary>A list's page size, 1 to <paramref name="max"/>.</summary>
    public static IRuleBuilderOptions<T, int> PageSize<T>(this IRuleBuilder<T, int> rule, int max = Limits.PageSize) =>
        rule.InclusiveBetween(1, max);

    /// <summary>A date something is planned for: may be in the future, within reason.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> PlannedDate<T>(this IRuleBuilder<T, DateOnly?> rule, BusinessCalendar calendar) =>
        rule.Must(d => d is null || d >= Limits.EarliestDate).WithMessage($"{{PropertyName}} cannot be before {Limits.EarliestDate:yyyy-MM-dd}.")
            .Must(d => d is null || d <= calendar.Today.AddYears(MaxYearsAhead)).WithMessage($"{{PropertyName}} cannot be more than {MaxYearsAhead} years ahead.");

    /// <summary>A required short text (reason, label, unit).</summary>
    public static IRuleBuilderOptions<T, string?> RequiredShortText<T>(this IRuleBuilder<T, string?> rule) => Required(rule, Limits.ShortText);

    /// <summary>A required free text (decisions, descriptions).</summary>
    public static IRuleBuilderOptions<T, string?> RequiredLongText<T>(this IRuleBuilder<T, string?> rule) => Required(rule, Limits.LongText);

    /// <summary>An optional free text.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalLongText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Limits.LongText);

    // Text that must be there (not blank) and fit its limit.
    private static IRuleBuilderOptions<T, string?> Required<T>(IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("{PropertyName} is required.").MaximumLength(maxLength);

    /// <summary>A required enum value.</summary>
    public static IRuleBuilderOptions<T, TEnum?> RequiredEnum<T, TEnum>(this IRuleBuilder<T, TEnum?> rule)
        where TEnum : struct, Enum =>
        rule.NotNull().IsInEnum();
}

/// <summary>How request text becomes domain text.</summary>
public static class Input
{
    /// <summary>Optional text, trimmed; blank reads as none.</summary>
    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
