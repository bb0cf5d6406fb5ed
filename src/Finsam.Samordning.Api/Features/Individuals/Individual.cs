namespace Finsam.Samordning.Api.Features.Individuals;

/// <summary>
/// One party's enrolment of an individual: the personal data that party gave, encrypted with the
/// enrolment's own key. The look-up hash of the personnummer and the link to the person (when
/// several parties enrolled the same person) are in the key store beside the key, never here.
/// Cases refer to it by id only.
/// </summary>
public sealed class Individual
{
    /// <summary>Individual id (this enrolment's).</summary>
    public Guid Id { get; set; }

    /// <summary>The party that registered this enrolment (null for enrolments from before parties were recorded).</summary>
    public PartyCode? EnrolledBy { get; set; }

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
