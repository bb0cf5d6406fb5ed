using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.FollowUp;

/// <summary>An insats as the indicator tables count it: every date it changed on, and its SUS records.</summary>
/// <param name="Id">Insats id.</param>
/// <param name="Party">Owning party.</param>
/// <param name="Kind">Kind code.</param>
/// <param name="PlannedOn">Planned (the waiting clock starts).</param>
/// <param name="StartedOn">Started, if it did.</param>
/// <param name="EndedOn">Completed or cancelled, if it was.</param>
/// <param name="Pauses">Pauses: from, and to when resumed.</param>
/// <param name="Start">SUS start record.</param>
/// <param name="End">SUS end record.</param>
public sealed record InsatsFacts(
    Guid Id, PartyCode Party, string Kind, DateOnly PlannedOn, DateOnly? StartedOn = null, DateOnly? EndedOn = null,
    IReadOnlyList<DateSpan>? Pauses = null, ParticipantStartRecorded? Start = null, ParticipantEndRecorded? End = null)
{
    /// <summary>Whether the insats was ongoing (started, not paused, not ended) on <paramref name="day"/>, as known on <paramref name="asOf"/>.</summary>
    public bool OngoingOn(DateOnly day, DateOnly asOf) =>
        StartedOn is { } s && s <= day && s <= asOf
        && !(EndedOn is { } e && e <= day && e <= asOf)
        && !(Pauses ?? []).Any(p => p.From <= day && p.From <= asOf && !(p.To is { } to && to <= day && to <= asOf));
}

/// <summary>A span of days, open-ended while <paramref name="To"/> is null.</summary>
/// <param name="From">First day.</param>
/// <param name="To">The day it ended (not included), if it has.</param>
public sealed record DateSpan(DateOnly From, DateOnly? To = null);

/// <summary>A close or reopening of the case.</summary>
/// <param name="On">Business date.</param>
/// <param name="Closed">Closed (true) or reopened (false).</param>
/// <param name="Outcome">The outcome of a close.</param>
public sealed record LifecycleChange(DateOnly On, bool Closed, CaseOutcome? Outcome);

/// <summary>A party's time on the case.</summary>
/// <param name="Party">Party.</param>
/// <param name="From">Joined.</param>
/// <param name="To">Left, if it did.</param>
public sealed record PartySpan(PartyCode Party, DateOnly From, DateOnly? To = null);

/// <summary>A flag as counted: its rule and when it was raised and cleared.</summary>
/// <param name="Id">Flag id.</param>
/// <param name="Rule">Rule code (or ManualConcern).</param>
/// <param name="RaisedOn">Raised.</param>
/// <param name="ClearedOn">Cleared, if it was.</param>
public sealed record FlagFacts(Guid Id, string Rule, DateOnly RaisedOn, DateOnly? ClearedOn = null)
{
    /// <summary>Applies a flag event to a case's flag facts: a raise adds one, a clear dates its end.</summary>
    public static IReadOnlyList<FlagFacts> Apply(IReadOnlyList<FlagFacts> flags, IFlagEvent @event) => @event switch
    {
        StallFlagRaised e => [.. flags, new FlagFacts(e.FlagId, e.Rule, e.RaisedOn)],
        StallFlagCleared e => [.. flags.Select(x => x.Id == e.FlagId && x.ClearedOn is null ? x with { ClearedOn = e.ClearedOn } : x)],
        _ => flags,
    };
}

/// <summary>A SIP meeting as counted.</summary>
/// <param name="Id">Meeting id.</param>
/// <param name="HeldOn">Held.</param>
/// <param name="PersonPresent">Whether the person took part.</param>
/// <param name="NextFollowUpOn">The follow-up agreed at it.</param>
public sealed record MeetingFacts(Guid Id, DateOnly HeldOn, bool PersonPresent, DateOnly? NextFollowUpOn);

/// <summary>A consent version as counted: from when to when it was valid.</summary>
/// <param name="Id">Consent id.</param>
/// <param name="GivenOn">Given (its business date).</param>
/// <param name="ValidFrom">First valid day.</param>
/// <param name="ValidUntil">Last valid day, if limited.</param>
/// <param name="EndedFrom">Revoked or replaced from this day.</param>
/// <param name="EndKnownOn">The business date of the revocation or replacement.</param>
public sealed record ConsentFacts(Guid Id, DateOnly GivenOn, DateOnly ValidFrom, DateOnly? ValidUntil, DateOnly? EndedFrom = null, DateOnly? EndKnownOn = null)
{
    /// <summary>Whether it was valid on <paramref name="day"/>, as known that day.</summary>
    public bool ValidOn(DateOnly day) =>
        GivenOn <= day && ValidFrom <= day && (ValidUntil is not { } u || u >= day) && !(EndedFrom is { } e && e <= day && EndKnownOn <= day);
}

/// <summary>
/// Everything the indicator tables count about one case, each fact with its business date. Folded
/// from the case's events in any order of storage; a table for a period reads only the facts dated
/// on or before the period's last day, so a past period is rebuilt with the same figures whatever
/// was recorded later with later dates.
/// </summary>
public sealed record FollowUpFacts
{
    /// <summary>Case id.</summary>
    public Guid CaseId { get; init; }

    /// <summary>Opened.</summary>
    public DateOnly OpenedOn { get; init; }

    /// <summary>Municipality code.</summary>
    public string MunicipalityCode { get; init; } = "";

    /// <summary>Target groups.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];

    /// <summary>Closes and reopenings in order of business date.</summary>
    public IReadOnlyList<LifecycleChange> Lifecycle { get; init; } = [];

    /// <summary>Each party's spans on the case.</summary>
    public IReadOnlyList<PartySpan> Parties { get; init; } = [];

    /// <summary>Insatser.</summary>
    public IReadOnlyList<InsatsFacts> Insatser { get; init; } = [];

    /// <summary>Flags.</summary>
    public IReadOnlyList<FlagFacts> Flags { get; init; } = [];

    /// <summary>SIP meetings held.</summary>
    public IReadOnlyList<MeetingFacts> Meetings { get; init; } = [];

    /// <summary>Consent versions.</summary>
    public IReadOnlyList<ConsentFacts> Consents { get; init; } = [];

    /// <summary>Answers to the progress questionnaire.</summary>
    public IReadOnlyList<ProgressAnswers> Answers { get; init; } = [];

    /// <summary>Folds one event into the facts; events the tables do not count leave them unchanged.</summary>
    public static FollowUpFacts? Evolve(FollowUpFacts? facts, ICaseEvent @event) => (facts, @event) switch
    {
        (_, CaseOpened e) => new FollowUpFacts { CaseId = e.CaseId, OpenedOn = e.OpenedOn, MunicipalityCode = e.MunicipalityCode, TargetGroups = e.TargetGroups },
        (null, _) => null,
        (var f, PartyJoined e) => f with { Parties = [.. f.Parties, new PartySpan(e.Party, e.JoinedOn)] },
        (var f, PartyLeft e) => f with { Parties = [.. f.Parties.Select(p => p.Party == e.Party && p.To is null ? p with { To = e.LeftOn } : p)] },
        (var f, InterventionPlanned e) => f with { Insatser = [.. f.Insatser, new InsatsFacts(e.InterventionId, e.Party, e.Kind, e.PlannedOn)] },
        (var f, InterventionStarted e) => f.Insats(e.InterventionId, i => i with { StartedOn = e.StartedOn }),
        (var f, InterventionPaused e) => f.Insats(e.InterventionId, i => i with { Pauses = [.. i.Pauses ?? [], new DateSpan(e.PausedOn)] }),
        (var f, InterventionResumed e) => f.Insats(e.InterventionId, i => i with { Pauses = [.. (i.Pauses ?? []).Select(p => p.To is null ? p with { To = e.ResumedOn } : p)] }),
        (var f, InterventionCompleted e) => f.Insats(e.InterventionId, i => i with { EndedOn = e.CompletedOn }),
        (var f, InterventionCancelled e) => f.Insats(e.InterventionId, i => i with { EndedOn = e.CancelledOn }),
        (var f, ParticipantStartRecorded e) => f.Insats(e.InterventionId, i => i with { Start = e }),
        (var f, ParticipantEndRecorded e) => f.Insats(e.InterventionId, i => i with { End = e }),
        (var f, IFlagEvent e) => f with { Flags = FlagFacts.Apply(f.Flags, e) },
        (var f, SipMeetingHeld e) => f with { Meetings = [.. f.Meetings, new MeetingFacts(e.MeetingId, e.HeldOn, e.IndividualTookPart, e.NextFollowUpOn)] },
        (var f, ConsentRecorded e) => f with
        {
            Consents =
            [
                .. f.Consents.Select(c => c.Id == e.Replaces ? c with { EndedFrom = e.BusinessDate, EndKnownOn = e.BusinessDate } : c),
                new ConsentFacts(e.ConsentId, e.BusinessDate, e.ValidFrom, e.ValidUntil),
            ],
        },
        (var f, ConsentRevoked e) => f with { Consents = [.. f.Consents.Select(c => c.Id == e.ConsentId ? c with { EndedFrom = e.EffectiveOn, EndKnownOn = e.RecordedOn } : c)] },
        (var f, ProgressQuestionnaireAnswered e) => f with { Answers = [.. f.Answers, ProgressAnswers.From(e)] },
        (var f, CaseClosed e) => f with { Lifecycle = [.. f.Lifecycle, new LifecycleChange(e.ClosedOn, true, e.Outcome)] },
        (var f, CaseReopened e) => f with { Lifecycle = [.. f.Lifecycle, new LifecycleChange(e.ReopenedOn, false, null)] },
        var (f, _) => f,
    };

    /// <summary>The spans in which the case was open, as known on <paramref name="asOf"/> (a close day counts as open).</summary>
    public IEnumerable<DateSpan> OpenSpans(DateOnly asOf)
    {
        var from = (DateOnly?)OpenedOn;
        foreach (var change in Lifecycle.Where(l => l.On <= asOf))
        {
            if (change.Closed && from is { } f)
            {
                yield return new DateSpan(f, change.On.AddDays(1));
                from = null;
            }
            else if (!change.Closed && from is null)
            {
                from = change.On;
            }
        }

        if (from is { } open)
        {
            yield return new DateSpan(open);
        }
    }

    /// <summary>Whether the case was open on some day of [<paramref name="from"/>, <paramref name="to"/>], as known on <paramref name="to"/>.</summary>
    public bool ActiveIn(DateOnly from, DateOnly to) =>
        OpenedOn <= to && OpenSpans(to).Any(s => s.From <= to && (s.To is not { } end || end > from));

    private FollowUpFacts Insats(Guid id, Func<InsatsFacts, InsatsFacts> change) =>
        this with { Insatser = [.. Insatser.Select(i => i.Id == id ? change(i) : i)] };
}
