using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;

using static Finsam.Samordning.Domain.Tests.Stalls.RuleSpec;

namespace Finsam.Samordning.Domain.Tests.Stalls;

/// <summary>
/// The rules of issue 14 (domain.md §5 mechanisms 2, 3, 6, 9, 10, 16, 18, 21, 24) at their thresholds:
/// silent the day before, found on the day and the day after, with a reason naming the facts, and the
/// scan's next look landing on the day. Case day 0 is Monday 2 February 2026.
/// </summary>
public sealed class ChairRuleSpecs
{
    private static readonly Guid I1 = Guid.Parse("0195a1b2-0000-7000-8000-0000000000a1");
    private static readonly Guid I2 = Guid.Parse("0195a1b2-0000-7000-8000-0000000000a2");
    private static readonly Guid I3 = Guid.Parse("0195a1b2-0000-7000-8000-0000000000a3");
    private static readonly Guid N1 = Guid.Parse("0195a1b2-0000-7000-8000-0000000000c1");

    private static IEnumerable<ICaseEvent> Ran(Guid id, PartyCode party, string kind, int from, int to, InterventionEndReason reason) =>
    [
        new InterventionPlanned(CaseId, id, party, kind, null, Day(from), Day(from)),
        new InterventionStarted(CaseId, id, Day(from)),
        new InterventionCompleted(CaseId, id, reason, null, Day(to)),
    ];

    [Fact]
    public void Every_new_rule_has_a_default_and_is_on()
    {
        foreach (var code in new[]
                 {
                     StallRuleCodes.UnaddressedNeed, StallRuleCodes.RepeatedEndingsWithoutOutcome, StallRuleCodes.IncomeUnresolved, StallRuleCodes.NoConsentOrPlan,
                     StallRuleCodes.PlannedWithoutIndividual, StallRuleCodes.EligibilityEnding, StallRuleCodes.StaleAssessment, StallRuleCodes.CaseworkerMissing,
                     StallRuleCodes.CaseworkerTurnover, StallRuleCodes.EndDateAhead,
                 })
        {
            Assert.Contains(code, StallRuleCodes.All);
            Assert.True(StallSettings.Defaults.For(code).Enabled);
        }
    }

    [Fact]
    public void UnaddressedNeed_fires_30_days_after_a_health_need_with_no_VC_or_PSY_insats_or_referral()
    {
        var facts = Facts([.. Case(PartyCode.SOC, PartyCode.AF), new NeedIdentified(CaseId, N1, PlanArea.Halsa, "Sömn", PartyCode.SOC, Day(3))]);

        var found = Boundary(facts, StallRuleCodes.UnaddressedNeed, 33);

        Assert.Equal(N1.ToString(), found.Subject);
        Assert.Equal("SOC:s behov inom hälsa noterades 2026-02-05, och på 30 dagar har varken vårdcentralen eller psykiatrin planerat en insats eller fått en remiss för det.", found.Reason);
        Assert.Contains("neither the health centre nor psychiatry", found.ReasonEn);
        // A referral to the health centre is acting on it; an AF insats is not.
        Assert.Empty(At(Facts([.. Case(PartyCode.SOC), new NeedIdentified(CaseId, N1, PlanArea.Halsa, "Sömn", PartyCode.SOC, Day(3)),
            new ReferralSent(CaseId, Guid.NewGuid(), ReferralKind.Remiss, PartyCode.SOC, PartyCode.VC, "x", null, Day(4))]), 40, StallRuleCodes.UnaddressedNeed));
        Assert.Single(At(Facts([.. Case(PartyCode.SOC, PartyCode.AF), new NeedIdentified(CaseId, N1, PlanArea.Halsa, "Sömn", PartyCode.SOC, Day(3)),
            new InterventionPlanned(CaseId, I1, PartyCode.AF, "kartlaggning", null, Day(4), Day(4))]), 40, StallRuleCodes.UnaddressedNeed));
    }

    [Fact]
    public void RepeatedEndingsWithoutOutcome_fires_on_the_third_ending_without_a_goal_and_clears_as_they_age()
    {
        var facts = Facts([.. Case(PartyCode.AF, PartyCode.VC),
            .. Ran(I1, PartyCode.AF, "arbetstraning", 1, 20, InterventionEndReason.DroppedOut),
            .. Ran(I2, PartyCode.VC, "samtalsstod", 21, 40, InterventionEndReason.MovedToAnotherIntervention),
            .. Ran(I3, PartyCode.AF, "kartlaggning", 41, 60, InterventionEndReason.Other)]);

        var found = Boundary(facts, StallRuleCodes.RepeatedEndingsWithoutOutcome, 60);

        Assert.Equal("3 insatser har avslutats de senaste 365 dagarna (sedan 2026-02-22) utan att någon nådde sitt mål: personen snurrar runt utan att landa.", found.Reason);
        Assert.Equal(FlagSeverity.Critical, found.Severity);
        // The first ending leaves the window a year later: the next look is then.
        Assert.Single(At(facts, 384, StallRuleCodes.RepeatedEndingsWithoutOutcome));
        Assert.Empty(At(facts, 385, StallRuleCodes.RepeatedEndingsWithoutOutcome));
        Assert.Equal(Day(385), StallRules.NextChange(facts, Day(384), Only(StallRuleCodes.RepeatedEndingsWithoutOutcome)));
        // One that reached its goal breaks the loop.
        Assert.Empty(At(Facts([.. Case(PartyCode.AF), .. Ran(I1, PartyCode.AF, "arbetstraning", 1, 20, InterventionEndReason.DroppedOut),
            .. Ran(I2, PartyCode.AF, "kartlaggning", 21, 40, InterventionEndReason.GoalReached),
            .. Ran(I3, PartyCode.AF, "arbetstraning", 41, 60, InterventionEndReason.DroppedOut)]), 61, StallRuleCodes.RepeatedEndingsWithoutOutcome));
    }

    [Fact]
    public void IncomeUnresolved_fires_30_days_after_an_income_need_with_no_decision()
    {
        var facts = Facts([.. Case(PartyCode.SOC, PartyCode.FK), new NeedIdentified(CaseId, N1, PlanArea.Forsorjning, "Ingen inkomst", PartyCode.SOC, Day(2))]);

        var found = Boundary(facts, StallRuleCodes.IncomeUnresolved, 32);

        Assert.Equal("Försörjningen noterades som ett behov 2026-02-04 och inget beslut om ersättning eller försörjningsstöd har registrerats på 30 dagar.", found.Reason);
        Assert.Equal([PartyCode.FK, PartyCode.SOC], found.Describes);
        Assert.Empty(At(Facts([.. Case(PartyCode.SOC, PartyCode.FK), new NeedIdentified(CaseId, N1, PlanArea.Forsorjning, "Ingen inkomst", PartyCode.SOC, Day(2)),
            new BenefitDecisionRecorded(CaseId, Guid.NewGuid(), PartyCode.SOC, Benefit.Forsorjningsstod, BenefitDecisionKind.Granted, Day(10), null, Day(10))]), 40, StallRuleCodes.IncomeUnresolved));
    }

    [Fact]
    public void IncomeUnresolved_fires_30_days_after_an_FK_refusal_until_something_is_granted()
    {
        var refusal = Guid.NewGuid();
        var facts = Facts([.. Case(PartyCode.SOC, PartyCode.FK),
            new BenefitDecisionRecorded(CaseId, refusal, PartyCode.FK, Benefit.Aktivitetsersattning, BenefitDecisionKind.Refused, Day(5), null, Day(5))]);

        var found = Boundary(facts, StallRuleCodes.IncomeUnresolved, 35);

        Assert.Equal(refusal.ToString(), found.Subject);
        Assert.Contains("avslag (aktivitetsersättning)", found.Reason);
        Assert.Empty(At(Facts([.. Case(PartyCode.SOC, PartyCode.FK),
            new BenefitDecisionRecorded(CaseId, refusal, PartyCode.FK, Benefit.Aktivitetsersattning, BenefitDecisionKind.Refused, Day(5), null, Day(5)),
            new BenefitDecisionRecorded(CaseId, Guid.NewGuid(), PartyCode.SOC, Benefit.Forsorjningsstod, BenefitDecisionKind.Granted, Day(20), null, Day(20))]), 40, StallRuleCodes.IncomeUnresolved));
    }

    [Fact]
    public void NoConsentOrPlan_fires_30_days_into_a_multi_party_case_with_no_shared_consent_and_no_goal()
    {
        var facts = Facts([.. Case(PartyCode.SOC), new PartyJoined(CaseId, PartyCode.AF, "AF", "af-1", "A", Day(5))]);

        Assert.Empty(At(facts, 34, StallRuleCodes.NoConsentOrPlan));
        var found = At(facts, 35, StallRuleCodes.NoConsentOrPlan);
        Assert.Equal(["consent", "goal"], found.Select(f => f.Subject));
        Assert.Equal(2, At(facts, 36, StallRuleCodes.NoConsentOrPlan).Count);
        Assert.Equal(Day(35), StallRules.NextChange(facts, Day(34), Only(StallRuleCodes.NoConsentOrPlan)));
        Assert.Equal("2 parter har arbetat i ärendet i 30 dagar och den gemensamma planen har inget mål.", found[1].Reason);
        Assert.Equal([], found[0].Describes);

        var consent = Guid.NewGuid();
        var shared = Facts([.. Case(PartyCode.SOC), new PartyJoined(CaseId, PartyCode.AF, "AF", "af-1", "A", Day(5)),
            new ConsentRecorded(CaseId, consent, [PartyCode.AF, PartyCode.SOC], false, ConsentForm.Written, Day(1), null, PartyCode.SOC, Day(1)),
            new ConsentConfirmed(CaseId, consent, PartyCode.AF, Day(6)),
            new GoalSet(CaseId, Guid.NewGuid(), PlanArea.Arbete, GoalStatedBy.Individual, "Jobb", PartyCode.SOC, Day(7))]);
        Assert.Empty(At(shared, 60, StallRuleCodes.NoConsentOrPlan));
    }

    [Fact]
    public void PlannedWithoutIndividual_fires_when_the_second_meeting_in_a_row_is_held_without_the_person()
    {
        var (m1, m2) = (Guid.NewGuid(), Guid.NewGuid());
        var facts = Facts([.. Case(PartyCode.SOC, PartyCode.VC),
            new SipMeetingScheduled(CaseId, m1, Day(10), [PartyCode.VC], Day(1), PartyCode.SOC),
            new SipMeetingHeld(CaseId, m1, Day(10), [PartyCode.SOC, PartyCode.VC], false, "Plan", null),
            new SipMeetingScheduled(CaseId, m2, Day(40), [PartyCode.VC], Day(11), PartyCode.SOC),
            new SipMeetingHeld(CaseId, m2, Day(40), [PartyCode.SOC, PartyCode.VC], false, "Plan", null)]);

        var found = Boundary(facts, StallRuleCodes.PlannedWithoutIndividual, 40);

        Assert.Equal("De senaste 2 SIP-mötena (sedan 2026-02-12) hölls utan personen: planeringen sker utan den den gäller.", found.Reason);
        Assert.Empty(At(Facts([.. Case(PartyCode.SOC, PartyCode.VC),
            new SipMeetingScheduled(CaseId, m1, Day(10), [PartyCode.VC], Day(1), PartyCode.SOC),
            new SipMeetingHeld(CaseId, m1, Day(10), [PartyCode.SOC, PartyCode.VC], true, "Plan", null),
            new SipMeetingScheduled(CaseId, m2, Day(40), [PartyCode.VC], Day(11), PartyCode.SOC),
            new SipMeetingHeld(CaseId, m2, Day(40), [PartyCode.SOC, PartyCode.VC], false, "Plan", null)]), 41, StallRuleCodes.PlannedWithoutIndividual));
    }

    [Fact]
    public void EligibilityEnding_warns_90_days_before_KAA_ends_and_for_90_days_after()
    {
        var facts = Facts([.. Case(PartyCode.KAA), new EligibilityEndRecorded(CaseId, EligibilityLabel.KaaAge, Day(200), PartyCode.KAA, Day(0))]);

        var found = Boundary(facts, StallRuleCodes.EligibilityEnding, 110);

        Assert.Equal("Det kommunala aktivitetsansvaret (KAA) upphör 2026-08-21 (om 90 dagar) medan ärendet är öppet: planera vad som tar vid.", found.Reason);
        Assert.Equal([PartyCode.KAA], found.Describes);
        Assert.Contains("upphörde 2026-08-21 för 10 dagar sedan", Assert.Single(At(facts, 210, StallRuleCodes.EligibilityEnding)).Reason);
        Assert.Single(At(facts, 289, StallRuleCodes.EligibilityEnding));
        Assert.Empty(At(facts, 290, StallRuleCodes.EligibilityEnding));
        Assert.Equal(Day(290), StallRules.NextChange(facts, Day(289), Only(StallRuleCodes.EligibilityEnding)));
    }

    [Fact]
    public void Label_ends_are_derived_from_the_birth_date_without_it_entering_an_event()
    {
        // Born 2008-05-10: KAA ends on the 20th birthday; aktivitetsersättning the first of the month of the 30th.
        var labels = EligibilityLabels.Derive(new DateOnly(2008, 5, 10), [TargetGroup.KaaYouth, TargetGroup.ActivityCompensation], Day(0));
        Assert.Equal([(EligibilityLabel.KaaAge, new DateOnly(2028, 5, 10)), (EligibilityLabel.ActivityCompensationAge, new DateOnly(2038, 5, 1))], labels);
        // The day before the 20th birthday KAA still applies; on the day it has ended.
        Assert.Single(EligibilityLabels.Derive(new DateOnly(2006, 2, 3), [], Day(0)));
        Assert.Empty(EligibilityLabels.Derive(new DateOnly(2006, 2, 2), [], Day(0)));

        var events = CaseDecider.Decide(new OpenCaseCommand(CaseId, Guid.NewGuid(), "1282", [TargetGroup.KaaYouth], PartyCode.KAA, "KAA", Day(0))
        {
            By = new Actor("kaa-1", "K", PartyCode.KAA), BirthDate = new DateOnly(2008, 5, 10),
        }, null);
        var label = Assert.Single(events.OfType<EligibilityEndRecorded>());
        Assert.Equal(new DateOnly(2028, 5, 10), label.EndsOn);
        Assert.DoesNotContain(events, e => e.ToString()!.Contains("2008", StringComparison.Ordinal));
    }

    [Fact]
    public void StaleAssessment_fires_180_days_into_an_insats_with_no_new_assessment()
    {
        var facts = Facts([.. Case(PartyCode.AF, PartyCode.FK),
            new InterventionPlanned(CaseId, I1, PartyCode.AF, "arbetstraning", null, Day(10), Day(5)), new InterventionStarted(CaseId, I1, Day(10)),
            new WorkCapacityAssessed(CaseId, Guid.NewGuid(), PartyCode.FK, WorkCapacityConclusion.NotAbleNow, null, Day(50))]);

        var found = Boundary(facts, StallRuleCodes.StaleAssessment, 230);

        Assert.Equal("En insats har pågått sedan 2026-02-12 utan ny bedömning av arbetsförmågan på 180 dagar (senaste bedömningen gjordes 2026-03-24).", found.Reason);
    }

    [Fact]
    public void CaseworkerMissing_fires_7_days_after_a_party_is_left_without_a_caseworker_until_one_is_assigned()
    {
        var facts = Facts([.. Case(PartyCode.SOC, PartyCode.AF), new CaseworkerReleased(CaseId, PartyCode.AF, Day(20))]);

        var found = Boundary(facts, StallRuleCodes.CaseworkerMissing, 27);

        Assert.Equal("AF", found.Subject);
        Assert.Equal("Arbetsförmedlingen är med i ärendet men har ingen handläggare sedan 2026-02-22 (7 dagar).", found.Reason);
        Assert.Empty(At(Facts([.. Case(PartyCode.SOC, PartyCode.AF), new CaseworkerReleased(CaseId, PartyCode.AF, Day(20)),
            new CaseworkerAssigned(CaseId, PartyCode.AF, "af-2", "Ny", Day(25))]), 30, StallRuleCodes.CaseworkerMissing));
    }

    [Fact]
    public void CaseworkerTurnover_advises_on_the_third_change_at_one_party_within_a_year()
    {
        var facts = Facts([.. Case(PartyCode.SOC), .. new[] { 10, 50, 90 }.Select(d => new CaseworkerAssigned(CaseId, PartyCode.SOC, $"soc-{d}", "N", Day(d)))]);

        var found = Boundary(facts, StallRuleCodes.CaseworkerTurnover, 90);

        Assert.Equal(FlagSeverity.Advice, found.Severity);
        Assert.Equal("Socialtjänsten har bytt handläggare 3 gånger de senaste 365 dagarna.", found.Reason);
        Assert.Empty(At(facts, 375, StallRuleCodes.CaseworkerTurnover));
    }

    [Fact]
    public void EndDateAhead_warns_30_days_before_a_known_end_when_nothing_carries_on()
    {
        var facts = Facts([.. Case(PartyCode.AME),
            new InterventionPlanned(CaseId, I1, PartyCode.AME, "arbetstraning", null, Day(1), Day(1)), new InterventionStarted(CaseId, I1, Day(1)),
            new InterventionEndScheduled(CaseId, I1, Day(130), Day(2))]);

        var found = Boundary(facts, StallRuleCodes.EndDateAhead, 100);

        Assert.Equal(I1.ToString(), found.Subject);
        Assert.StartsWith("AME:s ", found.Reason);
        Assert.EndsWith("upphör 2026-06-12 (om 30 dagar) och inget annat är planerat som fortsätter efter det.", found.Reason);
        Assert.Empty(At(facts, 130, StallRuleCodes.EndDateAhead));
        // Another insats that runs on past the end carries the person over.
        Assert.Empty(At(Facts([.. Case(PartyCode.AME, PartyCode.SOC),
            new InterventionPlanned(CaseId, I1, PartyCode.AME, "arbetstraning", null, Day(1), Day(1)), new InterventionStarted(CaseId, I1, Day(1)),
            new InterventionEndScheduled(CaseId, I1, Day(130), Day(2)),
            new InterventionPlanned(CaseId, I2, PartyCode.SOC, "boendestod", null, Day(3), Day(3))]), 110, StallRuleCodes.EndDateAhead));
    }

    [Fact]
    public void A_snoozed_flag_returns_as_a_new_flag_on_its_day_if_still_true_and_the_scan_looks_then()
    {
        var flag = new OpenFlag(Guid.NewGuid(), StallRuleCodes.NoContact, "", FlagSeverity.Warning, "r", "r", Day(0), Day(30), null,
            Day(31), "sl-1", "Ringer", SnoozedUntil: Day(45));
        var finding = new StallFinding(StallRuleCodes.NoContact, "", FlagSeverity.Warning, Day(0), "Ingen kontakt", "No contact");

        Assert.Empty(StallScan.Decide(CaseId, [flag], [finding], Day(44), Guid.NewGuid));
        var back = StallScan.Decide(CaseId, [flag], [finding], Day(45), Guid.NewGuid);
        Assert.IsType<StallFlagCleared>(back[0]);
        var raised = Assert.IsType<StallFlagRaised>(back[1]);
        Assert.Equal((StallRuleCodes.NoContact, ""), (raised.Rule, raised.Subject));
        // No longer true on the day: simply cleared.
        Assert.IsType<StallFlagCleared>(Assert.Single(StallScan.Decide(CaseId, [flag], [], Day(45), Guid.NewGuid)));
        // The scan's next look is the snooze's day when no rule changes earlier.
        Assert.Equal(Day(45), StallScan.NextLook(Day(60), [flag], Day(40)));
        Assert.Equal(Day(42), StallScan.NextLook(Day(42), [flag], Day(40)));
        Assert.Equal(Day(45), StallScan.NextLook(null, [flag], Day(40)));
    }

    [Fact]
    public void Acknowledging_may_snooze_only_to_a_later_day()
    {
        var flagId = Guid.NewGuid();
        var state = CaseDecider.Fold([.. Case(PartyCode.SOC),
            new StallFlagRaised(CaseId, flagId, StallRuleCodes.NoContact, "", FlagSeverity.Warning, "r", "r", Day(0), Day(30), null)])!;
        var by = new FlagActor("sl-1", null);

        Assert.Equal("flag.snooze-in-past", Assert.Throws<CaseRuleViolation>(() =>
            FlagDecider.Decide(new AcknowledgeFlag(flagId, "n", Day(31), Day(31)) { By = by }, state)).Code);
        var ack = Assert.IsType<StallFlagAcknowledged>(Assert.Single(FlagDecider.Decide(new AcknowledgeFlag(flagId, "n", Day(31), Day(45)) { By = by }, state)));
        Assert.Equal(Day(45), ack.SnoozedUntil);
        Assert.Equal(Day(45), CaseState.Evolve(state, ack)!.Flags[flagId].SnoozedUntil);
    }

    [Fact]
    public void ExternalReferralUnanswered_fires_30_days_after_a_referral_to_BUP_until_its_answer_is_recorded()
    {
        var (bup, r) = (Guid.NewGuid(), Guid.NewGuid());
        IEnumerable<ICaseEvent> Sent() => [.. Case(PartyCode.PSY), new ExternalActorNamed(CaseId, bup, ExternalActorKind.Bup, "BUP Helsingborg", PartyCode.PSY, Day(1)),
            new ExternalReferralSent(CaseId, r, bup, ReferralKind.Remiss, PartyCode.PSY, null, Day(2))];

        var found = Boundary(Facts([.. Sent()]), StallRuleCodes.ExternalReferralUnanswered, 32);

        Assert.Equal(r.ToString(), found.Subject);
        Assert.Equal("PSY:s remiss till BUP Helsingborg (Bup) har varit obesvarad i 30 dagar.", found.Reason);
        Assert.Equal([PartyCode.PSY], found.Describes);
        Assert.Empty(At(Facts([.. Sent(), new ExternalReferralAnswered(CaseId, r, true, Day(20))]), 40, StallRuleCodes.ExternalReferralUnanswered));
    }

    [Fact]
    public void A_referral_to_an_external_actor_serving_the_area_acts_on_a_need()
    {
        var bup = Guid.NewGuid();
        var facts = Facts([.. Case(PartyCode.SOC), new NeedIdentified(CaseId, N1, PlanArea.Halsa, "Utredning", PartyCode.SOC, Day(3)),
            new ExternalActorNamed(CaseId, bup, ExternalActorKind.Bup, "BUP", PartyCode.SOC, Day(3)),
            new ExternalReferralSent(CaseId, Guid.NewGuid(), bup, ReferralKind.Remiss, PartyCode.SOC, null, Day(4))]);
        Assert.Empty(At(facts, 40, StallRuleCodes.UnaddressedNeed));
    }

    [Fact]
    public void Only_the_sender_records_an_external_answer_and_only_once()
    {
        var (bup, r) = (Guid.NewGuid(), Guid.NewGuid());
        var psy = new Actor("psy-1", "P", PartyCode.PSY);
        var soc = new Actor("soc-1", "S", PartyCode.SOC);
        var state = CaseDecider.Fold([.. Case(PartyCode.PSY, PartyCode.SOC)])!;
        ICaseEvent[] Decide(CaseCommand c) => [.. CaseDecider.Decide(c, state)];
        void Apply(IEnumerable<ICaseEvent> events) => state = events.Aggregate(state, (s, e) => CaseState.Evolve(s, e)!);

        Assert.Throws<CaseEntryNotFound>(() => Decide(new ReferToExternalActor(r, bup, ReferralKind.Remiss, null, Day(2)) { By = psy }));
        Apply(Decide(new NameExternalActor(bup, ExternalActorKind.Bup, "BUP Helsingborg", Day(1)) { By = psy }));
        Apply(Decide(new ReferToExternalActor(r, bup, ReferralKind.Remiss, null, Day(2)) { By = psy }));
        Assert.Throws<CaseEntryNotFound>(() => Decide(new RecordExternalAnswer(r, true, Day(5)) { By = soc }));
        Assert.Equal("date.before-previous", Assert.Throws<CaseRuleViolation>(() => Decide(new RecordExternalAnswer(r, true, Day(1)) { By = psy })).Code);
        Apply(Decide(new RecordExternalAnswer(r, true, Day(5)) { By = psy }));
        Assert.Equal("referral.already-answered", Assert.Throws<CaseRuleViolation>(() => Decide(new RecordExternalAnswer(r, false, Day(6)) { By = psy })).Code);
    }
}
