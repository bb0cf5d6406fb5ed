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

/// <summary>How a consent was given.</summary>
public enum ConsentForm
{
    /// <summary>Signed form (medgivande).</summary>
    Written,
    /// <summary>Given orally; allowed, but recorded.</summary>
    Oral,
}

/// <summary>Lifecycle of an insats.</summary>
public enum InterventionState
{
    /// <summary>Planned; the person is waiting for it to start.</summary>
    Planned,
    /// <summary>Under way.</summary>
    Ongoing,
    /// <summary>Paused (e.g. over the summer); not ongoing for the stall rules.</summary>
    Paused,
    /// <summary>Ended with an end reason.</summary>
    Completed,
    /// <summary>Cancelled before or during; includes registered by mistake.</summary>
    Cancelled,
}

/// <summary>Why an insats ended.</summary>
public enum InterventionEndReason
{
    /// <summary>The insats reached its goal.</summary>
    GoalReached,
    /// <summary>The person moved on to work or studies.</summary>
    MovedOnToWorkOrStudies,
    /// <summary>The person moved on to another insats.</summary>
    MovedToAnotherIntervention,
    /// <summary>The person dropped out.</summary>
    DroppedOut,
    /// <summary>The person moved away.</summary>
    MovedAway,
    /// <summary>Another reason (say which in the note).</summary>
    Other,
}

/// <summary>Why an insats was cancelled.</summary>
public enum InterventionCancelReason
{
    /// <summary>Registered by mistake: it never existed.</summary>
    RegisteredByMistake,
    /// <summary>No longer needed.</summary>
    NoLongerNeeded,
    /// <summary>The person declined it.</summary>
    PersonDeclined,
    /// <summary>The case was closed while it was still open.</summary>
    CaseClosed,
    /// <summary>Another reason (say which in the note).</summary>
    Other,
}

/// <summary>Kinds of referral between parties.</summary>
public enum ReferralKind
{
    /// <summary>Remiss: asking another party to take on the person.</summary>
    Remiss,
    /// <summary>Begäran om underlag: asking for documentation.</summary>
    BegaranOmUnderlag,
    /// <summary>Läkarintyg / intyg: asking for a (medical) certificate.</summary>
    Intyg,
    /// <summary>Konsultation: asking for advice or the other party's plan.</summary>
    Konsultation,
}

/// <summary>State of a referral.</summary>
public enum ReferralState
{
    /// <summary>Sent, not yet answered.</summary>
    Pending,
    /// <summary>Accepted by the receiving party.</summary>
    Accepted,
    /// <summary>Declined by the receiving party.</summary>
    Declined,
    /// <summary>Withdrawn by the sender before it was answered.</summary>
    Withdrawn,
}

/// <summary>Life areas of goals and needs in the shared plan.</summary>
public enum PlanArea
{
    /// <summary>Work.</summary>
    Arbete,
    /// <summary>Studies.</summary>
    Studier,
    /// <summary>Health.</summary>
    Halsa,
    /// <summary>Income, livelihood.</summary>
    Forsorjning,
    /// <summary>Housing.</summary>
    Boende,
    /// <summary>Daily life.</summary>
    Vardag,
}

/// <summary>Who stated a goal: the person's own words are kept beside the professionals'.</summary>
public enum GoalStatedBy
{
    /// <summary>The person themselves.</summary>
    Individual,
    /// <summary>The professionals around them.</summary>
    Professionals,
}

/// <summary>Kinds of contact with the person.</summary>
public enum ContactKind
{
    /// <summary>A meeting.</summary>
    Meeting,
    /// <summary>A phone call.</summary>
    Phone,
    /// <summary>A home visit (hembesök).</summary>
    HomeVisit,
    /// <summary>A letter.</summary>
    Letter,
    /// <summary>Digital (video, message).</summary>
    Digital,
}

/// <summary>Conclusion of a work capacity assessment.</summary>
public enum WorkCapacityConclusion
{
    /// <summary>Able to work.</summary>
    AbleToWork,
    /// <summary>Able to work with support or adaptation.</summary>
    AbleWithSupport,
    /// <summary>Not able to work now.</summary>
    NotAbleNow,
    /// <summary>Not ready for the party's insatser (AF "ej redo").</summary>
    NotReady,
    /// <summary>Not assessed.</summary>
    NotAssessed,
}

/// <summary>Benefits whose decisions matter to coordination (income support is a benefit, not an insats).</summary>
public enum Benefit
{
    /// <summary>Försörjningsstöd (SOC).</summary>
    Forsorjningsstod,
    /// <summary>Sjukpenning (FK).</summary>
    Sjukpenning,
    /// <summary>Rehabiliteringspenning (FK).</summary>
    Rehabiliteringspenning,
    /// <summary>Aktivitetsersättning (FK, ages 19–29).</summary>
    Aktivitetsersattning,
    /// <summary>Sjukersättning (FK).</summary>
    Sjukersattning,
    /// <summary>Aktivitetsstöd (FK, paid to AF programme participants).</summary>
    Aktivitetsstod,
    /// <summary>Sjukpenninggrundande inkomst status (FK).</summary>
    SgiStatus,
}

/// <summary>What a benefit decision said.</summary>
public enum BenefitDecisionKind
{
    /// <summary>Granted (beviljad).</summary>
    Granted,
    /// <summary>Refused (avslag).</summary>
    Refused,
    /// <summary>Ended.</summary>
    Ended,
    /// <summary>None, because the person has no SGI (nollplacerad).</summary>
    NoneForLackOfSgi,
}

/// <summary>Outcome of a closed case.</summary>
public enum CaseOutcome
{
    /// <summary>Work.</summary>
    Arbete,
    /// <summary>Studies.</summary>
    Studier,
    /// <summary>Daily activity (sysselsättning).</summary>
    Sysselsattning,
    /// <summary>Job seeker, ready for AF's ordinary services.</summary>
    Arbetssokande,
    /// <summary>Sick-listed.</summary>
    Sjukskriven,
    /// <summary>Other.</summary>
    Annan,
    /// <summary>Deceased.</summary>
    Avliden,
    /// <summary>Moved away.</summary>
    Flyttat,
}

/// <summary>How a SIP meeting is held.</summary>
public enum MeetingForm
{
    /// <summary>Around one table.</summary>
    InPerson,
    /// <summary>By video.</summary>
    Video,
    /// <summary>By phone.</summary>
    Phone,
}

/// <summary>Where a SIP meeting stands.</summary>
public enum MeetingState
{
    /// <summary>Called (kallad), not yet held.</summary>
    Scheduled,
    /// <summary>Held.</summary>
    Held,
    /// <summary>Its day came and it did not take place.</summary>
    NotHeld,
    /// <summary>Called off before its day.</summary>
    Cancelled,
}

/// <summary>Who a participant from outside the förbund's parties is to the person.</summary>
public enum OutsideParticipantKind
{
    /// <summary>A närstående: family or someone close.</summary>
    Narstaende,
    /// <summary>A god man or förvaltare.</summary>
    GodMan,
    /// <summary>The person's school.</summary>
    School,
    /// <summary>A unit outside the förbund (a housing company, an employer, a private provider).</summary>
    OutsideUnit,
    /// <summary>Someone else the person wants at the table.</summary>
    Other,
}

/// <summary>Why a referral was declined.</summary>
public enum ReferralDeclineReason
{
    /// <summary>Not this party's remit (wrong unit or authority).</summary>
    NotOurs,
    /// <summary>Information is missing; send it again with it.</summary>
    MissingInformation,
    /// <summary>The person declined.</summary>
    PersonDeclined,
    /// <summary>Another reason (say which in the text).</summary>
    Other,
}

/// <summary>Where a goal stands.</summary>
public enum GoalState
{
    /// <summary>Being worked towards.</summary>
    Active,
    /// <summary>Reached.</summary>
    Achieved,
    /// <summary>Given up (with a reason).</summary>
    Abandoned,
}
