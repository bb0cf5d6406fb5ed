namespace Finsam.Samordning.Domain.Cases;

// Parties on the case: invitations, joining, caseworkers, leaving.
// One area of the case: its events, commands and decisions, and the part of the decider's state
// they read. README, "How to add a command".

/// <summary>A party joined the case, with the unit and caseworker who carry it.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Party">The joining party.</param>
/// <param name="Unit">The party's unit (e.g. "Vårdcentralen Centrum").</param>
/// <param name="CaseworkerId">The caseworker's user id at that party.</param>
/// <param name="CaseworkerName">The caseworker's display name.</param>
/// <param name="JoinedOn">Business date of joining.</param>
public sealed record PartyJoined(
    Guid CaseId,
    PartyCode Party,
    string Unit,
    string CaseworkerId,
    string CaseworkerName,
    DateOnly JoinedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => JoinedOn;
}

/// <summary>Another caseworker now carries a party's part of the case.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Party">The party.</param>
/// <param name="CaseworkerId">New caseworker's user id.</param>
/// <param name="CaseworkerName">New caseworker's display name.</param>
/// <param name="AssignedOn">Business date.</param>
public sealed record CaseworkerAssigned(Guid CaseId, PartyCode Party, string CaseworkerId, string CaseworkerName, DateOnly AssignedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AssignedOn;
}

/// <summary>A party left the case, handing over to another party or to nobody.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Party">The leaving party.</param>
/// <param name="Reason">Why it left.</param>
/// <param name="HandedOverTo">The party that takes over its part, if any.</param>
/// <param name="LeftOn">Business date.</param>
public sealed record PartyLeft(Guid CaseId, PartyCode Party, string Reason, PartyCode? HandedOverTo, DateOnly LeftOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => LeftOn;
}

/// <summary>A party on the case invited another party to join it.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InvitationId">Invitation id.</param>
/// <param name="Party">The invited party.</param>
/// <param name="InvitedBy">The inviting party.</param>
/// <param name="Reason">Why it is asked to join.</param>
/// <param name="InvitedOn">Business date.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record PartyInvited(Guid CaseId, Guid InvitationId, PartyCode Party, PartyCode InvitedBy, string Reason, DateOnly InvitedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => InvitedOn;
}

/// <summary>The invited party accepted; it joins the case in the same command.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InvitationId">Invitation id.</param>
/// <param name="AcceptedOn">Business date.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record InvitationAccepted(Guid CaseId, Guid InvitationId, DateOnly AcceptedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AcceptedOn;
}

/// <summary>The invited party declined.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InvitationId">Invitation id.</param>
/// <param name="Reason">Why.</param>
/// <param name="DeclinedOn">Business date.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record InvitationDeclined(Guid CaseId, Guid InvitationId, string Reason, DateOnly DeclinedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => DeclinedOn;
}

/// <summary>Invite another party to join the case; it joins only by accepting.</summary>
public sealed record InviteParty(Guid InvitationId, PartyCode Party, string Reason, DateOnly InvitedOn) : CaseCommand;

/// <summary>Accept an invitation to the actor's party; the party joins the case with the unit that takes it on.</summary>
public sealed record AcceptInvitation(Guid InvitationId, string Unit, DateOnly AcceptedOn) : CaseCommand;

/// <summary>Decline an invitation to the actor's party.</summary>
public sealed record DeclineInvitation(Guid InvitationId, string Reason, DateOnly DeclinedOn) : CaseCommand;

/// <summary>Another caseworker takes over the actor's party's part of the case.</summary>
public sealed record AssignCaseworker(PartyCode Party, string CaseworkerId, string CaseworkerName, DateOnly AssignedOn) : CaseCommand;

/// <summary>The actor's party leaves the case.</summary>
public sealed record LeaveCase(PartyCode Party, string Reason, PartyCode? HandedOverTo, DateOnly LeftOn) : CaseCommand;

/// <summary>A party's membership of a case as the decider needs it.</summary>
/// <param name="Party">Party code.</param>
/// <param name="Unit">Unit of the party.</param>
/// <param name="CaseworkerId">Current caseworker's user id.</param>
/// <param name="JoinedOn">When the party (last) joined.</param>
/// <param name="LeftOn">When it left, if it has.</param>
public sealed record PartyMembership(PartyCode Party, string Unit, string CaseworkerId, DateOnly JoinedOn, DateOnly? LeftOn = null)
{
    /// <summary>True while the party is on the case.</summary>
    public bool Active => LeftOn is null;
}

/// <summary>An invitation to join the case as the decider needs it.</summary>
/// <param name="Id">Invitation id.</param>
/// <param name="Party">The invited party.</param>
/// <param name="InvitedBy">The inviting party.</param>
/// <param name="InvitedOn">Business date.</param>
/// <param name="Answered">Accepted or declined.</param>
public sealed record InvitationStatus(Guid Id, PartyCode Party, PartyCode InvitedBy, DateOnly InvitedOn, bool Answered = false);

public static partial class CaseDecider
{
    private static IReadOnlyList<ICaseEvent>? DecideParties(CaseCommand command, CaseState s) => command switch
    {
        InviteParty c => Invite(s, c),
        AcceptInvitation c => AcceptInvite(s, c),
        DeclineInvitation c => DeclineInvite(s, c),
        AssignCaseworker c => Assign(s, c),
        LeaveCase c => Leave(s, c),
        _ => null,
    };

    // Joining needs an accepted invitation (or referral): no party can put itself on a case and read it.
    private static IReadOnlyList<ICaseEvent> Invite(CaseState s, InviteParty c)
    {
        if (s.IsActiveParty(c.Party))
        {
            throw new CaseRuleViolation("party.already-on-case", $"{c.Party} is already on the case.");
        }

        // Only the inviter's own pending invitation counts: another party's may be withheld from it.
        if (s.Invitations.Values.Any(i => i.Party == c.Party && i.InvitedBy == c.By.Party && !i.Answered))
        {
            throw new CaseRuleViolation("invitation.pending", $"{c.Party} already has an unanswered invitation from {c.By.Party} to this case.");
        }

        return [Member(s, c.By, new PartyInvited(s.Id, c.InvitationId, c.Party, c.By.Party, c.Reason, c.InvitedOn))];
    }

    private static InvitationStatus PendingInvitation(CaseState s, Guid id, Actor by, DateOnly on, string field)
    {
        var invitation = s.Invitations.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No invitation {id} on this case.");
        if (invitation.Party != by.Party)
        {
            // Another party's invitation is not this party's business: as if it did not exist.
            throw new CaseEntryNotFound($"No invitation {id} on this case.");
        }

        if (invitation.Answered)
        {
            throw new CaseRuleViolation("invitation.already-answered", "The invitation has already been answered.");
        }

        NotBefore(on, invitation.InvitedOn, field, "the day the invitation was sent");
        return invitation;
    }

    private static IReadOnlyList<ICaseEvent> AcceptInvite(CaseState s, AcceptInvitation c)
    {
        PendingInvitation(s, c.InvitationId, c.By, c.AcceptedOn, "acceptedOn");
        if (s.Parties.GetValueOrDefault(c.By.Party)?.LeftOn is { } left)
        {
            NotBefore(c.AcceptedOn, left, "acceptedOn", "the day the party left");
        }

        // Two parties may have invited the same party: the second acceptance joins nobody again.
        return s.IsActiveParty(c.By.Party)
            ? [new InvitationAccepted(s.Id, c.InvitationId, c.AcceptedOn)]
            :
            [
                new InvitationAccepted(s.Id, c.InvitationId, c.AcceptedOn),
                new PartyJoined(s.Id, c.By.Party, c.Unit, c.By.UserId, c.By.DisplayName, c.AcceptedOn),
            ];
    }

    private static IReadOnlyList<ICaseEvent> DeclineInvite(CaseState s, DeclineInvitation c)
    {
        PendingInvitation(s, c.InvitationId, c.By, c.DeclinedOn, "declinedOn");
        return [new InvitationDeclined(s.Id, c.InvitationId, c.Reason, c.DeclinedOn)];
    }

    private static IReadOnlyList<ICaseEvent> Assign(CaseState s, AssignCaseworker c)
    {
        OwnParty(c.By, c.Party, "assign a caseworker for");
        MustBeOnCase(s, c.Party);
        if (s.Parties[c.Party].CaseworkerId == c.CaseworkerId)
        {
            // PUT semantics: assigning the caseworker who already carries the case changes nothing.
            return [];
        }

        return [new CaseworkerAssigned(s.Id, c.Party, c.CaseworkerId, c.CaseworkerName, c.AssignedOn)];
    }

    private static IReadOnlyList<ICaseEvent> Leave(CaseState s, LeaveCase c)
    {
        OwnParty(c.By, c.Party, "leave the case on behalf of");
        MustBeOnCase(s, c.Party);
        NotBefore(c.LeftOn, s.Parties[c.Party].JoinedOn, "leftOn", "the day the party joined");
        if (c.HandedOverTo is { } to)
        {
            if (to == c.Party)
            {
                throw new CaseRuleViolation("party.handover-to-self", $"{c.Party} cannot hand over to itself.");
            }

            if (!s.IsActiveParty(to))
            {
                throw new CaseRuleViolation("party.handover-not-on-case",
                    $"{to} is not on the case; it must join (or accept a referral) before {c.Party} can hand over to it.");
            }
        }

        var open = s.Interventions.Values.Where(i => i.Party == c.Party && i.IsOpen).ToList();
        if (open.Count > 0)
        {
            throw new CaseRuleViolation("party.has-open-interventions",
                $"{c.Party} still has {Describe(open)}. End or cancel them before leaving, so nobody believes they run.");
        }

        var waiting = s.Referrals.Values.Count(r => r.To == c.Party && r.State == ReferralState.Pending);
        if (waiting > 0)
        {
            throw new CaseRuleViolation("party.has-pending-referrals",
                $"{waiting} referral(s) to {c.Party} are still unanswered. Accept or decline them before leaving, so the sender is not left waiting.");
        }

        var actions = s.Actions.Values.Count(a => a.ResponsibleParty == c.Party && a.IsOpen);
        if (actions > 0)
        {
            throw new CaseRuleViolation("party.has-open-actions",
                $"{c.Party} is responsible for {actions} plan action(s) not yet done. Complete, reassign or drop them before leaving.");
        }

        return [new PartyLeft(s.Id, c.Party, c.Reason, c.HandedOverTo, c.LeftOn)];
    }
}

public sealed partial record CaseState
{
    /// <summary>Every party that has been on the case, including those that left.</summary>
    public IReadOnlyDictionary<PartyCode, PartyMembership> Parties { get; init; } = new Dictionary<PartyCode, PartyMembership>();

    /// <summary>Invitations by id.</summary>
    public IReadOnlyDictionary<Guid, InvitationStatus> Invitations { get; init; } = new Dictionary<Guid, InvitationStatus>();

    private static CaseState? EvolveParties(CaseState s, ICaseEvent @event) => @event switch
    {
        PartyJoined e => s with { Parties = s.Parties.With(e.Party, new PartyMembership(e.Party, e.Unit, e.CaseworkerId, e.JoinedOn)) },
        CaseworkerAssigned e => s with { Parties = s.Parties.With(e.Party, s.Parties[e.Party] with { CaseworkerId = e.CaseworkerId }) },
        PartyLeft e => s with
        {
            Parties = s.Parties.With(e.Party, s.Parties[e.Party] with { LeftOn = e.LeftOn }),
            PlanLead = s.PlanLead == e.Party ? null : s.PlanLead,
        },
        PartyInvited e => s with { Invitations = s.Invitations.With(e.InvitationId, new InvitationStatus(e.InvitationId, e.Party, e.InvitedBy, e.InvitedOn)) },
        InvitationAccepted e => s with { Invitations = s.Invitations.With(e.InvitationId, s.Invitations[e.InvitationId] with { Answered = true }) },
        InvitationDeclined e => s with { Invitations = s.Invitations.With(e.InvitationId, s.Invitations[e.InvitationId] with { Answered = true }) },
        _ => null,
    };
}
