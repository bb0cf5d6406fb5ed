using Finsam.Samordning.Domain.Awareness;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Inbox;
using Finsam.Samordning.Domain.Stalls;

using static Finsam.Samordning.Domain.Tests.Stalls.RuleSpec;

namespace Finsam.Samordning.Domain.Tests.Inbox;

/// <summary>
/// The time-driven notices the scan writes (issue 14): an action coming due, to the party answering for
/// it, from 3 days ahead, once per due date; and NoAnswerBeforeCase, to KAA only, once per kännedom record.
/// Silent the day before, there on the day and the day after with the same key (so written once).
/// </summary>
public sealed class TimedNoticeSpecs
{
    private static readonly Guid A = Guid.Parse("0195a1b2-0000-7000-8000-0000000000d1");
    private static readonly RuleSettings ComingDue = StallSettings.Defaults.For(StallRuleCodes.ActionComingDue);

    private static StallFacts Planned(PartyCode? responsible, params ICaseEvent[] later) =>
        Facts([.. Case(PartyCode.SOC, PartyCode.AF), new ActionPlanned(CaseId, A, "Ring FK", responsible, null, Day(40), Day(10), PartyCode.SOC), .. later]);

    private static IReadOnlyList<NoticeDraft> At(StallFacts facts, int day) => TimedNotices.ActionsComingDue(CaseId, facts, Day(day), ComingDue);

    [Fact]
    public void An_action_coming_due_is_told_to_its_party_3_days_ahead_once_per_due_date()
    {
        var facts = Planned(PartyCode.AF);

        Assert.Empty(At(facts, 36));
        var on = Assert.Single(At(facts, 37));
        var after = Assert.Single(At(facts, 38));

        Assert.Equal((PartyCode.AF, NoticeKind.ActionComingDue, A, Day(40), true), (on.Recipient!.Value, on.Kind, on.EntryId!.Value, on.On, on.Addressed));
        Assert.NotNull(on.Key);
        Assert.Equal(on.Key, after.Key); // the same notice: a later scan finds it written
        Assert.Equal(Day(37), TimedNotices.NextComingDue(facts, Day(36), ComingDue));
        Assert.Null(TimedNotices.NextComingDue(facts, Day(37), ComingDue));
        Assert.Single(At(facts, 40));
        Assert.Empty(At(facts, 41)); // past due is OverdueAction's
    }

    [Fact]
    public void A_moved_due_date_notifies_again_and_a_done_or_dropped_action_not_at_all()
    {
        var first = Assert.Single(At(Planned(PartyCode.AF), 37));
        var moved = Planned(PartyCode.AF, new ActionRescheduled(CaseId, A, Day(50), Day(40), "Väntar", Day(38)));

        Assert.Empty(At(moved, 38));
        Assert.Equal(Day(47), TimedNotices.NextComingDue(moved, Day(38), ComingDue));
        Assert.NotEqual(first.Key, Assert.Single(At(moved, 47)).Key);
        Assert.Empty(At(Planned(PartyCode.AF, new ActionCompleted(CaseId, A, Day(36))), 37));
        Assert.Empty(At(Planned(PartyCode.AF, new ActionDropped(CaseId, A, "Behövs inte", Day(36))), 37));
        Assert.Empty(TimedNotices.ActionsComingDue(CaseId, Planned(PartyCode.AF), Day(37), ComingDue with { Enabled = false }));
    }

    [Fact]
    public void The_party_that_named_an_external_actor_or_planned_the_persons_own_action_is_told()
    {
        var bup = Guid.NewGuid();
        var forActor = Facts([.. Case(PartyCode.SOC, PartyCode.AF), new ExternalActorNamed(CaseId, bup, ExternalActorKind.Bup, "BUP Lund", PartyCode.AF, Day(1)),
            new ActionPlanned(CaseId, A, "Utredning", null, null, Day(40), Day(10), PartyCode.SOC, null, bup)]);

        Assert.Equal(PartyCode.AF, Assert.Single(At(forActor, 37)).Recipient);
        Assert.Equal(PartyCode.SOC, Assert.Single(At(Planned(null), 37)).Recipient);
        // A party that left the case is not told.
        Assert.Empty(At(Planned(PartyCode.AF, new PartyLeft(CaseId, PartyCode.AF, "Klar", PartyCode.SOC, Day(20))), 37));
    }

    [Fact]
    public void NoAnswerBeforeCase_is_told_to_KAA_once_per_record_from_the_day_it_holds()
    {
        var record = new AwarenessState { Id = A, IndividualId = Guid.NewGuid(), Source = AwarenessSource.SchoolDropOut, RecordedBy = PartyCode.KAA, KnownOn = Day(0) };
        var rule = StallSettings.Defaults.For(StallRuleCodes.NoAnswerBeforeCase);

        Assert.Null(TimedNotices.NoAnswer(record, Day(29), rule));
        var on = TimedNotices.NoAnswer(record, Day(30), rule)!;
        var after = TimedNotices.NoAnswer(record, Day(31), rule)!;

        Assert.Equal((PartyCode.KAA, NoticeKind.NoAnswerBeforeCase, A, Guid.Empty, true), (on.Recipient!.Value, on.Kind, on.EntryId!.Value, on.CaseId, on.Addressed));
        Assert.Equal(on.Key, after.Key);
        Assert.Null(TimedNotices.NoAnswer(record with { CaseId = Guid.NewGuid() }, Day(31), rule));
        Assert.Null(TimedNotices.NoAnswer(record with { Attempts = [new AttemptRecord(ContactKind.Phone, AttemptOutcome.Answered, Day(5))] }, Day(31), rule));
    }
}
