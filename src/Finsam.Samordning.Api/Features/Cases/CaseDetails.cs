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

/// <summary>A case as its details page shows it: the particulars of its file.</summary>
public sealed record CaseDetails : IAccessSubject
{
    Guid? IAccessSubject.SubjectCaseId => Id;

    /// <summary>Case id.</summary>
    public Guid Id { get; init; }

    /// <summary>Stream version; also the <c>ETag</c>.</summary>
    public long Version { get; init; }

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

    /// <summary>The details as the case file holds them.</summary>
    public static CaseDetails From(CaseFile file) => new()
    {
        Id = file.Id,
        Version = file.Version,
        Status = file.Overview.Status,
        IndividualId = file.IndividualId,
        MunicipalityCode = file.MunicipalityCode,
        TargetGroups = file.Overview.TargetGroups,
        OpeningParty = file.Overview.OpeningParty,
        OpenedOn = file.Overview.OpenedOn,
        Parties = [.. file.Overview.Parties.Select(p => new CaseParty(p.Party, p.Unit, p.CaseworkerId, p.CaseworkerName, p.JoinedOn, p.LeftOn, p.HandedOverTo))],
        PlanLead = file.Overview.PlanLead,
        ClosedOn = file.Overview.ClosedOn,
        Outcome = file.Overview.Outcome,
        LastActivityOn = file.LastActivityOn,
    };
}
