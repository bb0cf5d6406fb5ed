using System.Security.Claims;

namespace Finsam.Samordning.Api.Infrastructure.Auth;

/// <summary>The authenticated caller, read from the token's claims.</summary>
/// <param name="UserId">The <c>sub</c> claim.</param>
/// <param name="Name">The <c>name</c> claim.</param>
/// <param name="Party">The <c>party</c> claim, when it names a known party.</param>
/// <param name="Role">The <c>role</c> claim.</param>
public sealed record CurrentUser(string UserId, string Name, PartyCode? Party, string? Role)
{
    /// <summary>The identity background jobs act under.</summary>
    public static CurrentUser System { get; } = new("system", "Finsam Samordning", null, "system");

    /// <summary>Reads the caller from a principal; an unauthenticated principal reads as anonymous.</summary>
    public static CurrentUser From(ClaimsPrincipal principal)
    {
        var sub = principal.FindFirstValue(FinsamClaims.Subject) ?? "anonymous";
        var name = principal.FindFirstValue(FinsamClaims.Name) ?? sub;
        var claim = principal.FindFirstValue(FinsamClaims.Party);
        // Only a party's name counts: Enum.TryParse would also take "1" or "99".
        var role = principal.FindFirstValue(FinsamClaims.Role);
        // Only a handläggare acts and reads for a party; for any other role a party claim means nothing
        // (a samverkansledare reads for the förbund, whatever their token also says).
        var party = role == Roles.Handlaggare && claim is not null && Enum.GetNames<PartyCode>().Contains(claim)
            ? Enum.Parse<PartyCode>(claim)
            : (PartyCode?)null;
        return new CurrentUser(sub, name, party, role);
    }

    /// <summary>The caller of this request, read from its token once and kept for the request.</summary>
    public static CurrentUser Of(HttpContext http)
    {
        if (http.Items[typeof(CurrentUser)] is not CurrentUser caller)
        {
            caller = From(http.User);
            // Authentication runs before anything asks; a principal read before it would be stale.
            if (http.User.Identity?.IsAuthenticated == true)
            {
                http.Items[typeof(CurrentUser)] = caller;
            }
        }

        return caller;
    }

    /// <summary>The caller as the domain's actor. A caller without a party cannot record case entries.</summary>
    public Actor ToActor() => Party is { } party
        ? new Actor(UserId, Name, party)
        : throw new ForbiddenException("Your token names no party (claim 'party'), so you cannot record entries on a case.");
}

/// <summary>Claim names used in Finsam tokens.</summary>
public static class FinsamClaims
{
    /// <summary>User id.</summary>
    public const string Subject = "sub";
    /// <summary>Display name.</summary>
    public const string Name = "name";
    /// <summary>Party code (AF, FK, VC, PSY, SOC, KAA, AME).</summary>
    public const string Party = "party";
    /// <summary>Role: handlaggare, samverkansledare, administrator, granskare.</summary>
    public const string Role = "role";
}

/// <summary>The caller is known but may not do this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
