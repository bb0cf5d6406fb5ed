namespace Finsam.Samordning.Domain.Cases;

/// <summary>
/// An event carrying free text (notes, reasons, descriptions) that may describe the person. The
/// domain treats these strings as opaque: the application seals them before they are stored and
/// opens them when they are shown, and decisions never depend on their content.
/// </summary>
public interface IHasFreeText
{
    /// <summary>
    /// The event with each of its free-text fields passed through <paramref name="map"/>, which
    /// must return null for null only; other fields unchanged.
    /// </summary>
    ICaseEvent MapText(Func<string?, string?> map);
}
