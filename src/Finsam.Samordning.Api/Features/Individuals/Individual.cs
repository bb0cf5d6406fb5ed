namespace Finsam.Samordning.Api.Features.Individuals;

/// <summary>
/// An individual: personal data encrypted with the individual's own key, found by a keyed hash of
/// the personnummer. Cases refer to it by id only.
/// </summary>
public sealed class Individual
{
    /// <summary>Individual id.</summary>
    public Guid Id { get; set; }

    /// <summary>HMAC of the personnummer; removed on erasure.</summary>
    public string? LookupHash { get; set; }

    /// <summary>AES-GCM sealed JSON of the personal data.</summary>
    public byte[] SealedData { get; set; } = [];

    /// <summary>When registered.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When erased: the key is gone and the data unreadable.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
}

/// <summary>The personal data that is sealed.</summary>
/// <param name="Personnummer">Twelve digits.</param>
/// <param name="IsSamordningsnummer">Whether it is a samordningsnummer.</param>
/// <param name="Name">Full name.</param>
/// <param name="Phone">Phone.</param>
/// <param name="Email">E-mail.</param>
/// <param name="Address">Postal address.</param>
public sealed record PersonalData(string Personnummer, bool IsSamordningsnummer, string Name, string? Phone, string? Email, string? Address);
