namespace Finsam.Samordning.Domain.Cases;

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
public sealed record InvitationDeclined(Guid CaseId, Guid InvitationId, string Reason, DateOnly DeclinedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => DeclinedOn;
}
