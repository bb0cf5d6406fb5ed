namespace Finsam.Samordning.Domain.Secrecy;

/// <summary>What a reader was not shown, so nobody mistakes silence for inactivity.</summary>
/// <param name="Category">Which kind of entries (interventions, contacts, notes, ...).</param>
/// <param name="Count">How many.</param>
/// <param name="Message">"Another party has entries you may not see."</param>
public sealed record WithheldMarker(string Category, int Count, string Message)
{
    /// <summary>The marker text, in Swedish and English.</summary>
    public const string Text = "En annan part har uppgifter som du inte får se. / Another party has entries you may not see.";
}
