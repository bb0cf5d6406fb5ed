namespace Finsam.Samordning.Domain.Cases;

/// <summary>Who is acting: the caseworker and the party they act for.</summary>
/// <param name="UserId">The caseworker's user id (token subject).</param>
/// <param name="DisplayName">The caseworker's display name.</param>
/// <param name="Party">The party the caseworker acts for.</param>
public sealed record Actor(string UserId, string DisplayName, PartyCode Party);

/// <summary>Commands the case decider understands. Every command names who acts.</summary>
public abstract record CaseCommand
{
    /// <summary>The acting caseworker.</summary>
    public required Actor By { get; init; }
}
