using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Domain.Awareness;

// Issue 14 item 3 (domain.md §5, mechanism 15): KAA learns of a young person before any case exists
// ("kännedom") and tries to reach them. The record holds ids, an enum and dates only: the person's
// data stays with the individual, so erasing the individual erases what the record could tell.

/// <summary>How KAA came to know of the young person.</summary>
public enum AwarenessSource
{
    /// <summary>A school reported a drop-out or non-attendance.</summary>
    SchoolDropOut,
    /// <summary>The KAA register (not enrolled in upper secondary school).</summary>
    KaaRegister,
    /// <summary>Social services or another municipal unit.</summary>
    Municipality,
    /// <summary>Another source.</summary>
    Other,
}

/// <summary>The outcome of a contact attempt.</summary>
public enum AttemptOutcome
{
    /// <summary>The person answered.</summary>
    Answered,
    /// <summary>No answer (letter, call, visit unanswered).</summary>
    NoAnswer,
    /// <summary>The person answered and declined contact.</summary>
    Declined,
}

/// <summary>An event of a kännedom record's stream.</summary>
public interface IAwarenessEvent
{
    /// <summary>The record (stream) id.</summary>
    Guid AwarenessId { get; }
}

/// <summary>KAA recorded that it knows of a young person, before any case.</summary>
/// <param name="AwarenessId">Record id.</param>
/// <param name="IndividualId">The person, registered as an individual (by id only).</param>
/// <param name="Source">How KAA came to know.</param>
/// <param name="RecordedBy">The recording party (KAA).</param>
/// <param name="KnownOn">The day KAA came to know.</param>
public sealed record AwarenessRecorded(Guid AwarenessId, Guid IndividualId, AwarenessSource Source, PartyCode RecordedBy, DateOnly KnownOn) : IAwarenessEvent;

/// <summary>KAA tried to reach the person.</summary>
/// <param name="AwarenessId">Record id.</param>
/// <param name="AttemptId">Attempt id.</param>
/// <param name="Kind">Letter, phone, home visit, digital, meeting.</param>
/// <param name="Outcome">What came of it.</param>
/// <param name="AttemptedOn">Business date.</param>
public sealed record ContactAttempted(Guid AwarenessId, Guid AttemptId, ContactKind Kind, AttemptOutcome Outcome, DateOnly AttemptedOn) : IAwarenessEvent;

/// <summary>The record became a case; the case keeps its attempts (<see cref="AwarenessCarriedOver"/>).</summary>
/// <param name="AwarenessId">Record id.</param>
/// <param name="CaseId">The case opened from it.</param>
/// <param name="ConvertedOn">Business date.</param>
public sealed record AwarenessConverted(Guid AwarenessId, Guid CaseId, DateOnly ConvertedOn) : IAwarenessEvent;

/// <summary>An attempt as carried into a case.</summary>
/// <param name="Kind">Kind of contact.</param>
/// <param name="Outcome">Outcome.</param>
/// <param name="AttemptedOn">When.</param>
public sealed record AttemptRecord(ContactKind Kind, AttemptOutcome Outcome, DateOnly AttemptedOn);

/// <summary>A case opened from a kännedom record keeps what came before it: when KAA knew, and every contact attempt.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="AwarenessId">The record it came from.</param>
/// <param name="Source">How KAA came to know.</param>
/// <param name="KnownOn">The day KAA came to know.</param>
/// <param name="Attempts">The attempts before the case.</param>
/// <param name="CarriedOn">The case's opening day.</param>
[SecretAs(InformationCategory.Contacts)]
public sealed record AwarenessCarriedOver(Guid CaseId, Guid AwarenessId, AwarenessSource Source, DateOnly KnownOn, IReadOnlyList<AttemptRecord> Attempts,
    DateOnly CarriedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => CarriedOn;
}

/// <summary>A kännedom record as decisions and the rule need it.</summary>
public sealed record AwarenessState
{
    /// <summary>Record id.</summary>
    public Guid Id { get; init; }

    /// <summary>The person.</summary>
    public Guid IndividualId { get; init; }

    /// <summary>How KAA came to know.</summary>
    public AwarenessSource Source { get; init; }

    /// <summary>The recording party: the only one that learns the record exists.</summary>
    public PartyCode RecordedBy { get; init; }

    /// <summary>The day KAA came to know.</summary>
    public DateOnly KnownOn { get; init; }

    /// <summary>Contact attempts, in order.</summary>
    public IReadOnlyList<AttemptRecord> Attempts { get; init; } = [];

    /// <summary>The case it became, if it did.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>Folds one event in.</summary>
    public static AwarenessState? Evolve(AwarenessState? s, IAwarenessEvent e) => (s, e) switch
    {
        (_, AwarenessRecorded r) => new AwarenessState { Id = r.AwarenessId, IndividualId = r.IndividualId, Source = r.Source, RecordedBy = r.RecordedBy, KnownOn = r.KnownOn },
        (null, _) => null,
        (var x, ContactAttempted a) => x with { Attempts = [.. x.Attempts, new AttemptRecord(a.Kind, a.Outcome, a.AttemptedOn)] },
        (var x, AwarenessConverted c) => x with { CaseId = c.CaseId },
        var (x, _) => x,
    };
}

/// <summary>Decisions on kännedom records, and the no-answer rule.</summary>
public static class AwarenessDecider
{
    /// <summary>Record a kännedom: only KAA works before a case exists.</summary>
    public static AwarenessRecorded Record(Guid id, Guid individualId, AwarenessSource source, Actor by, DateOnly knownOn) =>
        by.Party == PartyCode.KAA
            ? new AwarenessRecorded(id, individualId, source, by.Party, knownOn)
            : throw new CaseRuleViolation("awareness.kaa-only", "Only KAA records kännedom of a young person before a case exists.");

    /// <summary>Log a contact attempt.</summary>
    public static ContactAttempted Attempt(AwarenessState s, Guid attemptId, ContactKind kind, AttemptOutcome outcome, DateOnly on)
    {
        Open(s);
        NotBefore(on, s.Attempts.Count > 0 ? s.Attempts[^1].AttemptedOn : s.KnownOn, "attemptedOn");
        return new ContactAttempted(s.Id, attemptId, kind, outcome, on);
    }

    /// <summary>Convert into a case: the record's event, and the case's event that keeps the attempts.</summary>
    public static (AwarenessConverted Record, AwarenessCarriedOver Case) Convert(AwarenessState s, Guid caseId, DateOnly openedOn)
    {
        Open(s);
        NotBefore(openedOn, s.Attempts.Count > 0 ? s.Attempts[^1].AttemptedOn : s.KnownOn, "openedOn");
        return (new AwarenessConverted(s.Id, caseId, openedOn), new AwarenessCarriedOver(caseId, s.Id, s.Source, s.KnownOn, s.Attempts, openedOn));
    }

    /// <summary>
    /// NoAnswerBeforeCase: no answer to <c>Count</c> attempts, or <c>Days</c> after KAA came to know,
    /// and still no case. Null when it does not hold.
    /// </summary>
    public static StallFinding? NoAnswer(AwarenessState s, DateOnly today, RuleSettings settings)
    {
        if (!settings.Enabled || s.CaseId is not null || s.Attempts.Any(a => a.Outcome == AttemptOutcome.Answered && a.AttemptedOn <= today))
        {
            return null;
        }

        var unanswered = s.Attempts.Count(a => a.Outcome == AttemptOutcome.NoAnswer && a.AttemptedOn <= today);
        var days = today.DayNumber - s.KnownOn.DayNumber;
        if (unanswered < Math.Max(1, settings.Count) && days < settings.Days)
        {
            return null;
        }

        return new StallFinding(StallRuleCodes.NoAnswerBeforeCase, s.Id.ToString(), FlagSeverity.Warning, s.KnownOn,
            $"KAA fick kännedom {s.KnownOn:yyyy-MM-dd} och personen har inte svarat på {unanswered} kontaktförsök på {days} dagar; inget ärende finns.",
            $"KAA learnt of the person on {s.KnownOn:yyyy-MM-dd} and they have not answered {unanswered} contact attempts in {days} days; there is no case.")
        {
            Describes = [s.RecordedBy],
        };
    }

    private static void Open(AwarenessState s)
    {
        if (s.CaseId is { } c)
        {
            throw new CaseRuleViolation("awareness.converted", $"The record became case {c}; log contacts there.");
        }
    }

    private static void NotBefore(DateOnly date, DateOnly earliest, string field)
    {
        if (date < earliest)
        {
            throw new CaseRuleViolation("date.before-previous", $"{field} ({date:yyyy-MM-dd}) cannot be before {earliest:yyyy-MM-dd}.");
        }
    }
}
