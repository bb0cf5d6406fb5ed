namespace Finsam.Samordning.Domain.FollowUp;

// The codes of the national follow-up (SUS) as this register records them. Kept apart from
// Cases/Codes.cs: they describe the participant for follow-up, not the coordination.

/// <summary>Legal sex as SUS counts it (kvinna/man).</summary>
public enum Sex
{
    /// <summary>Kvinna.</summary>
    Female,
    /// <summary>Man.</summary>
    Male,
}

/// <summary>A source of income (försörjning) the person had.</summary>
public enum IncomeSource
{
    /// <summary>Lön från arbete, unsubsidised.</summary>
    Wages,
    /// <summary>Lön från anställning med stöd (subsidised employment).</summary>
    SubsidisedWages,
    /// <summary>Ekonomiskt bistånd / försörjningsstöd.</summary>
    IncomeSupport,
    /// <summary>Sjukpenning or rehabiliteringspenning.</summary>
    SicknessBenefit,
    /// <summary>Aktivitetsersättning or sjukersättning.</summary>
    ActivityOrSicknessCompensation,
    /// <summary>Aktivitetsstöd or utvecklingsersättning (AF programmes).</summary>
    ActivitySupport,
    /// <summary>Arbetslöshetsersättning (a-kassa).</summary>
    UnemploymentBenefit,
    /// <summary>Studiemedel (CSN).</summary>
    StudyAid,
    /// <summary>Etableringsersättning.</summary>
    IntroductionBenefit,
    /// <summary>Supported by family or partner, or no income of their own.</summary>
    NoOwnIncome,
    /// <summary>Another source.</summary>
    Other,
}

/// <summary>What the person mainly did (sysselsättning).</summary>
public enum Occupation
{
    /// <summary>Arbete, unsubsidised.</summary>
    Work,
    /// <summary>Arbete med stöd (subsidised employment).</summary>
    SubsidisedWork,
    /// <summary>Studier.</summary>
    Studies,
    /// <summary>Arbetssökande, ready for the labour market.</summary>
    JobSeeking,
    /// <summary>In an activity or daily occupation (arbetsträning, daglig sysselsättning).</summary>
    Activity,
    /// <summary>Sjukskriven.</summary>
    SickListed,
    /// <summary>Ingen sysselsättning.</summary>
    None,
}

/// <summary>Highest completed education (utbildningsnivå).</summary>
public enum EducationLevel
{
    /// <summary>Förgymnasial, shorter than nine years.</summary>
    PrimaryIncomplete,
    /// <summary>Förgymnasial, nine (ten) years.</summary>
    Primary,
    /// <summary>Gymnasial.</summary>
    UpperSecondary,
    /// <summary>Eftergymnasial.</summary>
    PostSecondary,
    /// <summary>Not known.</summary>
    Unknown,
}

/// <summary>Time on public support (offentlig försörjning) before the insats.</summary>
public enum SupportDuration
{
    /// <summary>None.</summary>
    None,
    /// <summary>Under one year.</summary>
    UnderOneYear,
    /// <summary>One year up to two.</summary>
    OneToTwoYears,
    /// <summary>Two years up to five.</summary>
    TwoToFiveYears,
    /// <summary>Five years or more.</summary>
    FiveYearsOrMore,
    /// <summary>Not known.</summary>
    Unknown,
}

/// <summary>How a participant's insats ended, as SUS tells them apart.</summary>
public enum ParticipantEnd
{
    /// <summary>Avslutat: the insats ran its course.</summary>
    Completed,
    /// <summary>Avbrutet: interrupted (say why in <see cref="InterruptionReason"/>).</summary>
    Interrupted,
    /// <summary>Felregistrering: the participant was registered in error and is not counted.</summary>
    RegisteredInError,
}

/// <summary>Why an insats was interrupted.</summary>
public enum InterruptionReason
{
    /// <summary>The person withdrew their consent.</summary>
    ConsentWithdrawn,
    /// <summary>The person quit.</summary>
    PersonQuit,
    /// <summary>The person moved away.</summary>
    MovedAway,
    /// <summary>Illness.</summary>
    Illness,
    /// <summary>Another reason.</summary>
    Other,
}

/// <summary>The person's situation at one point: income sources and main occupation with its extent.</summary>
/// <param name="IncomeSources">Every source of income (försörjning), at least one.</param>
/// <param name="Occupation">Main occupation (sysselsättning).</param>
/// <param name="ExtentPercent">Extent of the occupation in % of 40 hours a week (0–100).</param>
public sealed record ParticipantSituation(IReadOnlyList<IncomeSource> IncomeSources, Occupation Occupation, int ExtentPercent);
