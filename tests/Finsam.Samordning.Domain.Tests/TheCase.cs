using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests;

/// <summary>
/// The case a specification is about, when it is about one. Imported everywhere (see the project
/// file), so a spec writes <c>CaseId</c> and <c>Opened()</c>.
/// </summary>
public static class TheCase
{
    public static readonly Guid CaseId = Guid.Parse("0195a1b2-0000-7000-8000-000000000001");

    /// <summary>SOC opens the case for an Uvas youth in municipality 1282 on day 0.</summary>
    public static CaseOpened Opened() => new(CaseId, null, "1282", [TargetGroup.Uvas], PartyCode.SOC, Day0);
}
