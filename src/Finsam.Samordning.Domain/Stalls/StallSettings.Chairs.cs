namespace Finsam.Samordning.Domain.Stalls;

// Issue 14: the rules for the remaining between-chairs mechanisms of domain.md §5 (numbers in brackets).
public sealed partial record StallSettings
{
    private static Dictionary<string, RuleSettings> WithChairDefaults(Dictionary<string, RuleSettings> rules)
    {
        rules[StallRuleCodes.UnaddressedNeed] = new(true, 30);                 // (2) a need no serving party acts on for 30 days
        rules[StallRuleCodes.RepeatedEndingsWithoutOutcome] = new(true, 365, 3); // (3) 3 insatser ended within a year, none reached its goal
        rules[StallRuleCodes.IncomeUnresolved] = new(true, 30);                // (6) income need or FK refusal, no decision 30 days on
        rules[StallRuleCodes.NoConsentOrPlan] = new(true, 30);                 // (9) 2+ parties for 30 days, no shared consent or no goal
        rules[StallRuleCodes.PlannedWithoutIndividual] = new(true, 0, 2);      // (10) the last 2 SIP meetings held without the person
        rules[StallRuleCodes.EligibilityEnding] = new(true, 90);               // (16) a label ends within 90 days (or ended within 90)
        rules[StallRuleCodes.StaleAssessment] = new(true, 180);                // (18) an insats ongoing 180 days with no new assessment
        rules[StallRuleCodes.CaseworkerMissing] = new(true, 7);                // (21) a party on the case without a caseworker for 7 days
        rules[StallRuleCodes.CaseworkerTurnover] = new(true, 365, 3);          // (21) 3 caseworker changes at one party within a year
        rules[StallRuleCodes.EndDateAhead] = new(true, 30);                    // (24) an insats ends within 30 days, nothing continues after
        rules[StallRuleCodes.ExternalReferralUnanswered] = new(true, 30);      // (17, 25) an actor outside the förbund has not answered in 30 days
        rules[StallRuleCodes.NoAnswerBeforeCase] = new(true, 30, 3);           // (15) kännedom: 3 attempts unanswered, or 30 days, and no case
        rules[StallRuleCodes.ActionComingDue] = new(true, 3);                  // (14, 23) inbox: a plan action is due within 3 days (a notice, no flag)
        return rules;
    }
}

public static partial class StallRuleCodes
{
#pragma warning disable CS1591 // The codes are the names; the README's coverage table describes each.
    public const string UnaddressedNeed = nameof(UnaddressedNeed);
    public const string RepeatedEndingsWithoutOutcome = nameof(RepeatedEndingsWithoutOutcome);
    public const string IncomeUnresolved = nameof(IncomeUnresolved);
    public const string NoConsentOrPlan = nameof(NoConsentOrPlan);
    public const string PlannedWithoutIndividual = nameof(PlannedWithoutIndividual);
    public const string EligibilityEnding = nameof(EligibilityEnding);
    public const string StaleAssessment = nameof(StaleAssessment);
    public const string CaseworkerMissing = nameof(CaseworkerMissing);
    public const string CaseworkerTurnover = nameof(CaseworkerTurnover);
    public const string EndDateAhead = nameof(EndDateAhead);
    public const string ExternalReferralUnanswered = nameof(ExternalReferralUnanswered);
    public const string NoAnswerBeforeCase = nameof(NoAnswerBeforeCase);
    public const string ActionComingDue = nameof(ActionComingDue);
#pragma warning restore CS1591

    // A method, not a field: partial parts' static initializers run in no defined order.
    private static string[] Chairs() =>
    [
        UnaddressedNeed, RepeatedEndingsWithoutOutcome, IncomeUnresolved, NoConsentOrPlan, PlannedWithoutIndividual, EligibilityEnding,
        StaleAssessment, CaseworkerMissing, CaseworkerTurnover, EndDateAhead, ExternalReferralUnanswered, NoAnswerBeforeCase, ActionComingDue,
    ];
}
