using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>Body of <c>POST /api/v1/cases/{id}/close</c>.</summary>
/// <param name="Outcome">Outcome.</param>
/// <param name="Note">Optional note.</param>
/// <param name="EndOpenInterventionsAs">End reason for the caller's own insatser still open; leave out to be told which are.</param>
/// <param name="ClosedOn">Business date.</param>
public sealed record CloseCaseRequest(CaseOutcome? Outcome, string? Note, InterventionEndReason? EndOpenInterventionsAs, DateOnly? ClosedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/reopen</c>.</summary>
/// <param name="Reason">Why.</param>
/// <param name="ReopenedOn">Business date.</param>
public sealed record ReopenCaseRequest(string? Reason, DateOnly? ReopenedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/target-groups</c>.</summary>
/// <param name="TargetGroups">The target groups from changedOn on (the whole list, not an addition).</param>
/// <param name="ChangedOn">Business date.</param>
public sealed record ChangeTargetGroupsRequest(IReadOnlyList<TargetGroup>? TargetGroups, DateOnly? ChangedOn);

/// <summary>Closing a case with an outcome, reopening it, and changing its target groups.</summary>
internal sealed class CaseLifecycleWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<CloseCaseRequest>("close", "CloseCase", "Cases", "Close a case",
            "Closes the case with an outcome. Every insats must have ended, and each party ends its own: while another party's insats is open " +
            "the close is refused (409). The caller's own open insatser are listed (409), or give endOpenInterventionsAs: started ones then " +
            "complete with that reason and planned ones are cancelled, in the same transaction.",
            (b, c) => new CloseCase(b.Outcome!.Value, Input.Optional(b.Note), b.EndOpenInterventionsAs, b.ClosedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Outcome).RequiredEnum();
                v.RuleFor(b => b.Note).OptionalLongText();
                v.RuleFor(b => b.EndOpenInterventionsAs).IsInEnum();
                v.RuleFor(b => b.ClosedOn).Happened(calendar);
            })
        .Write<ReopenCaseRequest>("reopen", "ReopenCase", "Cases", "Reopen a case",
            "Reopens a closed case, with a reason. The insatser the close ended stay ended (each party plans anew what it will do); " +
            "the reopening names them in the overview's reopenings.",
            (b, c) => new ReopenCase(b.Reason!.Trim(), b.ReopenedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredShortText();
                v.RuleFor(b => b.ReopenedOn).Happened(calendar);
            })
        .Write<ChangeTargetGroupsRequest>("target-groups", "ChangeTargetGroups", "Cases", "Change the target groups",
            "Any party on the case sets the case's target groups from a business date on (e.g. adding Nollplacerad after FK's refusal); " +
            "asOf views before that date show the earlier groups.",
            (b, c) => new ChangeTargetGroups(b.TargetGroups!, b.ChangedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.TargetGroups).NotEmpty().WithMessage("Give at least one target group.");
                v.RuleForEach(b => b.TargetGroups).IsInEnum();
                v.RuleFor(b => b.ChangedOn).Happened(calendar);
            });
}
