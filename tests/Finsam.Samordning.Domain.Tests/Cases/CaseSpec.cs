using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

/// <summary>Given events, when a command, then events or a refusal; about <see cref="TheCase"/>, counted in <see cref="Days"/>.</summary>
public abstract class CaseSpec
{
    protected static readonly Actor Soc = new("soc-anna", "Anna", PartyCode.SOC);
    protected static readonly Actor Af = new("af-bo", "Bo", PartyCode.AF);
    protected static readonly Actor Vc = new("vc-cilla", "Cilla", PartyCode.VC);
    protected static readonly Actor Fk = new("fk-dan", "Dan", PartyCode.FK);
    protected static readonly Actor Ame = new("ame-eva", "Eva", PartyCode.AME);

    private readonly List<ICaseEvent> _given = [];

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

    protected static PartyJoined Joined(Actor who, int day = 0) => new(CaseId, who.Party, $"{who.Party} enhet", who.UserId, who.DisplayName, Day(day));

    protected static InterventionPlanned Planned(Guid id, Actor who, string kind, int day) => new(CaseId, id, who.Party, kind, null, Day(day), Day(day));

    protected static InterventionStarted Started(Guid id, int day) => new(CaseId, id, Day(day));
}
