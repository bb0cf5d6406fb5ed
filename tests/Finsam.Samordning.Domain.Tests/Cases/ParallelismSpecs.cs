using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

public sealed class ParallelismSpecs
{
    [Fact]
    public void Days_with_two_parties_ongoing_count_as_parallel()
    {
        var measure = Parallelism.Measure(
            [(PartyCode.AF, new OngoingPeriod(Day(10), Day(20))), (PartyCode.VC, new OngoingPeriod(Day(15), null))],
            Day(0), Day(29));

        Assert.Equal(new ParallelismMeasure(5, 30, 0.1667), measure);
    }

    [Fact]
    public void Two_insatser_of_one_party_are_not_parallel_work_between_parties()
    {
        var measure = Parallelism.Measure(
            [(PartyCode.AF, new OngoingPeriod(Day(0), null)), (PartyCode.AF, new OngoingPeriod(Day(0), null))], Day(0), Day(9));

        Assert.Equal(0, measure.ParallelDays);
    }

    [Fact]
    public void The_staircase_has_no_parallel_days()
    {
        var measure = Parallelism.Measure(
            [(PartyCode.VC, new OngoingPeriod(Day(0), Day(30))), (PartyCode.AF, new OngoingPeriod(Day(30), Day(60))), (PartyCode.AME, new OngoingPeriod(Day(60), null))],
            Day(0), Day(89));

        Assert.Equal(new ParallelismMeasure(0, 90, 0), measure);
    }

    [Fact]
    public void An_empty_or_inverted_span_measures_nothing() =>
        Assert.Equal(new ParallelismMeasure(0, 0, 0), Parallelism.Measure([], Day(5), Day(4)));
}
