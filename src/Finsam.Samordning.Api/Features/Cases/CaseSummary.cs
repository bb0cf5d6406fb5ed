using Finsam.Samordning.Domain.Cases;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>
/// One row per case for lists (and, later, the stall scan): small, indexed on what lists filter
/// and sort by.
/// </summary>
public sealed record CaseSummary
{
    /// <summary>Case id.</summary>
    public Guid Id { get; init; }

    /// <summary>Stream version.</summary>
    public long Version { get; set; }

    /// <summary>Open or closed.</summary>
    public CaseStatus Status { get; init; }

    /// <summary>Municipality code.</summary>
    public string MunicipalityCode { get; init; } = "";

    /// <summary>Target groups.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];

    /// <summary>Parties on the case now.</summary>
    public IReadOnlyList<PartyCode> Parties { get; init; } = [];

    /// <summary>Planeringsansvarig.</summary>
    public PartyCode? PlanLead { get; init; }

    /// <summary>When opened.</summary>
    public DateOnly OpenedOn { get; init; }

    /// <summary>Latest business date of anything on the case.</summary>
    public DateOnly LastActivityOn { get; init; }

    /// <summary>Insatser ongoing now, by owning party (paused ones excluded).</summary>
    public IReadOnlyList<PartyCode> OngoingInterventionParties { get; init; } = [];

    /// <summary>Insatser per id and owner, to keep <see cref="OngoingInterventionParties"/> right.</summary>
    public IReadOnlyDictionary<Guid, PartyCode> OngoingInterventions { get; init; } = new Dictionary<Guid, PartyCode>();

    /// <summary>Open stall or concern flags (kept by the stall detection).</summary>
    public int OpenFlags { get; init; }

    /// <summary>Whether any flag is open.</summary>
    public bool Flagged { get; init; }

    /// <summary>Folds one event in.</summary>
    public static CaseSummary? Project(CaseSummary? summary, ICaseEvent @event)
    {
        var next = (summary, @event) switch
        {
            (_, CaseOpened e) => new CaseSummary
            {
                Id = e.CaseId, Status = CaseStatus.Open, MunicipalityCode = e.MunicipalityCode, TargetGroups = e.TargetGroups, OpenedOn = e.OpenedOn,
            },
            (null, _) => null,
            (var s, PartyJoined e) => s with { Parties = [.. s.Parties.Append(e.Party).Distinct().Order()] },
            (var s, PartyLeft e) => s with { Parties = [.. s.Parties.Where(p => p != e.Party)], PlanLead = s.PlanLead == e.Party ? null : s.PlanLead },
            (var s, PlanLeadAssigned e) => s with { PlanLead = e.Party },
            (var s, InterventionStarted e) => s.Ongoing(e.InterventionId, true),
            (var s, InterventionResumed e) => s.Ongoing(e.InterventionId, true),
            (var s, InterventionPaused e) => s.Ongoing(e.InterventionId, false),
            (var s, InterventionCompleted e) => s.Ongoing(e.InterventionId, false),
            (var s, InterventionCancelled e) => s.Ongoing(e.InterventionId, false),
            (var s, InterventionPlanned e) => s with { Owners = s.Owners.With(e.InterventionId, e.Party) },
            (var s, CaseClosed) => s with { Status = CaseStatus.Closed },
            (var s, CaseReopened) => s with { Status = CaseStatus.Open },
            var (s, _) => s,
        };
        return next is null ? null : next with { LastActivityOn = next.LastActivityOn > @event.BusinessDate ? next.LastActivityOn : @event.BusinessDate };
    }

    /// <summary>Owners of every insats on the case, so a start can be attributed to its party.</summary>
    public IReadOnlyDictionary<Guid, PartyCode> Owners { get; init; } = new Dictionary<Guid, PartyCode>();

    private CaseSummary Ongoing(Guid id, bool ongoing)
    {
        if (!Owners.TryGetValue(id, out var party))
        {
            return this;
        }

        var current = new Dictionary<Guid, PartyCode>(OngoingInterventions);
        if (ongoing)
        {
            current[id] = party;
        }
        else
        {
            current.Remove(id);
        }

        return this with { OngoingInterventions = current, OngoingInterventionParties = [.. current.Values.Distinct().Order()] };
    }
}

internal static class SummaryDictionary
{
    public static IReadOnlyDictionary<Guid, PartyCode> With(this IReadOnlyDictionary<Guid, PartyCode> d, Guid id, PartyCode party) =>
        new Dictionary<Guid, PartyCode>(d) { [id] = party };
}

/// <summary>Inline projection of <see cref="CaseSummary"/>.</summary>
public sealed class CaseSummaryProjection : SingleStreamProjection<CaseSummary, Guid>
{
    /// <inheritdoc />
    public override CaseSummary? Evolve(CaseSummary? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not ICaseEvent caseEvent)
        {
            return snapshot;
        }

        var summary = CaseSummary.Project(snapshot, caseEvent);
        if (summary is not null)
        {
            summary.Version = e.Version;
        }

        return summary;
    }
}
