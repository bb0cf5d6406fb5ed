namespace Finsam.Samordning.Domain.Cases;

/// <summary>
/// The write model of a case: only what decisions need. Immutable; <see cref="Evolve"/> folds
/// one event into a new state.
/// </summary>
public sealed partial record CaseState
{
    /// <summary>Case id.</summary>
    public Guid Id { get; init; }

    /// <summary>Stream version this state reflects (set by the event store).</summary>
    public long Version { get; set; }

    /// <summary>The individual the case is about, if registered: their key seals the case's free text.</summary>
    public Guid? IndividualId { get; init; }

    /// <summary>Open or closed.</summary>
    public CaseStatus Status { get; init; }

    /// <summary>Business date the case was opened.</summary>
    public DateOnly OpenedOn { get; init; }

    /// <summary>Business date the case was (last) closed.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>Business date the case was last reopened.</summary>
    public DateOnly? ReopenedOn { get; init; }

    /// <summary>The target groups now.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];

    /// <summary>The insatser the last close ended, which a reopening names.</summary>
    public IReadOnlyList<Guid> EndedByLastClose { get; init; } = [];

    /// <summary>Follow-up records (SUS start and end data) by insats id.</summary>
    public IReadOnlyDictionary<Guid, FollowUp.ParticipantRecords> Participants { get; init; } = new Dictionary<Guid, FollowUp.ParticipantRecords>();

    /// <summary>
    /// The party that answers for a plan action: the responsible party, or for an action of an actor
    /// outside the förbund the party that named the actor (it works with them); null for the person.
    /// </summary>
    public PartyCode? AnsweringFor(Guid actionId) => Actions.GetValueOrDefault(actionId) is not { } a ? null
        : a.ResponsibleParty ?? (a.ResponsibleActor is { } actor ? External.Actors.GetValueOrDefault(actor)?.NamedBy : null);

    /// <summary>Whether <paramref name="party"/> is on the case now.</summary>
    public bool IsActiveParty(PartyCode party) => Parties.TryGetValue(party, out var m) && m.Active;

    /// <summary>How <paramref name="party"/> stands to the case.</summary>
    public RelationKind RelationOf(PartyCode party) => Relation.Of(party,
        Parties.Values.Select(m => (m.Party, m.Active)),
        Referrals.Values.Where(r => r.State == ReferralState.Pending).Select(r => r.To)
            .Concat(Invitations.Values.Where(i => !i.Answered).Select(i => i.Party)));

    /// <summary>Starts the state from the first event of the stream.</summary>
    public static CaseState Open(CaseOpened e) => new()
    {
        Id = e.CaseId,
        IndividualId = e.IndividualId,
        Status = CaseStatus.Open,
        OpenedOn = e.OpenedOn,
        TargetGroups = e.TargetGroups,
    };

    /// <summary>
    /// Folds one event into the state. Each area folds its own events beside its decisions
    /// (<c>Evolve&lt;Area&gt;</c> in <c>Parties.cs</c>, <c>Plan.cs</c>, ...); unknown events leave it unchanged.
    /// </summary>
    public static CaseState? Evolve(CaseState? state, object @event) => (state, @event) switch
    {
        (_, CaseOpened e) => Open(e),
        (null, _) => null,
        (var s, FollowUp.IFollowUpEvent e) => s with { Participants = FollowUp.ParticipantRecords.Apply(s.Participants, e) },
        (var s, ICaseEvent e) => EvolveParties(s, e) ?? EvolveConsents(s, e) ?? EvolveInterventions(s, e) ?? EvolveReferrals(s, e)
            ?? EvolvePlan(s, e) ?? EvolveSip(s, e) ?? EvolveLifecycle(s, e) ?? EvolveChairs(s, e) ?? EvolveExternal(s, e) ?? EvolveFlags(s, e) ?? s,
        var (s, _) => s,
    };
}

internal static class DictionaryExtensions
{
    public static IReadOnlyDictionary<TKey, TValue> Without<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> source, TKey key)
        where TKey : notnull
    {
        var copy = new Dictionary<TKey, TValue>(source);
        copy.Remove(key);
        return copy;
    }

    public static IReadOnlyDictionary<TKey, TValue> With<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> source, TKey key, TValue value)
        where TKey : notnull =>
        new Dictionary<TKey, TValue>(source) { [key] = value };
}
