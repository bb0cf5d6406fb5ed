using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.FollowUp;

namespace Finsam.Samordning.Domain.Tests.FollowUp;

/// <summary>
/// What the indicator tables count of a case's flags: given its flag events, each flag with the day it
/// was raised and, once cleared, the day it was cleared. The same fold serves the case's follow-up facts
/// and its flags document.
/// </summary>
public sealed class FlagFactsSpecs
{
    private static readonly Guid Case = Guid.NewGuid();
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    private static StallFlagRaised Raised(Guid flag, int day) =>
        new(Case, flag, "NoContact", "", FlagSeverity.Warning, "r", "r", Day(day), Day(day), null);

    private static IReadOnlyList<FlagFacts> Given(params IFlagEvent[] events) => events.Aggregate((IReadOnlyList<FlagFacts>)[], FlagFacts.Apply);

    [Fact]
    public void A_raised_flag_is_counted_from_its_day_and_a_clear_dates_only_its_own_end()
    {
        var facts = Given(Raised(First, 0), Raised(Second, 3), new StallFlagCleared(Case, First, "klart", "system", Day(10)));

        Assert.Equal(
            [new FlagFacts(First, "NoContact", Day0, Day(10)), new FlagFacts(Second, "NoContact", Day(3))],
            facts);
    }

    [Fact]
    public void An_acknowledgement_changes_nothing_counted_and_a_second_clear_keeps_the_first_day()
    {
        var facts = Given(Raised(First, 0), new StallFlagAcknowledged(Case, First, "ringt", "sl-1", Day(1), Day(5)),
            new StallFlagCleared(Case, First, "klart", "system", Day(6)), new StallFlagCleared(Case, First, "igen", "system", Day(9)));

        Assert.Equal([new FlagFacts(First, "NoContact", Day0, Day(6))], facts);
    }

    [Fact]
    public void The_case_follow_up_facts_fold_flags_the_same_way()
    {
        IFlagEvent[] events = [Raised(First, 0), new StallFlagCleared(Case, First, "klart", "system", Day(10))];
        var opened = new FollowUpFacts { CaseId = Case };

        var folded = events.Aggregate(opened, (f, e) => FollowUpFacts.Evolve(f, e)!);

        Assert.Equal(Given(events), folded.Flags);
    }
}
