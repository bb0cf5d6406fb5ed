namespace Finsam.Samordning.Domain.Cases;

/// <summary>
/// Every event in a case stream. <see cref="BusinessDate"/> is the day the thing happened in the
/// world, which is not the server timestamp: handläggare log yesterday's home visit today.
/// </summary>
public interface ICaseEvent
{
    /// <summary>The case (stream) this event belongs to.</summary>
    Guid CaseId { get; }

    /// <summary>The day the recorded fact happened.</summary>
    DateOnly BusinessDate { get; }
}

/// <summary>The concrete case event types, for the store to register and the case file to fold.</summary>
public static class CaseEventTypes
{
    /// <summary>Every non-abstract <see cref="ICaseEvent"/> of this assembly.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        .. typeof(ICaseEvent).Assembly.GetTypes()
            .Where(t => typeof(ICaseEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }),
    ];
}
