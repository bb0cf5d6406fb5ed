using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

/// <summary>Given events, when a command, then events or a refusal.</summary>
public abstract class CaseSpec
{
    protected static readonly Guid CaseId = Guid.Parse("0195a1b2-0000-7000-8000-000000000001");
    protected static readonly DateOnly Day0 = new(2026, 2, 2);
    protected static readonly Actor Soc = new("soc-anna", "Anna", PartyCode.SOC);
    protected static readonly Actor Af = new("af-bo", "Bo", PartyCode.AF);
    protected static readonly Actor Vc = new("vc-cilla", "Cilla", PartyCode.VC);
    protected static readonly Actor Fk = new("fk-dan", "Dan", PartyCode.FK);
    protected static readonly Actor Ame = new("ame-eva", "Eva", PartyCode.AME);

    private readonly List<ICaseEvent> _given = [];

    protected static DateOnly Day(int n) => Day0.AddDays(n);

    /// <summary>The case as it stands after the given events.</summary>
    protected CaseState? State => CaseDecider.Fold(_given);

    /// <summary>Every event so far: the given ones and what commands produced.</summary>
    protected IReadOnlyList<ICaseEvent> Events => _given;

    public CaseSpec Given(params ICaseEvent[] events)
    {
        _given.AddRange(events);
        return this;
    }

    /// <summary>Applies a command to the given events and keeps what it produced as given.</summary>
    protected IReadOnlyList<ICaseEvent> When(CaseCommand command)
    {
        var events = CaseDecider.Decide(command, State);
        _given.AddRange(events);
        return events;
    }

    public CaseRuleViolation Refused(CaseCommand command, string code)
    {
        var refusal = Assert.Throws<CaseRuleViolation>(() => CaseDecider.Decide(command, State));
        Assert.Equal(code, refusal.Code);
        return refusal;
    }

    protected static CaseOpened Opened() => new(CaseId, null, "1282", [TargetGroup.Uvas], PartyCode.SOC, Day0);

    protected static PartyJoined Joined(Actor who, int day = 0) => new(CaseId, who.Party, $"{who.Party} enhet", who.UserId, who.DisplayName, Day(day));

    protected static InterventionPlanned Planned(Guid id, Actor who, string kind, int day) => new(CaseId, id, who.Party, kind, null, Day(day), Day(day));

    protected static InterventionStarted Started(Guid id, int day) => new(CaseId, id, Day(day));
}
