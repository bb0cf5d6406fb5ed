using System.Collections.Concurrent;
using System.Reflection;

namespace Finsam.Samordning.Domain.Cases;

/// <summary>
/// Marks an event as information of <paramref name="category"/>: another party reads a party's entries
/// of it only under a consent that names that category. Declared on the event, so a new kind of entry
/// is secret from the day it is written, in the same file as its decision.
/// </summary>
/// <param name="category">The category a consent must name.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SecretAsAttribute(InformationCategory category) : Attribute
{
    /// <summary>The category a consent must name.</summary>
    public InformationCategory Category { get; } = category;
}

/// <summary>Which category of information each kind of entry belongs to.</summary>
public static class InformationCategories
{
    private static readonly ConcurrentDictionary<Type, InformationCategory?> ByEvent = new();

    /// <summary>
    /// The category of an event type (its <see cref="SecretAsAttribute"/>); null for the case's own
    /// particulars (opening, parties and who carries the plan, consents, flags, closing), which every
    /// party related to the case may know.
    /// </summary>
    public static InformationCategory? Of(Type eventType) =>
        ByEvent.GetOrAdd(eventType, static t => t.GetCustomAttribute<SecretAsAttribute>()?.Category);
}
