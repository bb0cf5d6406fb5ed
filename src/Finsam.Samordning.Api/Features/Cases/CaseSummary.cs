using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>
/// One row per case for lists and for the stall scan: the facts the rules need, the open flags,
/// and an indexed <see cref="NextAttentionOn"/> so the scan reads only the cases that are due.
/// </summary>
public sealed record CaseSummary
{
    /// <summary>Case id.</summary>
    public Guid Id { get; init; }

    /// <summary>Stream version.</summary>
    // Synced by Marten with the row's revision (mt_version): the stream version the row was built from.
    [Marten.Schema.Version]
    public long Version { get; set; }

    /// <summary>Open or closed.</summary>
    public CaseStatus Status { get; init; }

    /// <summary>Municipality code.</summary>
    public string MunicipalityCode { get; init; } = "";

    /// <summary>Target groups.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];

    /// <summary>The party that opened the case (and recorded its target groups).</summary>
    public PartyCode OpeningParty { get; init; }

    /// <summary>Parties on the case now.</summary>
    public IReadOnlyList<PartyCode> Parties { get; init; } = [];

    /// <summary>Parties that ever joined the case, those that left included.</summary>
    public IReadOnlyList<PartyCode> EverParties { get; init; } = [];

    /// <summary>Unanswered invitations: invitation id and invited party.</summary>
    public IReadOnlyDictionary<Guid, PartyCode> PendingInvitations { get; init; } = new Dictionary<Guid, PartyCode>();

    /// <summary>
    /// Parties related to the case (on it, left it, or referred or invited and not yet answered):
    /// the only parties that may learn it exists. Indexed for the handläggare's list.
    /// </summary>
    public IReadOnlyList<PartyCode> RelatedParties { get; init; } = [];

    /// <summary>Planeringsansvarig.</summary>
    public PartyCode? PlanLead { get; init; }

    /// <summary>When opened.</summary>
    public DateOnly OpenedOn { get; init; }

    /// <summary>Latest business date of anything on the case.</summary>
    public DateOnly LastActivityOn { get; init; }

    /// <summary>What the stall rules need to know.</summary>
    public StallFacts Facts { get; init; } = new();

    /// <summary>Open flags: the scan's findings and concerns raised by hand.</summary>
    public IReadOnlyList<OpenFlag> OpenFlags { get; init; } = [];

    /// <summary>Whether any flag is open.</summary>
    public bool Flagged { get; init; }

    /// <summary>
    /// When the stall scan must look at the case next: at once after anything changes, else on the
    /// first day a rule's verdict could change (written back by the scan); null when never (closed,
    /// nothing open).
    /// </summary>
    public DateOnly? NextAttentionOn { get; init; }

    /// <summary>Folds one event in.</summary>
    public static CaseSummary? Project(CaseSummary? summary, ICaseEvent @event)
    {
        var next = (summary, @event) switch
        {
            (_, CaseOpened e) => new CaseSummary
            {
                Id = e.CaseId, Status = CaseStatus.Open, MunicipalityCode = e.MunicipalityCode, TargetGroups = e.TargetGroups, OpenedOn = e.OpenedOn,
                OpeningParty = e.OpeningParty,
            },
            (null, _) => null,
            (var s, PartyJoined e) => s with
            {
                Parties = [.. s.Parties.Append(e.Party).Distinct().Order()], EverParties = [.. s.EverParties.Append(e.Party).Distinct().Order()],
            },
            (var s, PartyInvited e) => s with { PendingInvitations = new Dictionary<Guid, PartyCode>(s.PendingInvitations) { [e.InvitationId] = e.Party } },
            (var s, InvitationAccepted e) => s with { PendingInvitations = s.PendingInvitations.Where(i => i.Key != e.InvitationId).ToDictionary() },
            (var s, InvitationDeclined e) => s with { PendingInvitations = s.PendingInvitations.Where(i => i.Key != e.InvitationId).ToDictionary() },
            (var s, PartyLeft e) => s with { Parties = [.. s.Parties.Where(p => p != e.Party)], PlanLead = s.PlanLead == e.Party ? null : s.PlanLead },
            (var s, PlanLeadAssigned e) => s with { PlanLead = e.Party },
            (var s, CaseClosed) => s with { Status = CaseStatus.Closed },
            (var s, CaseReopened) => s with { Status = CaseStatus.Open },
            var (s, _) => s,
        };
        if (next is null)
        {
            return null;
        }

        if (@event is IFlagEvent flag)
        {
            // The scan writes NextAttentionOn back after deciding; its own flags must not make the case due again.
            var flags = Domain.Cases.OpenFlags.Apply(next.OpenFlags, flag);
            return next with { OpenFlags = flags, Flagged = flags.Count > 0 };
        }

        var facts = StallFacts.Evolve(next.Facts, @event) ?? next.Facts;
        return next with
        {
            Facts = facts,
            RelatedParties =
            [
                .. next.EverParties.Concat(next.PendingInvitations.Values)
                    .Concat(facts.Referrals.Where(r => r.State == ReferralState.Pending).Select(r => r.To)).Distinct().Order(),
            ],
            LastActivityOn = next.LastActivityOn > @event.BusinessDate ? next.LastActivityOn : @event.BusinessDate,
            // Something changed: due now (the opening day is always in the past).
            NextAttentionOn = next.OpenedOn,
        };
    }

    /// <summary>How <paramref name="party"/> stands to the case.</summary>
    public RelationKind RelationOf(PartyCode party) => Relation.Of(party,
        EverParties.Select(p => (p, Parties.Contains(p))),
        Facts.Referrals.Where(r => r.State == ReferralState.Pending).Select(r => r.To).Concat(PendingInvitations.Values));

    /// <summary>Parties with an insats ongoing on <paramref name="day"/>.</summary>
    public IReadOnlyList<PartyCode> PartiesWithOngoingInsats(DateOnly day) =>
    [
        .. Facts.Interventions.Where(i => i.Periods.Any(p => p.From <= day && (p.To is null || p.To > day)))
            .Select(i => i.Party).Distinct().Order(),
    ];
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
