namespace Finsam.Samordning.Domain.Stalls;

/// <summary>One rule's switch and thresholds.</summary>
/// <param name="Enabled">Whether the rule runs.</param>
/// <param name="Days">The rule's threshold or window in days.</param>
/// <param name="Count">For counting rules (no-shows, declined referrals): how many within the window.</param>
public sealed record RuleSettings(bool Enabled, int Days, int Count = 0);

/// <summary>The stall rules' thresholds (configuration; per förbund later).</summary>
public sealed partial record StallSettings
{
    // Declared before anything that reads it: static initializers run in textual order.
    private static readonly IReadOnlyDictionary<string, RuleSettings> DefaultRules = WithChairDefaults(new Dictionary<string, RuleSettings>
        {
            [StallRuleCodes.NoActiveIntervention] = new(true, 14),
            [StallRuleCodes.NoContact] = new(true, 30),
            [StallRuleCodes.WaitingTooLong] = new(true, 30),
            [StallRuleCodes.UnansweredReferral] = new(true, 10),
            [StallRuleCodes.OverdueFollowUp] = new(true, 7),
            [StallRuleCodes.OverdueAction] = new(true, 7),
            [StallRuleCodes.LeftAlone] = new(true, 0),
            [StallRuleCodes.AssessmentGap] = new(true, 0),
            [StallRuleCodes.ConsentExpiring] = new(true, 14),
            [StallRuleCodes.RepeatedNoShows] = new(true, 30, 3),
            [StallRuleCodes.ReferralPingPong] = new(true, 90, 2),
            [StallRuleCodes.SequentialOnly] = new(true, 60),
            [StallRuleCodes.NoPlanLead] = new(true, 14),
            [StallRuleCodes.AcceptedNotPlanned] = new(true, 14),
            [StallRuleCodes.NoSgiNoRehab] = new(true, 30),
            [StallRuleCodes.PartyAbsentFromSip] = new(true, 0),
        });

    /// <summary>Settings by rule code.</summary>
    public IReadOnlyDictionary<string, RuleSettings> Rules { get; init; } = DefaultRules;

    /// <summary>The defaults of design §6.</summary>
    public static StallSettings Defaults { get; } = new() { Rules = DefaultRules };

    /// <summary>A rule's settings; a rule missing from the map runs with its default.</summary>
    public RuleSettings For(string rule) => Rules.TryGetValue(rule, out var s) ? s : DefaultRules[rule];

    /// <summary>Overlays <paramref name="changes"/> on these settings.</summary>
    public StallSettings With(IReadOnlyDictionary<string, RuleSettings> changes)
    {
        var merged = new Dictionary<string, RuleSettings>(Rules);
        foreach (var (rule, settings) in changes)
        {
            merged[rule] = settings;
        }

        return new StallSettings { Rules = merged };
    }
}

/// <summary>Stable codes of the stall rules.</summary>
public static partial class StallRuleCodes
{
#pragma warning disable CS1591 // The codes are the names; design §6 describes each.
    public const string NoActiveIntervention = nameof(NoActiveIntervention);
    public const string NoContact = nameof(NoContact);
    public const string WaitingTooLong = nameof(WaitingTooLong);
    public const string UnansweredReferral = nameof(UnansweredReferral);
    public const string OverdueFollowUp = nameof(OverdueFollowUp);
    public const string OverdueAction = nameof(OverdueAction);
    public const string LeftAlone = nameof(LeftAlone);
    public const string AssessmentGap = nameof(AssessmentGap);
    public const string ConsentExpiring = nameof(ConsentExpiring);
    public const string RepeatedNoShows = nameof(RepeatedNoShows);
    public const string ReferralPingPong = nameof(ReferralPingPong);
    public const string SequentialOnly = nameof(SequentialOnly);
    public const string NoPlanLead = nameof(NoPlanLead);
    public const string AcceptedNotPlanned = nameof(AcceptedNotPlanned);
    public const string NoSgiNoRehab = nameof(NoSgiNoRehab);
    public const string PartyAbsentFromSip = nameof(PartyAbsentFromSip);
#pragma warning restore CS1591

    /// <summary>Every rule code.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        NoActiveIntervention, NoContact, WaitingTooLong, UnansweredReferral, OverdueFollowUp, OverdueAction, LeftAlone, AssessmentGap,
        ConsentExpiring, RepeatedNoShows, ReferralPingPong, SequentialOnly, NoPlanLead, AcceptedNotPlanned, NoSgiNoRehab, PartyAbsentFromSip,
        .. Chairs(),
    ];
}
