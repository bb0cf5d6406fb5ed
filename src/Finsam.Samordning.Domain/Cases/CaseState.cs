namespace Finsam.Samordning.Domain.Cases;

/// <summary>A party's membership of a case as the decider needs it.</summary>
/// <param name="Party">Party code.</param>
/// <param name="Unit">Unit of the party.</param>
/// <param name="CaseworkerId">Current caseworker's user id.</param>
/// <param name="JoinedOn">When the party joined.</param>
public sealed record PartyMembership(PartyCode Party, string Unit, string CaseworkerId, DateOnly JoinedOn);

/// <summary>
/// The write model of a case: only what decisions need. Immutable; <see cref="Evolve"/> folds
/// one event into a new state.
/// </summary>
public sealed record CaseState
{
    /// <summary>Case id.</summary>
    public Guid Id { get; init; }

    /// <summary>Stream version this state reflects (set by the event store).</summary>
    public long Version { get; set; }

    /// <summary>Open or closed.</summary>
    public CaseStatus Status { get; init; }

    /// <summary>Business date the case was opened.</summary>
    public DateOnly OpenedOn { get; init; }

    /// <summary>Parties currently on the case.</summary>
    public IReadOnlyDictionary<PartyCode, PartyMembership> Parties { get; init; } =
        new Dictionary<PartyCode, PartyMembership>();

    /// <summary>Starts the state from the first event of the stream.</summary>
    public static CaseState Open(CaseOpened e) => new()
    {
        Id = e.CaseId,
        Status = CaseStatus.Open,
        OpenedOn = e.OpenedOn,
    };

    /// <summary>Folds one event into the state. Unknown events leave it unchanged.</summary>
    public static CaseState? Evolve(CaseState? state, object @event) => (state, @event) switch
    {
        (_, CaseOpened e) => Open(e),
        (null, _) => null,
        (var s, PartyJoined e) => s with
        {
            Parties = With(s.Parties, e.Party, new PartyMembership(e.Party, e.Unit, e.CaseworkerId, e.JoinedOn)),
        },
        var (s, _) => s,
    };

    private static IReadOnlyDictionary<PartyCode, PartyMembership> With(
        IReadOnlyDictionary<PartyCode, PartyMembership> parties, PartyCode key, PartyMembership value) =>
        new Dictionary<PartyCode, PartyMembership>(parties) { [key] = value };
}
