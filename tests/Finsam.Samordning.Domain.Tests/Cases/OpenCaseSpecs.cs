using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

/// <summary>Given events, when a command, then events or a refusal.</summary>
public sealed class OpenCaseSpecs : CaseSpec
{
    private static OpenCaseCommand Open(PartyCode party = PartyCode.SOC, Actor? by = null, params TargetGroup[] groups) =>
        new(CaseId, null, "1282", groups.Length == 0 ? [TargetGroup.Uvas] : groups, party, "Ekonomiskt bistånd", Day0) { By = by ?? Soc };

    [Fact]
    public void Given_no_case_when_opened_then_the_case_opens_and_the_opening_party_joins_with_its_caseworker()
    {
        var events = CaseDecider.Decide(Open(), state: null);

        Assert.Equal(
            [
                new CaseOpened(CaseId, null, "1282", [TargetGroup.Uvas], PartyCode.SOC, Day0),
                new PartyJoined(CaseId, PartyCode.SOC, "Ekonomiskt bistånd", "soc-anna", "Anna", Day0),
            ],
            events,
            new EventComparer());
    }

    [Fact]
    public void Given_an_open_case_when_opened_again_then_refused()
    {
        var state = CaseDecider.Fold(CaseDecider.Decide(Open(), null));

        var refusal = Assert.Throws<CaseRuleViolation>(() => CaseDecider.Decide(Open(), state));

        Assert.Equal("case.already-exists", refusal.Code);
    }

    [Fact]
    public void When_a_caseworker_opens_for_another_party_then_refused()
    {
        var refusal = Assert.Throws<CaseRuleViolation>(() => CaseDecider.Decide(Open(PartyCode.AF), null));

        Assert.Equal("case.wrong-party", refusal.Code);
        Assert.Contains("SOC", refusal.Message);
    }

    [Fact]
    public void Target_groups_are_recorded_once_each_in_a_stable_order()
    {
        var opened = (CaseOpened)CaseDecider.Decide(
            Open(PartyCode.SOC, null, TargetGroup.MentalIllHealth, TargetGroup.Uvas, TargetGroup.MentalIllHealth), null)[0];

        Assert.Equal([TargetGroup.Uvas, TargetGroup.MentalIllHealth], opened.TargetGroups);
    }

    [Fact]
    public void Evolving_the_opening_events_gives_an_open_case_with_its_party()
    {
        var state = CaseDecider.Fold(CaseDecider.Decide(Open(), null))!;

        Assert.Equal(CaseStatus.Open, state.Status);
        Assert.Equal(Day0, state.OpenedOn);
        Assert.Equal("soc-anna", state.Parties[PartyCode.SOC].CaseworkerId);
    }

    private sealed class EventComparer : IEqualityComparer<ICaseEvent>
    {
        // Records with list members compare lists by reference; compare their JSON instead.
        public bool Equals(ICaseEvent? x, ICaseEvent? y) =>
            x?.GetType() == y?.GetType()
            && System.Text.Json.JsonSerializer.Serialize(x, x?.GetType() ?? typeof(object))
            == System.Text.Json.JsonSerializer.Serialize(y, y?.GetType() ?? typeof(object));

        public int GetHashCode(ICaseEvent obj) => obj.GetType().GetHashCode();
    }
}
