using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.Flags;

/// <summary>Body of <c>POST /api/v1/cases/{id}/flags</c>.</summary>
/// <param name="Reason">What the caller sees: the concern in their words (no rule catches it yet).</param>
/// <param name="RaisedOn">Business date; today when left out.</param>
public sealed record RaiseConcernRequest(string? Reason, DateOnly? RaisedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/flags/{flagId}/acknowledge</c>.</summary>
/// <param name="Note">What is being done about it.</param>
/// <param name="AcknowledgedOn">Business date; today when left out.</param>
/// <param name="SnoozedUntil">Put the flag aside until this day (at most a year ahead); it returns then if its finding still holds.</param>
public sealed record AcknowledgeFlagRequest(string? Note, DateOnly? AcknowledgedOn, DateOnly? SnoozedUntil = null);

/// <summary>Body of <c>POST /api/v1/cases/{id}/flags/{flagId}/clear</c>.</summary>
/// <param name="Reason">Why the concern no longer holds.</param>
/// <param name="ClearedOn">Business date; today when left out.</param>
public sealed record ClearConcernRequest(string? Reason, DateOnly? ClearedOn);

/// <summary>Flags on a case: concerns raised and cleared by hand, and acknowledgements of any flag.</summary>
internal sealed class FlagWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .FlagWrite<RaiseConcernRequest>("flags", "RaiseConcern", "Raise a concern",
            "Raises a manual concern flag with a reason: someone is slipping in a way no stall rule catches (an age limit ahead, a stale assessment...). It shows in the review queue and is cleared by hand.",
            (b, c) => new RaiseConcern(c.NewId(), b.Reason!.Trim(), b.RaisedOn ?? c.Today) { By = c.FlagActor },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredLongText();
                v.RuleFor(b => b.RaisedOn).HappenedIfGiven(calendar);
            })
        .FlagWrite<AcknowledgeFlagRequest>("flags/{flagId:guid}/acknowledge", "AcknowledgeFlag", "Acknowledge a flag",
            "Notes who looked at the flag and what is being done. The flag stays in the review queue, marked acknowledged, until the scan clears it (or, for a concern, someone clears it by hand). " +
            "With snoozedUntil it leaves the queue (status=snoozed lists it) until that day; then the scan raises it anew if its finding still holds.",
            (b, c) => new AcknowledgeFlag(c.Id("flagId"), b.Note!.Trim(), b.AcknowledgedOn ?? c.Today, b.SnoozedUntil) { By = c.FlagActor },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Note).RequiredLongText();
                v.RuleFor(b => b.AcknowledgedOn).HappenedIfGiven(calendar);
                v.RuleFor(b => b.SnoozedUntil).Must(d => d is null || (d > calendar.Today && d <= calendar.Today.AddYears(1)))
                    .WithMessage("snoozedUntil must be after today and at most a year ahead.");
            })
        .FlagWrite<ClearConcernRequest>("flags/{flagId:guid}/clear", "ClearConcern", "Clear a concern",
            "Clears a concern raised by hand, with a reason. A flag raised by a stall rule answers 409: the scan clears it when the situation no longer holds.",
            (b, c) => new ClearConcern(c.Id("flagId"), b.Reason!.Trim(), b.ClearedOn ?? c.Today) { By = c.FlagActor },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Reason).RequiredLongText();
                v.RuleFor(b => b.ClearedOn).HappenedIfGiven(calendar);
            });
}
