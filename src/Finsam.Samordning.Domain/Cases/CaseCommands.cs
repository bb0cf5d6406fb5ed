namespace Finsam.Samordning.Domain.Cases;

/// <summary>Who is acting: the caseworker and the party they act for.</summary>
/// <param name="UserId">The caseworker's user id (token subject).</param>
/// <param name="DisplayName">The caseworker's display name.</param>
/// <param name="Party">The party the caseworker acts for.</param>
public sealed record Actor(string UserId, string DisplayName, PartyCode Party);

/// <summary>Commands the case decider understands.</summary>
public abstract record CaseCommand;

/// <summary>Open a new case. The opening party joins it at once with the acting caseworker.</summary>
/// <param name="CaseId">Id of the new case.</param>
/// <param name="IndividualId">The individual, if already registered.</param>
/// <param name="MunicipalityCode">Four-digit municipality code.</param>
/// <param name="TargetGroups">Target groups, at least one.</param>
/// <param name="OpeningParty">The party opening the case.</param>
/// <param name="OpeningUnit">The opening party's unit.</param>
/// <param name="OpenedOn">Business date.</param>
/// <param name="By">The acting caseworker.</param>
public sealed record OpenCaseCommand(
    Guid CaseId,
    Guid? IndividualId,
    string MunicipalityCode,
    IReadOnlyList<TargetGroup> TargetGroups,
    PartyCode OpeningParty,
    string OpeningUnit,
    DateOnly OpenedOn,
    Actor By) : CaseCommand;
