using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.Referrals;

/// <summary>Body of <c>POST /api/v1/cases/{id}/referrals</c>.</summary>
/// <param name="Kind">Kind of referral.</param>
/// <param name="To">Receiving party.</param>
/// <param name="Reason">What is asked and why.</param>
/// <param name="RespondBy">When an answer is expected.</param>
/// <param name="SentOn">Business date.</param>
public sealed record SendReferralRequest(ReferralKind? Kind, PartyCode? To, string? Reason, DateOnly? RespondBy, DateOnly? SentOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/referrals/{referralId}/accept</c>.</summary>
/// <param name="Unit">The receiving party's unit; required when the party joins by accepting.</param>
/// <param name="AcceptedOn">Business date.</param>
public sealed record AcceptReferralRequest(string? Unit, DateOnly? AcceptedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/referrals/{referralId}/decline</c>.</summary>
/// <param name="ReasonCode">NotOurs, MissingInformation, PersonDeclined or Other.</param>
/// <param name="Reason">Why, in words the sender can act on.</param>
/// <param name="DeclinedOn">Business date.</param>
public sealed record DeclineReferralRequest(ReferralDeclineReason? ReasonCode, string? Reason, DateOnly? DeclinedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/referrals/{referralId}/withdraw</c>.</summary>
/// <param name="Reason">Why.</param>
/// <param name="WithdrawnOn">Business date.</param>
public sealed record WithdrawReferralRequest(string? Reason, DateOnly? WithdrawnOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/referrals/{referralId}/remind</c>.</summary>
/// <param name="Note">What was said, if anything.</param>
/// <param name="RemindedOn">Business date.</param>
public sealed record RemindReferralRequest(string? Note, DateOnly? RemindedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/referrals/{referralId}/respond-by</c>.</summary>
/// <param name="RespondBy">The new respond-by date; leave out for none.</param>
/// <param name="ChangedOn">Business date.</param>
public sealed record ChangeReferralRespondByRequest(DateOnly? RespondBy, DateOnly? ChangedOn);

/// <summary>Referrals between parties: remiss, begäran om underlag, intyg, konsultation; answered once by the receiver.</summary>
internal sealed class ReferralWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<SendReferralRequest>("referrals", "SendReferral", "Referrals", "Send a referral",
            "The caller's party refers the person to, or asks something of, another party: remiss, begäran om underlag, intyg or konsultation. A party cannot refer to itself.",
            (b, c) => new SendReferral(c.NewId(), b.Kind!.Value, b.To!.Value, b.Reason!.Trim(), b.RespondBy, b.SentOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Kind).RequiredEnum();
                v.RuleFor(b => b.To).RequiredEnum();
                v.RuleFor(b => b.Reason).RequiredLongText();
                v.RuleFor(b => b.RespondBy).PlannedDate(calendar)
                    .Must((b, by) => by is null || b.SentOn is null || by >= b.SentOn).WithMessage("respondBy cannot be before sentOn.");
                v.RuleFor(b => b.SentOn).Happened(calendar);
            })
        .Write<AcceptReferralRequest>("referrals/{referralId:guid}/accept", "AcceptReferral", "Referrals", "Accept a referral",
            "The receiving party accepts. If it was not on the case it joins it, with the caller as caseworker and the given unit.",
            (b, c) => new AcceptReferral(c.Id("referralId"), Input.Optional(b.Unit), b.AcceptedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Unit).MaximumLength(Limits.Unit);
                v.RuleFor(b => b.AcceptedOn).Happened(calendar);
            })
        .Write<DeclineReferralRequest>("referrals/{referralId:guid}/decline", "DeclineReferral", "Referrals", "Decline a referral",
            "The receiving party declines, with a reason code (NotOurs, MissingInformation, PersonDeclined, Other) and words the sender can act on (e.g. which unit to ask).",
            (b, c) => new DeclineReferral(c.Id("referralId"), b.Reason!.Trim(), b.DeclinedOn!.Value, b.ReasonCode!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.ReasonCode).RequiredEnum();
                v.RuleFor(b => b.Reason).RequiredLongText();
                v.RuleFor(b => b.DeclinedOn).Happened(calendar);
            })
        .Write<WithdrawReferralRequest>("referrals/{referralId:guid}/withdraw", "WithdrawReferral", "Referrals", "Withdraw a referral",
            "The sending party withdraws a referral not yet answered; the receiver no longer waits on it, and a party only referred loses its relation to the case.",
            (b, c) => new WithdrawReferral(c.Id("referralId"), b.Reason!.Trim(), b.WithdrawnOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.WithdrawnOn).Happened(calendar);
            })
        .Write<RemindReferralRequest>("referrals/{referralId:guid}/remind", "RemindReferral", "Referrals", "Remind the receiver of a referral",
            "The sending party logs that it reminded the receiver of an unanswered referral (the overview lists the reminders).",
            (b, c) => new RemindReferral(c.Id("referralId"), Input.Optional(b.Note), b.RemindedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Note).MaximumLength(Limits.ShortText);
                v.RuleFor(b => b.RemindedOn).Happened(calendar);
            })
        .Write<ChangeReferralRespondByRequest>("referrals/{referralId:guid}/respond-by", "ChangeReferralRespondBy", "Referrals", "Change a referral's respond-by date",
            "The sending party gives an unanswered referral a new respond-by date (or none); 'past respond-by' and UnansweredReferral follow it.",
            (b, c) => new ChangeReferralRespondBy(c.Id("referralId"), b.RespondBy, b.ChangedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.RespondBy).PlannedDate(calendar);
                v.RuleFor(b => b.ChangedOn).Happened(calendar);
            });
}
