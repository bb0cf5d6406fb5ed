namespace Finsam.Samordning.Domain.Cases;

/// <summary>How a party stands to a case; secrecy starts here, before any consent is asked.</summary>
public enum RelationKind
{
    /// <summary>No relation: to this party the case does not exist.</summary>
    None,

    /// <summary>Referred or invited and not yet answered: sees the case exists, who is on it, and what was sent to it.</summary>
    Pending,

    /// <summary>Was on the case and left: keeps its own entries, sees nothing of others'.</summary>
    Former,

    /// <summary>On the case: its own entries, and others' where their confirmed consent opens them.</summary>
    Member,
}

/// <summary>The relation rule, as a pure function of who is, was, or is asked to be on the case.</summary>
public static class Relation
{
    /// <summary>The strongest relation <paramref name="party"/> has to the case.</summary>
    /// <param name="party">The party asking.</param>
    /// <param name="memberships">Parties that are or were on the case, and whether they are on it now.</param>
    /// <param name="pendingTo">Parties with an unanswered referral or invitation to the case.</param>
    public static RelationKind Of(PartyCode party, IEnumerable<(PartyCode Party, bool Active)> memberships, IEnumerable<PartyCode> pendingTo)
    {
        var membership = memberships.Where(m => m.Party == party).ToList();
        if (membership.Any(m => m.Active))
        {
            return RelationKind.Member;
        }

        if (pendingTo.Contains(party))
        {
            return RelationKind.Pending;
        }

        return membership.Count > 0 ? RelationKind.Former : RelationKind.None;
    }
}
