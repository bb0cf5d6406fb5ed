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

    /// <summary>
    /// Who answers for a plan action, in Swedish: the party; an actor outside the förbund by its unit
    /// and kind; a named participant by what they are to the person (never their name); or the person.
    /// </summary>
    public static string ResponsibleSv(StallFacts f, ActionFact a) =>
        a.ResponsibleParty is { } p ? Sv(p)
        : a.ResponsibleActor is { } id ? f.ExternalActors.FirstOrDefault(x => x.Id == id) is { } actor ? $"{actor.Unit} ({Sv(actor.Kind)})" : "en aktör utanför förbundet"
        : a.ResponsibleOtherKind is { } other ? Sv(other)
        : "personen själv";

    /// <summary>Who answers for a plan action, in English (see <see cref="ResponsibleSv"/>).</summary>
    public static string ResponsibleEn(StallFacts f, ActionFact a) =>
        a.ResponsibleParty is { } p ? En(p)
        : a.ResponsibleActor is { } id ? f.ExternalActors.FirstOrDefault(x => x.Id == id) is { } actor ? $"{actor.Unit} ({En(actor.Kind)})" : "an actor outside the förbund"
        : a.ResponsibleOtherKind is { } other ? En(other)
        : "the person themselves";

    /// <summary>Swedish name of a kind of actor outside the förbund.</summary>
    public static string Sv(ExternalActorKind kind) => kind switch
    {
        ExternalActorKind.Bup => "BUP",
        ExternalActorKind.Habilitering => "habiliteringen",
        ExternalActorKind.Lss => "LSS",
        ExternalActorKind.KomvuxSfi => "Komvux/SFI",
        ExternalActorKind.Beroendevard => "beroendevården",
        ExternalActorKind.Skola => "skolan",
        _ => "aktör utanför förbundet",
    };

    /// <summary>English name of a kind of actor outside the förbund.</summary>
    public static string En(ExternalActorKind kind) => kind switch
    {
        ExternalActorKind.Bup => "child and adolescent psychiatry, BUP",
        ExternalActorKind.Habilitering => "habilitation services",
        ExternalActorKind.Lss => "LSS disability services",
        ExternalActorKind.KomvuxSfi => "adult education, Komvux/SFI",
        ExternalActorKind.Beroendevard => "addiction care",
        ExternalActorKind.Skola => "the school",
        _ => "an actor outside the förbund",
    };

    /// <summary>Swedish: what a named participant from outside the förbund is to the person.</summary>
    public static string Sv(OutsideParticipantKind kind) => kind switch
    {
        OutsideParticipantKind.Narstaende => "en närstående",
        OutsideParticipantKind.GodMan => "god man eller förvaltare",
        OutsideParticipantKind.School => "skolan",
        OutsideParticipantKind.OutsideUnit => "en enhet utanför förbundet",
        _ => "någon utanför förbundet",
    };

    /// <summary>English: what a named participant from outside the förbund is to the person.</summary>
    public static string En(OutsideParticipantKind kind) => kind switch
    {
        OutsideParticipantKind.Narstaende => "someone close to the person",
        OutsideParticipantKind.GodMan => "the god man or förvaltare",
        OutsideParticipantKind.School => "the school",
        OutsideParticipantKind.OutsideUnit => "a unit outside the förbund",
        _ => "someone outside the förbund",
    };
}
