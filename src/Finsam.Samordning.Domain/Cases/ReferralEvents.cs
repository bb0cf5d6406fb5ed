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
/// <param name="Reason">Why.</param>
/// <param name="DeclinedOn">Business date.</param>
public sealed record ReferralDeclined(Guid CaseId, Guid ReferralId, string Reason, DateOnly DeclinedOn) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Reason = map(Reason)! };

    /// <inheritdoc />
    public DateOnly BusinessDate => DeclinedOn;
}
