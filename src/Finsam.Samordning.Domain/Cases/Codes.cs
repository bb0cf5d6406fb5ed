namespace Finsam.Samordning.Domain.Cases;

/// <summary>The member parties of a samordningsförbund that can take part in a case.</summary>
public enum PartyCode
{
    /// <summary>Arbetsförmedlingen, the Public Employment Service.</summary>
    AF,
    /// <summary>Försäkringskassan, the Social Insurance Agency.</summary>
    FK,
    /// <summary>The region's vårdcentral (primary care).</summary>
    VC,
    /// <summary>The region's psykiatri.</summary>
    PSY,
    /// <summary>The municipality's socialtjänst / ekonomiskt bistånd.</summary>
    SOC,
    /// <summary>Kommunala aktivitetsansvaret (young people under 20 outside upper secondary).</summary>
    KAA,
    /// <summary>The municipality's arbetsmarknadsenhet.</summary>
    AME,
}

/// <summary>Target groups (behovsgrupper) named in the förbund's needs analyses (domain.md §3).</summary>
public enum TargetGroup
{
    /// <summary>Unga som varken arbetar eller studerar (UVAS).</summary>
    Uvas,
    /// <summary>Young people under 20 in the KAA register.</summary>
    KaaYouth,
    /// <summary>Sjukskrivna, long-term sick-listed.</summary>
    SickListed,
    /// <summary>Nollplacerade: no SGI, reduced work capacity through illness.</summary>
    Nollplacerad,
    /// <summary>Long-term ekonomiskt bistånd (income support).</summary>
    LongTermIncomeSupport,
    /// <summary>Judged not ready for AF's insatser (ej redo), or job seeker with an impediment.</summary>
    NotReadyForAf,
    /// <summary>Unemployed for more than 12 months.</summary>
    LongTermUnemployed,
    /// <summary>Foreign-born, newly arrived, or with low education.</summary>
    NewlyArrived,
    /// <summary>Mental ill-health or neuropsychiatric disability (NPF).</summary>
    MentalIllHealth,
    /// <summary>Disability registered at AF.</summary>
    Disability,
    /// <summary>Young people on aktivitetsersättning.</summary>
    ActivityCompensation,
    /// <summary>Substance misuse.</summary>
    SubstanceMisuse,
    /// <summary>Another group the förbund works with.</summary>
    Other,
}

/// <summary>Lifecycle of a case.</summary>
public enum CaseStatus
{
    /// <summary>The case is open and coordinated.</summary>
    Open,
    /// <summary>The case is closed with an outcome.</summary>
    Closed,
}
