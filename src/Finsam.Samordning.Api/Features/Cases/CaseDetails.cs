using Finsam.Samordning.Domain.Cases;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>A party on the case and who carries it there.</summary>
/// <param name="Party">Party code.</param>
/// <param name="Unit">The party's unit.</param>
/// <param name="CaseworkerId">Caseworker's user id.</param>
/// <param name="CaseworkerName">Caseworker's display name.</param>
/// <param name="JoinedOn">When the party joined.</param>
/// <param name="LeftOn">When it left, if it has.</param>
/// <param name="HandedOverTo">The party it handed over to when leaving.</param>
public sealed record CaseParty(PartyCode Party, string Unit, string CaseworkerId, string CaseworkerName, DateOnly JoinedOn,
    DateOnly? LeftOn = null, PartyCode? HandedOverTo = null);

/// <summary>A case as its details page shows it (read model, projected inline).</summary>
public sealed record CaseDetails
{
    /// <summary>Case id.</summary>
    public Guid Id { get; init; }

    /// <summary>Stream version; also the <c>ETag</c>.</summary>
    // Synced by Marten with the row's revision (mt_version): the stream version the row was built from.
    [Marten.Schema.Version]
    public long Version { get; set; }

    /// <summary>Open or closed.</summary>
    public CaseStatus Status { get; init; }

    /// <summary>The individual, by id.</summary>
    public Guid? IndividualId { get; init; }

    /// <summary>Four-digit municipality code.</summary>
    public string MunicipalityCode { get; init; } = "";

    /// <summary>Target groups.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];

    /// <summary>True when the target groups were withheld from this reader (no consent covers them).</summary>
    public bool TargetGroupsWithheld { get; init; }

    /// <summary>The party that opened the case.</summary>
    public PartyCode OpeningParty { get; init; }

    /// <summary>Business date of opening.</summary>
    public DateOnly OpenedOn { get; init; }

    /// <summary>Parties on the case, including those that left.</summary>
    public IReadOnlyList<CaseParty> Parties { get; init; } = [];

    /// <summary>Planeringsansvarig party.</summary>
    public PartyCode? PlanLead { get; init; }

    /// <summary>When the case was (last) closed.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>Outcome at closing.</summary>
    public CaseOutcome? Outcome { get; init; }

    /// <summary>The latest business date of anything recorded on the case.</summary>
    public DateOnly LastActivityOn { get; init; }

    /// <summary>Folds one event into the details; a pure function the projection and handlers share.</summary>
    public static CaseDetails? Project(CaseDetails? details, ICaseEvent @event)
    {
        if (@event is IFlagEvent)
        {
            return details;
        }

        var next = (details, @event) switch
        {
            (_, CaseOpened e) => new CaseDetails
            {
                Id = e.CaseId,
                Status = CaseStatus.Open,
                IndividualId = e.IndividualId,
                MunicipalityCode = e.MunicipalityCode,
                TargetGroups = e.TargetGroups,
                OpeningParty = e.OpeningParty,
                OpenedOn = e.OpenedOn,
            },
            (null, _) => null,
            (var d, PartyJoined e) => d with
            {
                Parties = [.. d.Parties.Where(p => p.Party != e.Party),
                    new CaseParty(e.Party, e.Unit, e.CaseworkerId, e.CaseworkerName, e.JoinedOn)],
            },
            (var d, CaseworkerAssigned e) => d with
            {
                Parties = [.. d.Parties.Select(p => p.Party == e.Party ? p with { CaseworkerId = e.CaseworkerId, CaseworkerName = e.CaseworkerName } : p)],
            },
            (var d, PartyLeft e) => d with
            {
                Parties = [.. d.Parties.Select(p => p.Party == e.Party ? p with { LeftOn = e.LeftOn, HandedOverTo = e.HandedOverTo } : p)],
                PlanLead = d.PlanLead == e.Party ? null : d.PlanLead,
            },
            (var d, PlanLeadAssigned e) => d with { PlanLead = e.Party },
            (var d, CaseClosed e) => d with { Status = CaseStatus.Closed, ClosedOn = e.ClosedOn, Outcome = e.Outcome },
            (var d, CaseReopened) => d with { Status = CaseStatus.Open, Outcome = null },
            var (d, _) => d,
        };
        return next is null ? null : next with { LastActivityOn = Max(next.LastActivityOn, @event.BusinessDate) };
    }

    /// <summary>Folds events onto a starting point and stamps the resulting version.</summary>
    public static CaseDetails? Fold(CaseDetails? start, IEnumerable<ICaseEvent> events, long version)
    {
        var details = events.Aggregate(start, Project);
        if (details is not null)
        {
            details.Version = version;
        }

        return details;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>Inline projection of <see cref="CaseDetails"/>.</summary>
public sealed class CaseDetailsProjection : SingleStreamProjection<CaseDetails, Guid>
{
    /// <inheritdoc />
    public override CaseDetails? Evolve(CaseDetails? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not ICaseEvent caseEvent)
        {
            return snapshot;
        }

        var details = CaseDetails.Project(snapshot, caseEvent);
        if (details is not null)
        {
            details.Version = e.Version;
        }

        return details;
    }
}
