using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Stalls;

/// <summary>Party names as a samverkansledare reads them in a reason.</summary>
public static class PartyNames
{
    /// <summary>Swedish definite form: "vårdcentralen", "Arbetsförmedlingen".</summary>
    public static string Sv(PartyCode party) => party switch
    {
        PartyCode.AF => "Arbetsförmedlingen",
        PartyCode.FK => "Försäkringskassan",
        PartyCode.VC => "vårdcentralen",
        PartyCode.PSY => "psykiatrin",
        PartyCode.SOC => "socialtjänsten",
        PartyCode.KAA => "KAA",
        PartyCode.AME => "arbetsmarknadsenheten",
        _ => party.ToString(),
    };

    /// <summary>English name.</summary>
    public static string En(PartyCode party) => party switch
    {
        PartyCode.AF => "the Employment Service (AF)",
        PartyCode.FK => "the Social Insurance Agency (FK)",
        PartyCode.VC => "the health centre",
        PartyCode.PSY => "psychiatry",
        PartyCode.SOC => "social services",
        PartyCode.KAA => "KAA",
        PartyCode.AME => "the municipal labour-market unit",
        _ => party.ToString(),
    };

    /// <summary>Swedish kind of referral, lower case.</summary>
    public static string Sv(ReferralKind kind) => kind switch
    {
        ReferralKind.Remiss => "remiss",
        ReferralKind.BegaranOmUnderlag => "begäran om underlag",
        ReferralKind.Intyg => "begäran om intyg",
        _ => "konsultation",
    };

    /// <summary>English kind of referral.</summary>
    public static string En(ReferralKind kind) => kind switch
    {
        ReferralKind.Remiss => "referral",
        ReferralKind.BegaranOmUnderlag => "request for documentation",
        ReferralKind.Intyg => "request for a certificate",
        _ => "consultation",
    };
}
