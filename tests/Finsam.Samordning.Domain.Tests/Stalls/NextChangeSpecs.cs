using Finsam.Samordning.Benchmarks;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Domain.Tests.Stalls;

/// <summary>
/// <see cref="StallRules.NextChange"/> against the definition it promises, day by day: on
/// realistic generated cases, the day it names is the first day after today on which the findings
/// differ from today's, and no earlier day differs. The scan sleeps on a case until that day, so a
/// day too late is a flag raised late, and one too early only a wasted look.
/// </summary>
public sealed class NextChangeSpecs
{
    // Far enough for every rule's dates on the generated cases (consents run a year, eligibilities two).
    private const int Horizon = 3 * 366;

    public static TheoryData<int, int, bool> Samples => new() { { 11, 0, false }, { 12, 45, false }, { 13, 200, false }, { 14, 30, true } };

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_next_change_is_the_first_day_the_findings_differ(int seed, int daysLater, bool changedThresholds)
    {
        var generatedOn = new DateOnly(2026, 6, 1);
        var today = generatedOn.AddDays(daysLater);
        var generator = new CaseGenerator(seed, generatedOn);
        // As an administrator may set them: every threshold a third shorter, and every fifth rule off.
        var settings = changedThresholds
            ? new StallSettings
            {
                Rules = StallRuleCodes.All.Select((code, i) => (code, i, rule: StallSettings.Defaults.For(code)))
                    .ToDictionary(r => r.code, r => r.rule with { Days = Math.Max(1, r.rule.Days * 2 / 3), Enabled = r.rule.Enabled && r.i % 5 != 4 }),
            }
            : StallSettings.Defaults;
        for (var n = 0; n < 40; n++)
        {
            var facts = generator.Next().Events.Aggregate((StallFacts?)null, StallFacts.Evolve)!;
            var now = Keys(StallRules.Evaluate(facts, today, settings));
            var firstDiffering = Enumerable.Range(1, Horizon).Select(today.AddDays)
                .FirstOrDefault(day => !Keys(StallRules.Evaluate(facts, day, settings)).SetEquals(now));

            var (findings, next) = StallRules.Judge(facts, today, settings);

            // The scan's findings are Evaluate's.
            Assert.Equal(Shown(StallRules.Evaluate(facts, today, settings)), Shown(findings));

            if (firstDiffering == default)
            {
                Assert.True(next is null || next > today.AddDays(Horizon), $"case {n}: nothing changes within the horizon, yet next change {next}");
            }
            else
            {
                Assert.Equal(firstDiffering, next);
            }
        }
    }

    // A finding as it reads (its Describes list compared by content, not by reference).
    private static IEnumerable<string> Shown(IEnumerable<StallFinding> findings) =>
        findings.Select(f => (f with { Describes = null }) + " describes " + string.Join(",", f.Describes ?? []));

    private static HashSet<(string, string)> Keys(IEnumerable<StallFinding> findings) => [.. findings.Select(f => f.Key())];
}
