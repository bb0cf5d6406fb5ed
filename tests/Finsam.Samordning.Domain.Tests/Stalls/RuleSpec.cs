using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Domain.Tests.Stalls;

/// <summary>
/// What the rule specifications share: <see cref="TheCase"/> opened on day 0 (<see cref="Days"/>), its facts
/// folded from events, one rule switched on, and the day-before / on-the-day / day-after check.
/// </summary>
internal static class RuleSpec
{
    public static StallFacts Facts(params ICaseEvent[] events) =>
        events.Aggregate((StallFacts?)null, (f, e) => StallFacts.Evolve(f, e))!;

    public static IEnumerable<ICaseEvent> Case(params PartyCode[] parties) =>
    [
        Opened(),
        .. parties.Select(p => new PartyJoined(CaseId, p, p + " enhet", p + "-1", "Namn", Day(0))),
        // A contact every case has, so that NoContact does not muddle the other rules' tests.
        new ContactLogged(CaseId, Guid.NewGuid(), PartyCode.SOC, ContactKind.Meeting, false, null, Day(0)),
    ];

    public static StallSettings Only(string rule) =>
        new() { Rules = StallRuleCodes.All.ToDictionary(r => r, r => StallSettings.Defaults.For(r) with { Enabled = r == rule }) };

    // The rules are pure functions of the day they are judged on, never the machine's clock.
    public static IReadOnlyList<StallFinding> At(StallFacts facts, int day, string rule) => StallRules.Evaluate(facts, Day(day), Only(rule));

    /// <summary>Silent the day before <paramref name="fires"/>, found on it and the day after; returns the finding on the day.</summary>
    public static StallFinding Boundary(StallFacts facts, string rule, int fires)
    {
        Assert.Empty(At(facts, fires - 1, rule));
        var found = Assert.Single(At(facts, fires, rule));
        Assert.Single(At(facts, fires + 1, rule));
        Assert.Equal(rule, found.Rule);
        Assert.Equal(Day(fires), StallRules.NextChange(facts, Day(fires - 1), Only(rule)));
        return found;
    }
}
