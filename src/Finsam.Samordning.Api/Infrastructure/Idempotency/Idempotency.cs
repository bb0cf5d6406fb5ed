using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Finsam.Samordning.Api.Infrastructure.Idempotency;

/// <summary>
/// The first response to a POST with an <c>Idempotency-Key</c>. Stored in the same transaction as
/// the command's events, so either both exist or neither does.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Hash of the caller's user id and the key: keys are scoped per caller.</summary>
    public string Id { get; set; } = "";

    /// <summary>Hash of the request, to tell a retry from a different request under the same key.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>The command's result as JSON.</summary>
    public string ResponseJson { get; set; } = "";

    /// <summary>When the first request was handled.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>After this the key may be reused.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A key was reused for a different request (422).</summary>
public sealed class IdempotencyKeyReusedException(string message) : Exception(message);

/// <summary>Looks up and prepares idempotency records.</summary>
public sealed class IdempotencyStore(IDocumentStore store, Microsoft.Extensions.Options.IOptions<Access.CryptoOptions> crypto)
{
    private readonly byte[]? _key = TryKey(crypto.Value.LookupKey);

    private static byte[]? TryKey(string base64)
    {
        try
        {
            return string.IsNullOrEmpty(base64) ? null : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Record id for a caller's key.</summary>
    public static string RecordId(string userId, string key) => Hash(userId + "\n" + key);

    /// <summary>
    /// A stable fingerprint of a command, leaving out the key itself. Keyed (HMAC with the look-up
    /// key) when one is configured: a command may hold a personnummer, and a plain hash of it could
    /// be guessed offline.
    /// </summary>
    public string Fingerprint(object command)
    {
        var node = JsonSerializer.SerializeToNode(command, command.GetType(), Json) as JsonObject ?? new JsonObject();
        node.Remove(nameof(ICommandWithKey.IdempotencyKey));
        var text = command.GetType().FullName + "\n" + node.ToJsonString(Json);
        return _key is null ? Hash(text) : Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }

    /// <summary>Reads a live record in its own session (the command's session may be dirty).</summary>
    public async Task<IdempotencyRecord?> FindAsync(string id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<IdempotencyRecord>(id, ct);
    }

    /// <summary>Serializes a result for replay.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    /// <summary>Reads a stored result back.</summary>
    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        Errors.ErrorsSetup.ConfigureJson(options);
        return options;
    }

    private static string Hash(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
