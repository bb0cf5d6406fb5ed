namespace Finsam.Samordning.Domain.Cases;

/// <summary>One party referred the person, or asked something, of another.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="Kind">Kind of referral.</param>
/// <param name="From">Sending party.</param>
/// <param name="To">Receiving party.</param>
/// <param name="Reason">What is asked and why.</param>
/// <param name="RespondBy">When an answer is expected.</param>
/// <param name="SentOn">Business date.</param>
public sealed record ReferralSent(
    Guid CaseId, Guid ReferralId, ReferralKind Kind, PartyCode From, PartyCode To, string Reason, DateOnly? RespondBy, DateOnly SentOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => SentOn;
}

/// <summary>The receiving party accepted a referral.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="AcceptedOn">Business date.</param>
public sealed record ReferralAccepted(Guid CaseId, Guid ReferralId, DateOnly AcceptedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AcceptedOn;
}

/// <summary>The receiving party declined a referral.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="Reason">Why, in the receiver's words.</param>
/// <param name="DeclinedOn">Business date.</param>
/// <param name="Code">Why, as a code: not ours, missing information, the person declined, other (null in events recorded before codes).</param>
public sealed record ReferralDeclined(Guid CaseId, Guid ReferralId, string Reason, DateOnly DeclinedOn, ReferralDeclineReason? Code = null) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => DeclinedOn;
}

/// <summary>The sender withdrew a referral that had not been answered.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="Reason">Why.</param>
/// <param name="WithdrawnOn">Business date.</param>
public sealed record ReferralWithdrawn(Guid CaseId, Guid ReferralId, string Reason, DateOnly WithdrawnOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => WithdrawnOn;
}

/// <summary>The sender reminded the receiver of an unanswered referral.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="Note">What was said, if anything.</param>
/// <param name="RemindedOn">Business date.</param>
public sealed record ReferralReminded(Guid CaseId, Guid ReferralId, string? Note, DateOnly RemindedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => RemindedOn;
}

/// <summary>The sender changed when an answer is expected.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="RespondBy">The new respond-by date; null for none.</param>
/// <param name="ChangedOn">Business date.</param>
public sealed record ReferralRespondByChanged(Guid CaseId, Guid ReferralId, DateOnly? RespondBy, DateOnly ChangedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => ChangedOn;
}
