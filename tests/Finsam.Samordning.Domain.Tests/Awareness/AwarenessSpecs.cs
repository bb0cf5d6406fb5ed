using Finsam.Samordning.Domain.Awareness;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Domain.Tests.Awareness;

/// <summary>Kännedom before a case: KAA only, the no-answer rule at its thresholds, conversion keeping the attempts.</summary>
public sealed class AwarenessSpecs
{
    private static readonly Actor Kaa = new("kaa-1", "K", PartyCode.KAA);
    private static readonly RuleSettings Rule = StallSettings.Defaults.For(StallRuleCodes.NoAnswerBeforeCase);

    private static AwarenessState State(params IAwarenessEvent[] events) => events.Aggregate((AwarenessState?)null, AwarenessState.Evolve)!;

    private static AwarenessRecorded Recorded(Guid id) => AwarenessDecider.Record(id, Guid.NewGuid(), AwarenessSource.SchoolDropOut, Kaa, Day0);

    [Fact]
    public void Only_KAA_records_kannedom()
    {
        var refusal = Assert.Throws<CaseRuleViolation>(() => AwarenessDecider.Record(Guid.NewGuid(), Guid.NewGuid(), AwarenessSource.Other,
            new Actor("soc-1", "S", PartyCode.SOC), Day0));
        Assert.Equal("awareness.kaa-only", refusal.Code);
    }

    [Fact]
    public void No_answer_holds_30_days_after_KAA_knew_with_no_answer()
    {
        var id = Guid.NewGuid();
        var s = State(Recorded(id), new ContactAttempted(id, Guid.NewGuid(), ContactKind.Letter, AttemptOutcome.NoAnswer, Day(1)));

        Assert.Null(AwarenessDecider.NoAnswer(s, Day(29), Rule));
        var found = AwarenessDecider.NoAnswer(s, Day(30), Rule)!;
        Assert.NotNull(AwarenessDecider.NoAnswer(s, Day(31), Rule));
        Assert.Equal("KAA fick kännedom 2026-02-02 och personen har inte svarat på 1 kontaktförsök på 30 dagar; inget ärende finns.", found.Reason);
        Assert.Equal([PartyCode.KAA], found.Describes);
        // An answer ends it.
        Assert.Null(AwarenessDecider.NoAnswer(State(Recorded(id),
            new ContactAttempted(id, Guid.NewGuid(), ContactKind.Phone, AttemptOutcome.Answered, Day(5))), Day(40), Rule));
    }

    [Fact]
    public void No_answer_holds_on_the_third_unanswered_attempt()
    {
        var id = Guid.NewGuid();
        var two = State([Recorded(id), .. new[] { 1, 3 }.Select(d => new ContactAttempted(id, Guid.NewGuid(), ContactKind.Letter, AttemptOutcome.NoAnswer, Day(d)))]);
        Assert.Null(AwarenessDecider.NoAnswer(two, Day(5), Rule));
        var three = AwarenessState.Evolve(two, new ContactAttempted(id, Guid.NewGuid(), ContactKind.HomeVisit, AttemptOutcome.NoAnswer, Day(5)))!;
        Assert.Null(AwarenessDecider.NoAnswer(three, Day(4), Rule));
        Assert.NotNull(AwarenessDecider.NoAnswer(three, Day(5), Rule));
    }

    [Fact]
    public void Conversion_keeps_the_attempts_and_closes_the_record()
    {
        var id = Guid.NewGuid();
        var s = State(Recorded(id), new ContactAttempted(id, Guid.NewGuid(), ContactKind.Letter, AttemptOutcome.NoAnswer, Day(1)),
            new ContactAttempted(id, Guid.NewGuid(), ContactKind.Phone, AttemptOutcome.Answered, Day(4)));
        var caseId = Guid.NewGuid();

        Assert.Equal("date.before-previous", Assert.Throws<CaseRuleViolation>(() => AwarenessDecider.Convert(s, caseId, Day(3))).Code);
        var (record, carried) = AwarenessDecider.Convert(s, caseId, Day(6));
        Assert.Equal(2, carried.Attempts.Count);
        var closed = AwarenessState.Evolve(s, record)!;
        Assert.Equal(caseId, closed.CaseId);
        Assert.Null(AwarenessDecider.NoAnswer(closed, Day(90), Rule));
        Assert.Equal("awareness.converted", Assert.Throws<CaseRuleViolation>(() =>
            AwarenessDecider.Attempt(closed, Guid.NewGuid(), ContactKind.Letter, AttemptOutcome.NoAnswer, Day(7))).Code);

        // In the case, the attempts count as a contact (the answer) and a no-show, on their own days.
        var facts = new ICaseEvent[]
        {
            new CaseOpened(caseId, null, "1282", [TargetGroup.KaaYouth], PartyCode.KAA, Day(6)), carried,
        }.Aggregate((StallFacts?)null, StallFacts.Evolve)!;
        Assert.Equal(Day(4), facts.LastContactOn);
        Assert.Equal([Day(1)], facts.NoShows);
    }
}
