namespace Finsam.Samordning.Domain.Cases;

/// <summary>An insats kind a party offers.</summary>
/// <param name="Code">Stable code, e.g. <c>arbetstraning</c>.</param>
/// <param name="Name">Swedish name as handläggare say it.</param>
public sealed record InterventionKind(string Code, string Name);

/// <summary>
/// The insatser each party offers, seeded from the förbund's needs analyses (domain.md §4).
/// Every party may also register <see cref="Other"/> with its own label.
/// </summary>
public static class InterventionCatalogue
{
    /// <summary>The free kind: requires a label.</summary>
    public const string Other = "other";

    private static readonly IReadOnlyDictionary<PartyCode, IReadOnlyList<InterventionKind>> Kinds =
        new Dictionary<PartyCode, IReadOnlyList<InterventionKind>>
        {
            [PartyCode.AF] =
            [
                new("kartlaggning", "Kartläggning"),
                new("forberedande-insatser", "Förberedande insatser"),
                new("arbetspraktik", "Arbetspraktik"),
                new("arbetstraning", "Arbetsträning"),
                new("arbetsmarknadsutbildning", "Arbetsmarknadsutbildning"),
                new("lonebidrag", "Lönebidrag"),
                new("sius", "SIUS-stöd"),
                new("jobb-och-utvecklingsgarantin", "Jobb- och utvecklingsgarantin (JOB)"),
                new("ungdomsgarantin", "Ungdomsgarantin (UGA)"),
                new("etableringsprogrammet", "Etableringsprogrammet"),
            ],
            [PartyCode.FK] =
            [
                new("samordningsinsats", "Samordning av rehabilitering"),
                new("forstarkt-samverkan", "Förstärkt samverkan med AF"),
                new("gemensam-kartlaggning", "Gemensam kartläggning med AF"),
            ],
            [PartyCode.VC] =
            [
                new("samtalsstod", "Samtalsstöd"),
                new("halsosamtal", "Hälsosamtal"),
                new("behandling", "Behandling"),
                new("rehabkoordinering", "Rehabkoordinering"),
                new("tris", "TRIS-team"),
            ],
            [PartyCode.PSY] =
            [
                new("behandling", "Behandling och medicinering"),
                new("fact", "FACT-team"),
                new("case-management", "Case management"),
                new("mobilt-team", "Mobilt team"),
                new("beroendevard", "Beroendevård"),
            ],
            [PartyCode.SOC] =
            [
                new("ekonomiskt-bistand-plan", "Planering inom ekonomiskt bistånd"),
                new("boendestod", "Boendestöd"),
                new("personligt-ombud", "Personligt ombud"),
                new("budget-och-skuldradgivning", "Budget- och skuldrådgivning"),
                new("missbruksvard", "Missbruksvård"),
            ],
            [PartyCode.KAA] =
            [
                new("uppsokande", "Uppsökande verksamhet"),
                new("motivationssamtal", "Motivationssamtal"),
                new("vagledning", "Vägledning"),
                new("praktik", "Praktik"),
                new("folkhogskola", "Folkhögskola"),
            ],
            [PartyCode.AME] =
            [
                new("praktik", "Praktik"),
                new("arbetstraning", "Arbetsträning"),
                new("arbetsformagebedomning", "Kartläggning av arbetsförmåga"),
                new("coachning", "Coachning"),
                new("stodperson", "Stödperson"),
            ],
        };

    /// <summary>The kinds a party offers, plus <see cref="Other"/>.</summary>
    public static IReadOnlyList<InterventionKind> For(PartyCode party) =>
        [.. Kinds[party], new InterventionKind(Other, "Annan insats (ange benämning)")];

    /// <summary>Whether <paramref name="code"/> is a kind <paramref name="party"/> offers.</summary>
    public static bool IsKnown(PartyCode party, string? code) =>
        code == Other || (code is not null && Kinds.TryGetValue(party, out var kinds) && kinds.Any(k => k.Code == code));

    /// <summary>The display name of a kind, or the label for <see cref="Other"/>.</summary>
    public static string NameOf(PartyCode party, string code, string? label) =>
        code == Other ? label ?? "Annan insats" : Kinds[party].FirstOrDefault(k => k.Code == code)?.Name ?? code;
}
