namespace Finsam.Samordning.Domain.Cases;

/// <summary>A party had (or tried to have) contact with the person.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ContactId">Contact id.</param>
/// <param name="Party">The party.</param>
/// <param name="Kind">Kind of contact.</param>
/// <param name="NoShow">The person did not come / answer.</param>
/// <param name="Note">Optional note.</param>
/// <param name="OccurredOn">Business date.</param>
/// <param name="InterventionId">The party's own insats the contact was part of, if any.</param>
/// <param name="MeetingId">The SIP meeting the contact was about, if any.</param>
public sealed record ContactLogged(Guid CaseId, Guid ContactId, PartyCode Party, ContactKind Kind, bool NoShow, string? Note, DateOnly OccurredOn,
    Guid? InterventionId = null, Guid? MeetingId = null) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <inheritdoc />
    public DateOnly BusinessDate => OccurredOn;
}

/// <summary>A party assessed the person's work capacity.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="AssessmentId">Assessment id.</param>
/// <param name="Party">The assessing party.</param>
/// <param name="Conclusion">Conclusion.</param>
/// <param name="Note">Optional note.</param>
/// <param name="ValidFrom">From when it applies.</param>
/// <param name="AssessedOn">The day the assessment was made (null in events recorded before it was kept: then ValidFrom).</param>
/// <param name="ValidUntil">The last day it is valid for, if limited.</param>
public sealed record WorkCapacityAssessed(Guid CaseId, Guid AssessmentId, PartyCode Party, WorkCapacityConclusion Conclusion, string? Note, DateOnly ValidFrom,
    DateOnly? AssessedOn = null, DateOnly? ValidUntil = null) : ICaseEvent, IHasFreeText
{
    /// <inheritdoc />
    public ICaseEvent MapText(Func<string?, string?> map) => this with { Note = map(Note) };

    /// <summary>The day it was made: an assessment is known from then, whatever period it covers.</summary>
    public DateOnly BusinessDate => AssessedOn ?? ValidFrom;
}

/// <summary>A benefit decision was made (recorded for coordination; not an insats).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="DecisionId">Decision id.</param>
/// <param name="Party">The deciding party.</param>
/// <param name="Benefit">The benefit.</param>
/// <param name="Decision">What was decided.</param>
/// <param name="From">From when.</param>
/// <param name="Until">Until when, if limited.</param>
/// <param name="DecidedOn">Business date of the decision.</param>
public sealed record BenefitDecisionRecorded(
    Guid CaseId, Guid DecisionId, PartyCode Party, Benefit Benefit, BenefitDecisionKind Decision, DateOnly From, DateOnly? Until, DateOnly DecidedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => DecidedOn;
}
