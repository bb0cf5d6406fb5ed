namespace Finsam.Samordning.Domain.Cases;

// A party's own records: contacts, work capacity assessments, benefit decisions.
// One area of the case: its events, commands and decisions, and the part of the decider's state
// they read. README, "How to add a command".

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
[SecretAs(InformationCategory.Contacts)]
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
[SecretAs(InformationCategory.Assessments)]
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
[SecretAs(InformationCategory.BenefitDecisions)]
public sealed record BenefitDecisionRecorded(
    Guid CaseId, Guid DecisionId, PartyCode Party, Benefit Benefit, BenefitDecisionKind Decision, DateOnly From, DateOnly? Until, DateOnly DecidedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => DecidedOn;
}

/// <summary>Log a contact of the actor's party with the person, linked to its own insats or a SIP meeting if it was part of one.</summary>
public sealed record LogContact(Guid ContactId, ContactKind Kind, bool NoShow, string? Note, DateOnly OccurredOn,
    Guid? InterventionId = null, Guid? MeetingId = null) : CaseCommand;

/// <summary>Record the actor's party's work capacity assessment: the day made and the period it is valid for.</summary>
public sealed record AssessWorkCapacity(Guid AssessmentId, WorkCapacityConclusion Conclusion, string? Note, DateOnly ValidFrom,
    DateOnly? AssessedOn = null, DateOnly? ValidUntil = null) : CaseCommand;

/// <summary>Record a benefit decision of the actor's party.</summary>
public sealed record RecordBenefitDecision(
    Guid DecisionId, Benefit Benefit, BenefitDecisionKind Decision, DateOnly From, DateOnly? Until, DateOnly DecidedOn) : CaseCommand;

public static partial class CaseDecider
{
    private static IReadOnlyList<ICaseEvent>? DecideRecords(CaseCommand command, CaseState s) => command switch
    {
        LogContact c => Contact(s, c),
        AssessWorkCapacity c => Assess(s, c),
        RecordBenefitDecision c => BenefitDecision(s, c),
        _ => null,
    };

    // A contact may be part of the party's own insats (another party's answers as unknown, as for any
    // other use of it) or about a SIP meeting on the case.
    private static IReadOnlyList<ICaseEvent> Contact(CaseState s, LogContact c)
    {
        MustBeOnCase(s, c.By.Party);
        if (c.InterventionId is { } insats && s.Interventions.GetValueOrDefault(insats)?.Party != c.By.Party)
        {
            throw new CaseEntryNotFound($"No insats {insats} of {c.By.Party} on this case; a contact links only to the party's own insats.");
        }

        if (c.MeetingId is { } meeting && !s.Meetings.ContainsKey(meeting))
        {
            throw new CaseEntryNotFound($"No SIP meeting {meeting} on this case.");
        }

        return [Member(s, c.By, new ContactLogged(s.Id, c.ContactId, c.By.Party, c.Kind, c.NoShow, c.Note, c.OccurredOn, c.InterventionId, c.MeetingId))];
    }

    private static IReadOnlyList<ICaseEvent> Assess(CaseState s, AssessWorkCapacity c)
    {
        if (c.ValidUntil is { } until && until < c.ValidFrom)
        {
            throw new CaseRuleViolation("assessment.ends-before-start", "An assessment cannot be valid until a day before it is valid from.");
        }

        return [Member(s, c.By, new WorkCapacityAssessed(s.Id, c.AssessmentId, c.By.Party, c.Conclusion, c.Note, c.ValidFrom, c.AssessedOn ?? c.ValidFrom, c.ValidUntil))];
    }

    private static IReadOnlyList<ICaseEvent> BenefitDecision(CaseState s, RecordBenefitDecision c)
    {
        var decider = DecidingParty(c.Benefit);
        if (c.By.Party != decider)
        {
            throw new CaseRuleViolation("benefit.wrong-party", $"{c.Benefit} is decided by {decider}; {c.By.Party} cannot record that decision.");
        }

        if (c.Until is { } until && until < c.From)
        {
            throw new CaseRuleViolation("benefit.ends-before-start", "A decision cannot end before it starts.");
        }

        return [Member(s, c.By, new BenefitDecisionRecorded(s.Id, c.DecisionId, c.By.Party, c.Benefit, c.Decision, c.From, c.Until, c.DecidedOn))];
    }
}
