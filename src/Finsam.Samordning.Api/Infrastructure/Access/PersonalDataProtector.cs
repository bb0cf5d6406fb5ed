using System.Security.Cryptography;
using System.Text;

namespace Finsam.Samordning.Api.Infrastructure.Access;

/// <summary>The <c>Finsam:Crypto</c> configuration section.</summary>
public sealed class CryptoOptions
{
    /// <summary>Key-encryption key, 32 bytes in base64: wraps each individual's own key.</summary>
    public string KeyEncryptionKey { get; set; } = "";

    /// <summary>HMAC key, 32 bytes in base64: the keyed hash that finds a personnummer without storing it.</summary>
    public string LookupKey { get; set; } = "";
}

/// <summary>
/// Encryption of personal data: AES-GCM with a key per individual, that key wrapped by the
/// key-encryption key from configuration; and a keyed hash (HMAC-SHA256) for look-ups. Deleting an
/// individual's wrapped key makes their data unreadable everywhere it was copied (crypto-shredding).
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _kek;
    private readonly byte[] _lookup;

    /// <summary>Reads and checks the keys.</summary>
    public PersonalDataProtector(Microsoft.Extensions.Options.IOptions<CryptoOptions> options)
    {
        _kek = Key(options.Value.KeyEncryptionKey, "Finsam:Crypto:KeyEncryptionKey");
        _lookup = Key(options.Value.LookupKey, "Finsam:Crypto:LookupKey");
    }

    /// <summary>A new random key for one individual.</summary>
    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>The data key wrapped by the key-encryption key, bound to the individual's id.</summary>
    public byte[] Wrap(byte[] dataKey, Guid individualId) => Seal(_kek, dataKey, individualId.ToByteArray());

    /// <summary>Unwraps a data key.</summary>
    public byte[] Unwrap(byte[] wrapped, Guid individualId) => Open(_kek, wrapped, individualId.ToByteArray());

    /// <summary>Encrypts with a data key.</summary>
    public static byte[] Encrypt(byte[] dataKey, string plaintext, Guid individualId) =>
        Seal(dataKey, Encoding.UTF8.GetBytes(plaintext), individualId.ToByteArray());

    /// <summary>Decrypts with a data key.</summary>
    public static string Decrypt(byte[] dataKey, byte[] sealedData, Guid individualId) =>
        Encoding.UTF8.GetString(Open(dataKey, sealedData, individualId.ToByteArray()));

    /// <summary>
    /// The look-up hash of a parsed number, over its normalized twelve digits: every form of one
    /// number (twelve or ten digits, '-' or '+') gives the same hash.
    /// </summary>
    public string LookupHash(Domain.Individuals.Personnummer number) =>
        Convert.ToHexString(HMACSHA256.HashData(_lookup, Encoding.UTF8.GetBytes(number.Digits))).ToLowerInvariant();

    private static byte[] Seal(byte[] key, byte[] plaintext, byte[] associated)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), associated);
        return output;
    }

    private static byte[] Open(byte[] key, byte[] sealedData, byte[] associated)
    {
        var plaintext = new byte[sealedData.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedData.AsSpan(0, NonceSize), sealedData.AsSpan(NonceSize + TagSize), sealedData.AsSpan(NonceSize, TagSize), plaintext, associated);
        return plaintext;
    }

    private static byte[] Key(string base64, string name)
    {
        try
        {
            var key = Convert.FromBase64String(base64);
            if (key.Length == 32)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidOperationException($"{name} must be 32 random bytes in base64 (e.g. openssl rand -base64 32).");
    }
}
