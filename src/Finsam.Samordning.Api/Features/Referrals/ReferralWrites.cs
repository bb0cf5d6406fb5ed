using Finsam.Samordning.Api.Features.CaseWrites;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;

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
/// <param name="Reason">Why.</param>
/// <param name="DeclinedOn">Business date.</param>
public sealed record DeclineReferralRequest(string? Reason, DateOnly? DeclinedOn);

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
            "The receiving party declines, with a reason the sender can act on (e.g. wrong unit).",
            (b, c) => new DeclineReferral(c.Id("referralId"), b.Reason!.Trim(), b.DeclinedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredLongText();
                v.RuleFor(b => b.DeclinedOn).Happened(calendar);
            });
}
