using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace Finsam.Samordning.Api.Infrastructure.Http;

/// <summary>
/// Checks every <c>/api/v1</c> request's bound input before any handler: no control characters
/// other than tab, line feed and carriage return in any text (PostgreSQL refuses NUL, and the others
/// have no place in a case record), and no list longer than <see cref="MaxListItems"/>. A refusal is
/// a 400 naming the field as the JSON body or query string names it.
/// </summary>
public sealed class InputHygieneFilter : IEndpointFilter
{
    /// <summary>The most items a list in a request may hold.</summary>
    public const int MaxListItems = 100;

    private const int MaxDepth = 6;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var failures = new List<ValidationFailure>();
        foreach (var (key, values) in context.HttpContext.Request.Query)
        {
            foreach (var value in values)
            {
                CheckText(failures, key, value);
            }
        }

        var services = context.HttpContext.RequestServices.GetService<IServiceProviderIsService>();
        foreach (var argument in context.Arguments)
        {
            if (argument is null or string || services?.IsService(argument.GetType()) == true)
            {
                continue;
            }

            if (IsOurs(argument.GetType()))
            {
                Walk(failures, argument, "", 0);
            }
            else if (argument is IEnumerable list and not IDictionary)
            {
                // A body that is a list itself (the stall rules): its items are named [0], [1], ...
                Visit(failures, list, "", 0);
            }
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : next(context);
    }

    /// <summary>Whether a text holds a character refused in input.</summary>
    public static bool HasControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckText(List<ValidationFailure> failures, string field, string? text)
    {
        if (text is not null && HasControlCharacter(text))
        {
            failures.Add(new ValidationFailure(field, "Control characters other than tab and line breaks are not allowed."));
        }
    }

    private static void Walk(List<ValidationFailure> failures, object value, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(value.GetType(), Readable))
        {
            var field = path.Length == 0 ? JsonName(property.Name) : $"{path}.{JsonName(property.Name)}";
            var item = property.GetValue(value);
            Visit(failures, item, field, depth);
        }
    }

    private static void Visit(List<ValidationFailure> failures, object? item, string field, int depth)
    {
        switch (item)
        {
            case null:
                return;
            case string text:
                CheckText(failures, field, text);
                return;
            case IEnumerable list when item is not IDictionary:
                var index = 0;
                foreach (var element in list)
                {
                    if (index == MaxListItems)
                    {
                        failures.Add(new ValidationFailure(field, $"At most {MaxListItems} items are allowed."));
                        return;
                    }

                    Visit(failures, element, $"{field}[{index}]", depth + 1);
                    index++;
                }

                return;
            default:
                if (IsOurs(item.GetType()))
                {
                    Walk(failures, item, field, depth + 1);
                }

                return;
        }
    }

    // Bodies and query records are our own types; the caller, services and framework types are not input.
    private static bool IsOurs(Type type) =>
        type is { IsClass: true } && type.Namespace?.StartsWith("Finsam.Samordning", StringComparison.Ordinal) == true
        && type.Namespace?.Contains(".Infrastructure", StringComparison.Ordinal) != true;

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray();

    private static string JsonName(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
