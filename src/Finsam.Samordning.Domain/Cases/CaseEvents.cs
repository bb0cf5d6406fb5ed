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

/// <summary>A samordningsärende was opened.</summary>
/// <param name="CaseId">Case id (stream id).</param>
/// <param name="IndividualId">The individual, by id only: personal data never enters case events.</param>
/// <param name="MunicipalityCode">Four-digit municipality code (kommunkod), e.g. 1282 for Landskrona.</param>
/// <param name="TargetGroups">The target groups the person belongs to.</param>
/// <param name="OpeningParty">The party that opened the case.</param>
/// <param name="OpenedOn">Business date of the opening.</param>
public sealed record CaseOpened(
    Guid CaseId,
    Guid? IndividualId,
    string MunicipalityCode,
    IReadOnlyList<TargetGroup> TargetGroups,
    PartyCode OpeningParty,
    DateOnly OpenedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => OpenedOn;
}
