using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Finsam.Samordning.Api.Infrastructure.Auth;

/// <summary>Mints tokens signed with the local key: for development and tests, never production.</summary>
public static class DevTokenFactory
{
    /// <summary>Creates a signed JWT with the Finsam claims.</summary>
    public static string Create(AuthOptions options, string subject, string name, string role, string? party,
        DateTimeOffset now, TimeSpan lifetime)
    {
        var claims = new List<Claim>
        {
            new(FinsamClaims.Subject, subject),
            new(FinsamClaims.Name, name),
            new(FinsamClaims.Role, role),
        };
        if (!string.IsNullOrEmpty(party))
        {
            claims.Add(new Claim(FinsamClaims.Party, party));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
