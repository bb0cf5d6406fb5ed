using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Finsam.Samordning.Api.Infrastructure.Auth;

/// <summary>
/// What a validated token must also satisfy (a subject, a bounded lifetime), and the mapping of an
/// authority's claims onto the Finsam names the rest of the service reads (sub, name, party, role).
/// </summary>
public static class TokenClaims
{
    /// <summary>Why a signature-valid token is still refused, or null when it is accepted.</summary>
    public static string? Refusal(AuthOptions auth, SecurityToken token, ClaimsPrincipal principal)
    {
        if (string.IsNullOrWhiteSpace(principal.FindFirstValue(auth.SubjectClaim)))
        {
            // Without a subject nobody could be named in the access log or the events.
            return $"The token has no '{auth.SubjectClaim}' claim.";
        }

        var issuedAt = token is JsonWebToken { IssuedAt: var iat } && iat != DateTime.MinValue ? iat : token.ValidFrom;
        if (issuedAt == DateTime.MinValue || token.ValidTo == DateTime.MinValue)
        {
            return "The token names neither when it was issued nor when it becomes valid.";
        }

        return token.ValidTo - issuedAt > auth.MaxTokenLifetime
            ? $"The token's lifetime exceeds {auth.MaxTokenLifetime}."
            : null;
    }

    /// <summary>The principal with the authority's claims renamed (and role and party values mapped) to Finsam's.</summary>
    public static ClaimsPrincipal Map(AuthOptions auth, ClaimsPrincipal principal)
    {
        var source = principal.Identity as ClaimsIdentity;
        var claims = new List<Claim>();
        void Copy(string from, string to, IReadOnlyDictionary<string, string>? values)
        {
            foreach (var claim in principal.FindAll(from))
            {
                var value = values is not null && values.TryGetValue(claim.Value, out var mapped) ? mapped : claim.Value;
                claims.Add(new Claim(to, value, ClaimValueTypes.String, claim.Issuer));
            }
        }

        Copy(auth.SubjectClaim, FinsamClaims.Subject, null);
        Copy(auth.NameClaim, FinsamClaims.Name, null);
        Copy(auth.PartyClaim, FinsamClaims.Party, auth.PartyValues);
        Copy(auth.RoleClaim, FinsamClaims.Role, auth.RoleValues);
        // Only the four Finsam claims go on: nothing else in a token grants anything here.
        var identity = new ClaimsIdentity(claims, source?.AuthenticationType ?? "Bearer", FinsamClaims.Name, FinsamClaims.Role);
        return new ClaimsPrincipal(identity);
    }
}
