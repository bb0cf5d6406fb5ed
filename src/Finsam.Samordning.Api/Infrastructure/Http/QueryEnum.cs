using FluentValidation.Results;

namespace Finsam.Samordning.Api.Infrastructure.Http;

/// <summary>
/// Enum values in query strings, matched without regard to case (<c>status=open</c> and
/// <c>status=Open</c> alike) and by name only: a number is not a value.
/// </summary>
public static class QueryEnum
{
    /// <summary>The value named by <paramref name="text"/>, null when absent; a 400 naming the parameter otherwise.</summary>
    public static T? Parse<T>(string? text, string parameter)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            throw new ValidationException([new ValidationFailure(parameter, $"{parameter} must be one of: {string.Join(", ", Enum.GetNames<T>())}.")]);
        }

        return Enum.Parse<T>(name);
    }
}
