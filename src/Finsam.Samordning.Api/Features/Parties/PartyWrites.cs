using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.Parties;

/// <summary>Body of <c>POST /api/v1/cases/{id}/invitations</c>.</summary>
/// <param name="Party">The party invited to join.</param>
/// <param name="Reason">Why it is asked to join (it sees this before it answers).</param>
/// <param name="InvitedOn">Business date.</param>
public sealed record InvitePartyRequest(PartyCode? Party, string? Reason, DateOnly? InvitedOn);

/// <summary>Body of an answer to an invitation.</summary>
/// <param name="Unit">The unit that takes the case on (required to accept).</param>
/// <param name="Reason">Why the party declines (required to decline).</param>
/// <param name="AnsweredOn">Business date.</param>
public sealed record AnswerInvitationRequest(string? Unit, string? Reason, DateOnly? AnsweredOn);

/// <summary>Body of <c>PUT /api/v1/cases/{id}/parties/{party}/caseworker</c>.</summary>
/// <param name="CaseworkerId">The new caseworker's user id.</param>
/// <param name="CaseworkerName">The new caseworker's display name.</param>
/// <param name="AssignedOn">Business date.</param>
public sealed record AssignCaseworkerRequest(string? CaseworkerId, string? CaseworkerName, DateOnly? AssignedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/parties/{party}/leave</c>.</summary>
/// <param name="Reason">Why the party leaves.</param>
/// <param name="HandedOverTo">The party that takes over, if any.</param>
/// <param name="LeftOn">Business date.</param>
public sealed record LeaveCaseRequest(string? Reason, PartyCode? HandedOverTo, DateOnly? LeftOn);

/// <summary>Who is on a case: invitations to join, caseworkers, leaving.</summary>
internal sealed class PartyWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<InvitePartyRequest>("invitations", "InviteParty", "Parties", "Invite a party to the case",
            "A party on the case invites another party. Until it answers, the invited party sees that the case exists, who is on it and the " +
            "invitation, nothing else; it joins only by accepting. Joining needs an accepted invitation or referral: no party puts itself on a case.",
            (b, c) => new InviteParty(c.NewId(), b.Party!.Value, b.Reason!.Trim(), b.InvitedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Party).RequiredEnum();
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.InvitedOn).NotNull().Happened(calendar);
            })
        .Write<AnswerInvitationRequest>("invitations/{invitationId:guid}/accept", "AcceptInvitation", "Parties", "Accept an invitation",
            "The invited party accepts and joins the case, with the caller as caseworker and the given unit.",
            (b, c) => new AcceptInvitation(c.Id("invitationId"), b.Unit!.Trim(), b.AnsweredOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Unit).RequiredUnit();
                v.RuleFor(b => b.AnsweredOn).NotNull().Happened(calendar);
            })
        .Write<AnswerInvitationRequest>("invitations/{invitationId:guid}/decline", "DeclineInvitation", "Parties", "Decline an invitation",
            "The invited party declines, with a reason. It then has no relation to the case unless it was on it before.",
            (b, c) => new DeclineInvitation(c.Id("invitationId"), b.Reason!.Trim(), b.AnsweredOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.AnsweredOn).NotNull().Happened(calendar);
            })
        .Write<AssignCaseworkerRequest>("parties/{party:alpha}/caseworker", "AssignCaseworker", "Parties", "Assign a caseworker",
            "Another caseworker of the same party takes over the party's part of the case (staff turnover must not leave the person alone). Only the party itself can do this.",
            (b, c) => new AssignCaseworker(c.Party("party"), b.CaseworkerId!.Trim(), b.CaseworkerName!.Trim(), b.AssignedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.CaseworkerId).RequiredShortText();
                v.RuleFor(b => b.CaseworkerName).RequiredShortText();
                v.RuleFor(b => b.AssignedOn).Happened(calendar);
            },
            method: "PUT")
        .Write<LeaveCaseRequest>("parties/{party:alpha}/leave", "LeaveCase", "Parties", "Leave a case",
            "The party leaves the case, handing over to another party on the case or to nobody. Its own insatser must have ended first.",
            (b, c) => new LeaveCase(c.Party("party"), b.Reason!.Trim(), b.HandedOverTo, b.LeftOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.HandedOverTo).IsInEnum();
                v.RuleFor(b => b.LeftOn).Happened(calendar);
            });
}
