using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

public sealed class ParallelismSpecs
{
    private static readonly DateOnly D0 = new(2026, 2, 2);

    private static DateOnly D(int n) => D0.AddDays(n);

    [Fact]
    public void Days_with_two_parties_ongoing_count_as_parallel()
    {
        var measure = Parallelism.Measure(
            [(PartyCode.AF, new OngoingPeriod(D(10), D(20))), (PartyCode.VC, new OngoingPeriod(D(15), null))],
            D(0), D(29));

        Assert.Equal(new ParallelismMeasure(5, 30, 0.1667), measure);
    }

    [Fact]
    public void Two_insatser_of_one_party_are_not_parallel_work_between_parties()
    {
        var measure = Parallelism.Measure(
            [(PartyCode.AF, new OngoingPeriod(D(0), null)), (PartyCode.AF, new OngoingPeriod(D(0), null))], D(0), D(9));

        Assert.Equal(0, measure.ParallelDays);
    }

    [Fact]
    public void The_staircase_has_no_parallel_days()
    {
        var measure = Parallelism.Measure(
            [(PartyCode.VC, new OngoingPeriod(D(0), D(30))), (PartyCode.AF, new OngoingPeriod(D(30), D(60))), (PartyCode.AME, new OngoingPeriod(D(60), null))],
            D(0), D(89));

        Assert.Equal(new ParallelismMeasure(0, 90, 0), measure);
    }

    [Fact]
    public void An_empty_or_inverted_span_measures_nothing() =>
        Assert.Equal(new ParallelismMeasure(0, 0, 0), Parallelism.Measure([], D(5), D(4)));
}
