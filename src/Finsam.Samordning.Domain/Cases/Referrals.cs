namespace Finsam.Samordning.Domain.Cases;

// Referrals between the parties.
// One area of the case: its events, commands and decisions, and the part of the decider's state
// they read. README, "How to add a command".

/// <summary>One party referred the person, or asked something, of another.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="Kind">Kind of referral.</param>
/// <param name="From">Sending party.</param>
/// <param name="To">Receiving party.</param>
/// <param name="Reason">What is asked and why.</param>
/// <param name="RespondBy">When an answer is expected.</param>
/// <param name="SentOn">Business date.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
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
[SecretAs(InformationCategory.InterventionsAndReferrals)]
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
[SecretAs(InformationCategory.InterventionsAndReferrals)]
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
[SecretAs(InformationCategory.InterventionsAndReferrals)]
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
[SecretAs(InformationCategory.InterventionsAndReferrals)]
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
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record ReferralRespondByChanged(Guid CaseId, Guid ReferralId, DateOnly? RespondBy, DateOnly ChangedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => ChangedOn;
}

/// <summary>Send a referral from the actor's party to another.</summary>
public sealed record SendReferral(Guid ReferralId, ReferralKind Kind, PartyCode To, string Reason, DateOnly? RespondBy, DateOnly SentOn) : CaseCommand;

/// <summary>Accept a referral sent to the actor's party; the party joins the case if it had not.</summary>
public sealed record AcceptReferral(Guid ReferralId, string? Unit, DateOnly AcceptedOn) : CaseCommand;

/// <summary>Decline a referral sent to the actor's party, with a reason code and the receiver's words.</summary>
public sealed record DeclineReferral(Guid ReferralId, string Reason, DateOnly DeclinedOn, ReferralDeclineReason Code = ReferralDeclineReason.Other) : CaseCommand;

/// <summary>The sending party withdraws a referral not yet answered.</summary>
public sealed record WithdrawReferral(Guid ReferralId, string Reason, DateOnly WithdrawnOn) : CaseCommand;

/// <summary>The sending party reminds the receiver of an unanswered referral (logged).</summary>
public sealed record RemindReferral(Guid ReferralId, string? Note, DateOnly RemindedOn) : CaseCommand;

/// <summary>The sending party changes when an answer is expected.</summary>
public sealed record ChangeReferralRespondBy(Guid ReferralId, DateOnly? RespondBy, DateOnly ChangedOn) : CaseCommand;

/// <summary>A referral as the decider needs it.</summary>
/// <param name="Id">Referral id.</param>
/// <param name="From">Sending party.</param>
/// <param name="To">Receiving party.</param>
/// <param name="State">Pending, accepted or declined.</param>
/// <param name="SentOn">Business date sent.</param>
public sealed record ReferralStatus(Guid Id, PartyCode From, PartyCode To, ReferralState State, DateOnly SentOn)
{
    /// <summary>Business date of the latest change by the sender (reminder, new respond-by).</summary>
    public DateOnly? LastChangedOn { get; init; }
}

public static partial class CaseDecider
{
    private static IReadOnlyList<ICaseEvent>? DecideReferrals(CaseCommand command, CaseState s) => command switch
    {
        SendReferral c => Send(s, c),
        AcceptReferral c => Accept(s, c),
        DeclineReferral c => Decline(s, c),
        WithdrawReferral c => [new ReferralWithdrawn(s.Id, c.ReferralId, c.Reason, SendersPending(s, c.ReferralId, c.By, c.WithdrawnOn, "withdraw", "withdrawnOn"))],
        RemindReferral c => [new ReferralReminded(s.Id, c.ReferralId, c.Note, SendersPending(s, c.ReferralId, c.By, c.RemindedOn, "remind the receiver of", "remindedOn"))],
        ChangeReferralRespondBy c => RespondBy(s, c),
        _ => null,
    };

    private static IReadOnlyList<ICaseEvent> Send(CaseState s, SendReferral c)
    {
        if (c.To == c.By.Party)
        {
            throw new CaseRuleViolation("referral.to-self", $"{c.By.Party} cannot refer to itself.");
        }

        if (c.RespondBy is { } by && by < c.SentOn)
        {
            throw new CaseRuleViolation("referral.respond-before-sent", "respondBy cannot be before the referral is sent.");
        }

        return [Member(s, c.By, new ReferralSent(s.Id, c.ReferralId, c.Kind, c.By.Party, c.To, c.Reason, c.RespondBy, c.SentOn))];
    }

    private static ReferralStatus PendingTo(CaseState s, Guid id, Actor by, string verb)
    {
        var referral = s.Referrals.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No referral {id} on this case.");
        if (referral.To != by.Party)
        {
            // As for an insats: another party's referral is answered as if it did not exist.
            throw new CaseEntryNotFound($"No referral {id} to {by.Party} on this case; only the party it was sent to can {verb} it.");
        }

        if (referral.State != ReferralState.Pending)
        {
            throw new CaseRuleViolation("referral.already-answered",
                $"The referral is already {referral.State.ToString().ToLowerInvariant()}.");
        }

        return referral;
    }

    private static IReadOnlyList<ICaseEvent> Accept(CaseState s, AcceptReferral c)
    {
        var referral = PendingTo(s, c.ReferralId, c.By, "accept");
        NotBefore(c.AcceptedOn, referral.SentOn, "acceptedOn", "the day it was sent");
        var accepted = new ReferralAccepted(s.Id, c.ReferralId, c.AcceptedOn);
        if (s.IsActiveParty(c.By.Party))
        {
            return [accepted];
        }

        if (string.IsNullOrWhiteSpace(c.Unit))
        {
            throw new CaseRuleViolation("referral.unit-required",
                $"{c.By.Party} is not on the case yet and joins it by accepting: give the unit that takes it on.");
        }

        return [accepted, new PartyJoined(s.Id, c.By.Party, c.Unit, c.By.UserId, c.By.DisplayName, c.AcceptedOn)];
    }

    private static IReadOnlyList<ICaseEvent> Decline(CaseState s, DeclineReferral c)
    {
        var referral = PendingTo(s, c.ReferralId, c.By, "decline");
        NotBefore(c.DeclinedOn, referral.SentOn, "declinedOn", "the day it was sent");
        return [new ReferralDeclined(s.Id, c.ReferralId, c.Reason, c.DeclinedOn, c.Code)];
    }

    // Only the sender keeps up its referral; to another party it answers as if unknown (it may not see it).
    // Returns the business date, checked against the referral's sending and latest change.
    private static DateOnly SendersPending(CaseState s, Guid id, Actor by, DateOnly on, string verb, string field)
    {
        MustBeOnCase(s, by.Party);
        var referral = s.Referrals.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No referral {id} on this case.");
        if (referral.From != by.Party)
        {
            throw new CaseEntryNotFound($"No referral {id} from {by.Party} on this case; only the party that sent it can {verb} it.");
        }

        if (referral.State != ReferralState.Pending)
        {
            throw new CaseRuleViolation("referral.already-answered", $"The referral is already {referral.State.ToString().ToLowerInvariant()}.");
        }

        NotBefore(on, referral.LastChangedOn ?? referral.SentOn, field, "the day it was sent or last changed");
        return on;
    }

    private static IReadOnlyList<ICaseEvent> RespondBy(CaseState s, ChangeReferralRespondBy c)
    {
        var on = SendersPending(s, c.ReferralId, c.By, c.ChangedOn, "change the respond-by date of", "changedOn");
        if (c.RespondBy is { } by && by < s.Referrals[c.ReferralId].SentOn)
        {
            throw new CaseRuleViolation("referral.respond-before-sent", "respondBy cannot be before the referral was sent.");
        }

        return [new ReferralRespondByChanged(s.Id, c.ReferralId, c.RespondBy, on)];
    }
}

public sealed partial record CaseState
{
    /// <summary>Referrals by id.</summary>
    public IReadOnlyDictionary<Guid, ReferralStatus> Referrals { get; init; } = new Dictionary<Guid, ReferralStatus>();

    private static CaseState? EvolveReferrals(CaseState s, ICaseEvent @event) => @event switch
    {
        ReferralSent e => s with
        {
            Referrals = s.Referrals.With(e.ReferralId, new ReferralStatus(e.ReferralId, e.From, e.To, ReferralState.Pending, e.SentOn)),
        },
        ReferralAccepted e => s with { Referrals = s.Referrals.With(e.ReferralId, s.Referrals[e.ReferralId] with { State = ReferralState.Accepted }) },
        ReferralDeclined e => s with { Referrals = s.Referrals.With(e.ReferralId, s.Referrals[e.ReferralId] with { State = ReferralState.Declined }) },
        ReferralWithdrawn e => s with { Referrals = s.Referrals.With(e.ReferralId, s.Referrals[e.ReferralId] with { State = ReferralState.Withdrawn }) },
        ReferralReminded e => s with { Referrals = s.Referrals.With(e.ReferralId, s.Referrals[e.ReferralId] with { LastChangedOn = e.RemindedOn }) },
        ReferralRespondByChanged e => s with { Referrals = s.Referrals.With(e.ReferralId, s.Referrals[e.ReferralId] with { LastChangedOn = e.ChangedOn }) },
        _ => null,
    };
}
