using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.FollowUp;

// The follow-up's writes on a case: SUS participant data at an insats' start and end (events, commands,
// what the decider's state keeps of them) and the decider of both these and the progress questionnaire's
// answers (whose questions, command and event are in ProgressQuestionnaire.cs). The decider's state keeps
// the records in CaseState.Participants.

/// <summary>An event of the follow-up: recorded on the case, about one insats, by its party.</summary>
public interface IFollowUpEvent : ICaseEvent
{
    /// <summary>The insats the record is about.</summary>
    Guid InterventionId { get; }
}

/// <summary>
/// Participant data at the start of an insats (SUS start registration). No free text: everything is a
/// code, so nothing needs sealing and every field can be counted.
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">The insats.</param>
/// <param name="Party">The insats' party, which records it.</param>
/// <param name="Sex">Sex, as SUS counts it.</param>
/// <param name="HomeMunicipality">Folkbokföringskommun (four-digit code).</param>
/// <param name="Education">Highest completed education.</param>
/// <param name="TimeOnSupport">Time on public support before the insats.</param>
/// <param name="Before">Income sources and occupation before the insats.</param>
/// <param name="RecordedOn">Business date of the record.</param>
// Follow-up records belong with the insats they describe.
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record ParticipantStartRecorded(
    Guid CaseId, Guid InterventionId, PartyCode Party, Sex Sex, string HomeMunicipality, EducationLevel Education, SupportDuration TimeOnSupport,
    ParticipantSituation Before, DateOnly RecordedOn) : IFollowUpEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => RecordedOn;
}

/// <summary>Participant data at the end of an insats (SUS end registration).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">The insats.</param>
/// <param name="Party">The insats' party, which records it.</param>
/// <param name="End">Completed, interrupted or registered in error.</param>
/// <param name="Reason">Why it was interrupted (only for <see cref="ParticipantEnd.Interrupted"/>).</param>
/// <param name="After">Income sources and occupation after the insats (none for a registration in error).</param>
/// <param name="RecordedOn">Business date of the record.</param>
// Follow-up records belong with the insats they describe.
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record ParticipantEndRecorded(
    Guid CaseId, Guid InterventionId, PartyCode Party, ParticipantEnd End, InterruptionReason? Reason, ParticipantSituation? After,
    DateOnly RecordedOn) : IFollowUpEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => RecordedOn;
}

/// <summary>Commands of the follow-up, decided by <see cref="FollowUpDecider"/>.</summary>
public abstract record FollowUpCommand : CaseCommand;

/// <summary>A follow-up command about one insats.</summary>
public abstract record ParticipantCommand : FollowUpCommand
{
    /// <summary>The insats the record is about.</summary>
    public abstract Guid InterventionId { get; }
}

/// <summary>Record participant data at the start of one of the actor's party's insatser.</summary>
/// <param name="Intervention">The insats.</param>
/// <param name="Sex">Sex.</param>
/// <param name="HomeMunicipality">Folkbokföringskommun.</param>
/// <param name="Education">Highest completed education.</param>
/// <param name="TimeOnSupport">Time on public support before.</param>
/// <param name="Before">Situation before.</param>
/// <param name="RecordedOn">Business date.</param>
public sealed record RecordParticipantStart(
    Guid Intervention, Sex Sex, string HomeMunicipality, EducationLevel Education, SupportDuration TimeOnSupport, ParticipantSituation Before,
    DateOnly RecordedOn) : ParticipantCommand
{
    /// <inheritdoc />
    public override Guid InterventionId => Intervention;
}

/// <summary>Record participant data at the end of one of the actor's party's insatser.</summary>
/// <param name="Intervention">The insats.</param>
/// <param name="End">How it ended.</param>
/// <param name="Reason">Why it was interrupted.</param>
/// <param name="After">Situation after (not for a registration in error).</param>
/// <param name="RecordedOn">Business date.</param>
public sealed record RecordParticipantEnd(
    Guid Intervention, ParticipantEnd End, InterruptionReason? Reason, ParticipantSituation? After, DateOnly RecordedOn) : ParticipantCommand
{
    /// <inheritdoc />
    public override Guid InterventionId => Intervention;
}

/// <summary>What the decider keeps of an insats' follow-up records.</summary>
/// <param name="StartRecordedOn">When the start data was recorded.</param>
/// <param name="EndRecordedOn">When the end data was recorded.</param>
public sealed record ParticipantRecords(DateOnly? StartRecordedOn = null, DateOnly? EndRecordedOn = null)
{
    /// <summary>Folds a follow-up event into the records of its insats.</summary>
    public static IReadOnlyDictionary<Guid, ParticipantRecords> Apply(IReadOnlyDictionary<Guid, ParticipantRecords> records, IFollowUpEvent e)
    {
        var current = records.GetValueOrDefault(e.InterventionId) ?? new ParticipantRecords();
        var next = e switch
        {
            ParticipantStartRecorded s => current with { StartRecordedOn = s.RecordedOn },
            ParticipantEndRecorded x => current with { EndRecordedOn = x.RecordedOn },
            _ => current,
        };
        return new Dictionary<Guid, ParticipantRecords>(records) { [e.InterventionId] = next };
    }
}

/// <summary>
/// Decides the follow-up records of an insats. Only the insats' party records them, once each: the
/// start once the insats exists, the end once it has ended and its start was recorded. A closed
/// case still takes them, since SUS data is often completed after the close.
/// </summary>
public static class FollowUpDecider
{
    /// <summary>Decides which events a follow-up command produces.</summary>
    public static IReadOnlyList<ICaseEvent> Decide(FollowUpCommand command, CaseState? state)
    {
        var s = state ?? throw new CaseRuleViolation("case.not-found", "The case does not exist.");
        if (!s.Parties.TryGetValue(command.By.Party, out var membership))
        {
            throw new CaseRuleViolation("party.not-on-case", $"{command.By.Party} is not on this case, so it cannot record anything here.");
        }

        if (command is AnswerProgressQuestionnaire answer)
        {
            return Answer(s, answer, membership);
        }

        var participant = (ParticipantCommand)command;
        var insats = s.Interventions.GetValueOrDefault(participant.InterventionId);
        if (insats is null || insats.Party != command.By.Party)
        {
            // As for the insats' own transitions: another party's insats is not confirmed to exist.
            throw new CaseEntryNotFound($"No insats {participant.InterventionId} of {command.By.Party} on this case; only the party that owns an insats records its follow-up.");
        }

        var records = s.Participants.GetValueOrDefault(insats.Id) ?? new ParticipantRecords();
        return command switch
        {
            RecordParticipantStart c => Start(s, c, insats, records, membership),
            RecordParticipantEnd c => End(s, c, insats, records),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command."),
        };
    }

    // Answers are asked while the case runs, by a party on it, to the current version and in full.
    private static IReadOnlyList<ICaseEvent> Answer(CaseState s, AnswerProgressQuestionnaire c, PartyMembership membership)
    {
        if (s.Status == CaseStatus.Closed)
        {
            throw new CaseRuleViolation("case.closed", $"The case was closed on {s.ClosedOn:yyyy-MM-dd}; reopen it before recording anything.");
        }

        if (!membership.Active)
        {
            throw new CaseRuleViolation("party.not-on-case", $"{c.By.Party} left this case.");
        }

        var questions = ProgressQuestionnaire.For(c.Respondent);
        if (c.Scores.Count != questions.Count || c.Scores.Any(x => x is < 1 or > 5))
        {
            throw new CaseRuleViolation("followup.questionnaire-incomplete",
                $"The {c.Respondent.ToString().ToLowerInvariant()}'s questionnaire has {questions.Count} questions, each answered 1–5.");
        }

        NotBefore(c.AnsweredOn, s.OpenedOn, "answeredOn", "the day the case was opened");
        return [new ProgressQuestionnaireAnswered(s.Id, c.AnswersId, c.By.Party, c.Respondent, ProgressQuestionnaire.Version, [.. c.Scores], c.AnsweredOn)];
    }

    private static IReadOnlyList<ICaseEvent> Start(CaseState s, RecordParticipantStart c, InterventionStatus insats, ParticipantRecords records, PartyMembership membership)
    {
        if (records.StartRecordedOn is { } on)
        {
            throw new CaseRuleViolation("followup.start-already-recorded", $"The start data of this insats was recorded on {on:yyyy-MM-dd}.");
        }

        if (!membership.Active && insats.IsOpen)
        {
            throw new CaseRuleViolation("party.not-on-case", $"{c.By.Party} left this case.");
        }

        NotBefore(c.RecordedOn, s.OpenedOn, "recordedOn", "the day the case was opened");
        return [new ParticipantStartRecorded(s.Id, insats.Id, insats.Party, c.Sex, c.HomeMunicipality, c.Education, c.TimeOnSupport, Normalised(c.Before), c.RecordedOn)];
    }

    private static IReadOnlyList<ICaseEvent> End(CaseState s, RecordParticipantEnd c, InterventionStatus insats, ParticipantRecords records)
    {
        if (records.EndRecordedOn is { } on)
        {
            throw new CaseRuleViolation("followup.end-already-recorded", $"The end data of this insats was recorded on {on:yyyy-MM-dd}.");
        }

        if (records.StartRecordedOn is null)
        {
            throw new CaseRuleViolation("followup.start-not-recorded", "Record the start data of this insats before its end data.");
        }

        // A registration in error may be corrected at any time; a real end follows the insats' own end.
        if (c.End != ParticipantEnd.RegisteredInError)
        {
            if (insats.IsOpen)
            {
                throw new CaseRuleViolation("followup.insats-not-ended",
                    $"The insats is {insats.State.ToString().ToLowerInvariant()}; complete or cancel it before recording its end data.");
            }

            NotBefore(c.RecordedOn, insats.LastChangedOn, "recordedOn", "the day the insats ended");
        }

        NotBefore(c.RecordedOn, records.StartRecordedOn.Value, "recordedOn", "the day its start data was recorded");
        return [new ParticipantEndRecorded(s.Id, insats.Id, insats.Party, c.End, c.End == ParticipantEnd.Interrupted ? c.Reason : null,
            c.End == ParticipantEnd.RegisteredInError ? null : c.After is { } after ? Normalised(after) : null, c.RecordedOn)];
    }

    // Sources in a fixed order, once each, so exports and tables list them alike.
    private static ParticipantSituation Normalised(ParticipantSituation situation) =>
        situation with { IncomeSources = [.. situation.IncomeSources.Distinct().Order()] };

    private static void NotBefore(DateOnly date, DateOnly earliest, string field, string what)
    {
        if (date < earliest)
        {
            throw new CaseRuleViolation("date.before-previous", $"{field} ({date:yyyy-MM-dd}) cannot be before {what} ({earliest:yyyy-MM-dd}).");
        }
    }
}
