using FluentValidation.Results;
using Microsoft.Net.Http.Headers;

namespace Finsam.Samordning.Api.Infrastructure.Http;

/// <summary>
/// <c>ETag</c> and <c>If-Match</c> for case resources: the entity tag is the case's stream version,
/// so a client that read version 7 can say "only if it is still 7".
/// </summary>
public static class Versioning
{
    /// <summary>The entity tag of a stream version, e.g. <c>"7"</c>.</summary>
    public static string ETagOf(long version) => $"\"{version}\"";

    /// <summary>Sets the <c>ETag</c> response header.</summary>
    public static void SetETag(this HttpResponse response, long version) => response.Headers.ETag = ETagOf(version);

    /// <summary>
    /// The version the caller expects, from <c>If-Match</c>; null when absent or <c>*</c>.
    /// A malformed header is a 400 naming the header.
    /// </summary>
    public static long? ExpectedVersion(this HttpRequest request)
    {
        var raw = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(raw) || raw.Trim() == "*")
        {
            return null;
        }

        if (EntityTagHeaderValue.TryParse(raw.Trim(), out var tag) && !tag.IsWeak
            && long.TryParse(tag.Tag.AsSpan().Trim('"'), out var version) && version > 0)
        {
            return version;
        }

        throw new ValidationException([new ValidationFailure("If-Match",
            "If-Match must be one strong entity tag from a previous response's ETag, e.g. \"3\".")]);
    }
}
