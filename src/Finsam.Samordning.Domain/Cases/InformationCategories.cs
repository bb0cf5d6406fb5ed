using System.Reflection;

namespace Finsam.Samordning.Domain.Cases;

/// <summary>
/// Marks an event as information of <paramref name="category"/>: in the case's history, and in the
/// inbox notices about it, another party sees a party's entry of it only under a consent that names that
/// category. Declared on the event, in the same file as its decision. The overview is filtered section by
/// section by the secrecy module (<c>CaseSecrecy.Overview</c>): a new section needs its line there.
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
    // Read once from the event types the store registers: a lookup per notice and history entry after that.
    private static readonly Dictionary<Type, InformationCategory> ByEvent = CaseEventTypes.All
        .Select(t => (Type: t, Secret: t.GetCustomAttribute<SecretAsAttribute>()))
        .Where(x => x.Secret is not null)
        .ToDictionary(x => x.Type, x => x.Secret!.Category);

    /// <summary>
    /// The category of an event type (its <see cref="SecretAsAttribute"/>); null for the case's own
    /// particulars (opening, parties and who carries the plan, consents, flags, closing), which every
    /// party related to the case may know.
    /// </summary>
    public static InformationCategory? Of(Type eventType) => ByEvent.TryGetValue(eventType, out var category) ? category : null;
}
