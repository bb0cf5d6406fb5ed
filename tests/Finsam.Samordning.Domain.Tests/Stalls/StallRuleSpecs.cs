using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Stalls;

using static Finsam.Samordning.Domain.Tests.Stalls.RuleSpec;

namespace Finsam.Samordning.Domain.Tests.Stalls;

/// <summary>
/// Each rule at its threshold: the day before it is silent, on the day and after it fires, with a
/// reason naming the facts. Case day 0 is Monday 2 February 2026.
/// </summary>
public sealed class StallRuleSpecs
{
    private static readonly Guid I1 = Guid.Parse("0195a1b2-0000-7000-8000-0000000000a1");
    private static readonly Guid I2 = Guid.Parse("0195a1b2-0000-7000-8000-0000000000a2");
    private static readonly Guid R1 = Guid.Parse("0195a1b2-0000-7000-8000-0000000000b1");
    private static readonly Guid R2 = Guid.Parse("0195a1b2-0000-7000-8000-0000000000b2");

    [Fact]
    public void NoActiveIntervention_fires_14_days_after_the_last_insats_stopped_and_a_paused_one_does_not_count()
    {
        var facts = Facts([.. Case(PartyCode.SOC, PartyCode.AF),
            new InterventionPlanned(CaseId, I1, PartyCode.AF, "kartlaggning", null, Day(1), Day(1)),
            new InterventionStarted(CaseId, I1, Day(2)),
            new InterventionPaused(CaseId, I1, "Sommar", Day(10))]);

        var found = Boundary(facts, StallRuleCodes.NoActiveIntervention, 24);

        Assert.Equal("Ingen insats har pågått på 14 dagar (sedan 2026-02-12).", found.Reason);
        Assert.Equal(FlagSeverity.Critical, found.Severity);
        Assert.Empty(At(Facts([.. Case(PartyCode.SOC), new InterventionPlanned(CaseId, I1, PartyCode.SOC, "boendestod", null, Day(1), Day(1)),
            new InterventionStarted(CaseId, I1, Day(1))]), 60, StallRuleCodes.NoActiveIntervention));
    }

    [Fact]
    public void NoContact_fires_30_days_after_the_last_contact_and_a_no_show_is_no_contact()
    {
        var facts = Facts([.. Case(PartyCode.SOC), new ContactLogged(CaseId, Guid.NewGuid(), PartyCode.SOC, ContactKind.Phone, false, null, Day(5)),
            new ContactLogged(CaseId, Guid.NewGuid(), PartyCode.SOC, ContactKind.Meeting, true, null, Day(20))]);

        var found = Boundary(facts, StallRuleCodes.NoContact, 35);

        Assert.Contains("30 dagar (senast 2026-02-07)", found.Reason);
    }

    [Fact]
    public void WaitingTooLong_fires_30_days_after_planning_while_not_started()
    {
        var facts = Facts([.. Case(PartyCode.AF), new InterventionPlanned(CaseId, I1, PartyCode.AF, "arbetstraning", null, Day(10), Day(4))]);

        var found = Boundary(facts, StallRuleCodes.WaitingTooLong, 34);

        Assert.Equal(I1.ToString(), found.Subject);
        Assert.Equal([PartyCode.AF], found.Describes);
        Assert.Equal("AF:s arbetsträning planerades 2026-02-06 och har inte startat: personen har väntat i 30 dagar.", found.Reason);
        Assert.Empty(At(Facts([.. Case(PartyCode.AF), new InterventionPlanned(CaseId, I1, PartyCode.AF, "arbetstraning", null, Day(10), Day(4)),
            new InterventionStarted(CaseId, I1, Day(33))]), 34, StallRuleCodes.WaitingTooLong));
    }

    [Fact]
    public void UnansweredReferral_fires_10_days_after_sending()
    {
        var facts = Facts([.. Case(PartyCode.AF), new ReferralSent(CaseId, R1, ReferralKind.Remiss, PartyCode.AF, PartyCode.VC, "Hälsa", null, Day(2))]);

        var found = Boundary(facts, StallRuleCodes.UnansweredReferral, 12);

        Assert.Equal("AF:s remiss till vårdcentralen har varit obesvarad i 10 dagar.", found.Reason);
        Assert.Equal("AF's referral to the health centre has gone unanswered for 10 days.", found.ReasonEn);
        Assert.Equal([PartyCode.AF], found.Describes); // the reason describes AF's referral: shown where AF's entries are
    }

    [Fact]
    public void UnansweredReferral_fires_the_day_after_respond_by_when_that_comes_first()
    {
        var facts = Facts([.. Case(PartyCode.SOC), new ReferralSent(CaseId, R1, ReferralKind.Intyg, PartyCode.SOC, PartyCode.VC, "Intyg", Day(5), Day(1))]);

        var found = Boundary(facts, StallRuleCodes.UnansweredReferral, 6);

        Assert.Contains("svar begärdes senast 2026-02-07", found.Reason);
        Assert.Empty(At(Facts([.. Case(PartyCode.SOC), new ReferralSent(CaseId, R1, ReferralKind.Intyg, PartyCode.SOC, PartyCode.VC, "Intyg", Day(5), Day(1)),
            new ReferralAccepted(CaseId, R1, Day(6))]), 20, StallRuleCodes.UnansweredReferral));
    }

    [Fact]
    public void OverdueFollowUp_fires_7_days_after_the_agreed_follow_up_with_no_meeting_since()
    {
        var m = Guid.NewGuid();
        var facts = Facts([.. Case(PartyCode.SOC), new SipMeetingScheduled(CaseId, m, Day(25), [PartyCode.SOC], Day(18), PartyCode.SOC),
            new SipMeetingHeld(CaseId, m, Day(25), [PartyCode.SOC], true, "Plan", Day(67))]);

        var found = Boundary(facts, StallRuleCodes.OverdueFollowUp, 74);

        Assert.Contains("skulle ske 2026-04-10", found.Reason);
    }

    [Fact]
    public void OverdueAction_fires_7_days_after_the_due_date_until_completed()
    {
        var a = Guid.NewGuid();
        var facts = Facts([.. Case(PartyCode.SOC), new ActionPlanned(CaseId, a, "Fråga FK", PartyCode.SOC, null, Day(40), Day(25), PartyCode.SOC)]);

        var found = Boundary(facts, StallRuleCodes.OverdueAction, 47);

        Assert.Contains("socialtjänsten skulle vara klar 2026-03-14", found.Reason);
        Assert.DoesNotContain("Fråga FK", found.Reason); // free text stays out of flags
        Assert.Empty(At(Facts([.. Case(PartyCode.SOC), new ActionPlanned(CaseId, a, "Fråga FK", PartyCode.SOC, null, Day(40), Day(25), PartyCode.SOC),
            new ActionCompleted(CaseId, a, Day(46))]), 50, StallRuleCodes.OverdueAction));
    }

    [Fact]
    public void LeftAlone_fires_when_a_party_leaves_without_handover_and_nobody_else_works()
    {
        var facts = Facts([.. Case(PartyCode.SOC, PartyCode.VC), new PartyLeft(CaseId, PartyCode.VC, "Klar", null, Day(30))]);

        var found = Boundary(facts, StallRuleCodes.LeftAlone, 30);

        Assert.Equal("VC", found.Subject);
        Assert.Empty(At(Facts([.. Case(PartyCode.SOC, PartyCode.VC), new PartyLeft(CaseId, PartyCode.VC, "Klar", PartyCode.SOC, Day(30))]), 31, StallRuleCodes.LeftAlone));
    }

    [Fact]
    public void AssessmentGap_fires_when_one_party_finds_the_person_able_and_another_unable_with_nothing_bridging()
    {
        var facts = Facts([.. Case(PartyCode.AF, PartyCode.FK),
            new WorkCapacityAssessed(CaseId, Guid.NewGuid(), PartyCode.AF, WorkCapacityConclusion.NotReady, null, Day(10)),
            new WorkCapacityAssessed(CaseId, Guid.NewGuid(), PartyCode.FK, WorkCapacityConclusion.AbleToWork, null, Day(20))]);

        var found = Boundary(facts, StallRuleCodes.AssessmentGap, 20);

        Assert.StartsWith("Försäkringskassan bedömer att personen kan arbeta medan Arbetsförmedlingen bedömer att personen inte redo", found.Reason);
        // The walk-through: VC's "able with support" beside AF's "not ready" is no gap.
        Assert.Empty(At(Facts([.. Case(PartyCode.AF, PartyCode.VC),
            new WorkCapacityAssessed(CaseId, Guid.NewGuid(), PartyCode.AF, WorkCapacityConclusion.NotReady, null, Day(10)),
            new WorkCapacityAssessed(CaseId, Guid.NewGuid(), PartyCode.VC, WorkCapacityConclusion.AbleWithSupport, null, Day(47))]), 50, StallRuleCodes.AssessmentGap));
    }

    [Fact]
    public void ConsentExpiring_fires_14_days_before_the_last_consent_ends_and_never_before_a_consent_exists()
    {
        Assert.Null(StallRules.NextChange(Facts([.. Case(PartyCode.SOC)]), Day(0), Only(StallRuleCodes.ConsentExpiring)));
        Assert.Empty(At(Facts([.. Case(PartyCode.SOC)]), 400, StallRuleCodes.ConsentExpiring));
        var facts = Facts([.. Case(PartyCode.SOC), new ConsentRecorded(CaseId, Guid.NewGuid(), [PartyCode.SOC], true, ConsentForm.Written, Day(0), Day(99), PartyCode.SOC, Day(0))]);

        var found = Boundary(facts, StallRuleCodes.ConsentExpiring, 86);

        Assert.Equal("Samtycket gäller bara till och med 2026-05-12 (14 dagar kvar).", found.Reason);
        Assert.Contains("gällde till och med 2026-05-12", Assert.Single(At(facts, 100, StallRuleCodes.ConsentExpiring)).Reason);
    }

    [Fact]
    public void RepeatedNoShows_fires_on_the_third_no_show_within_30_days_and_clears_as_they_age()
    {
        var facts = Facts([.. Case(PartyCode.VC), .. new[] { 30, 40, 50 }.Select(d =>
            new ContactLogged(CaseId, Guid.NewGuid(), PartyCode.VC, ContactKind.Meeting, true, null, Day(d)))]);

        var found = Boundary(facts, StallRuleCodes.RepeatedNoShows, 50);

        Assert.Equal("Personen har uteblivit 3 gånger de senaste 30 dagarna.", found.Reason);
        Assert.Empty(At(facts, 60, StallRuleCodes.RepeatedNoShows)); // day 30 has left the window
        Assert.Equal(Day(60), StallRules.NextChange(facts, Day(55), Only(StallRuleCodes.RepeatedNoShows)));
    }

    [Fact]
    public void ReferralPingPong_fires_when_two_referrals_are_declined_within_90_days()
    {
        var facts = Facts([.. Case(PartyCode.SOC),
            new ReferralSent(CaseId, R1, ReferralKind.Remiss, PartyCode.SOC, PartyCode.VC, "x", null, Day(1)),
            new ReferralDeclined(CaseId, R1, "Fel enhet", Day(3)),
            new ReferralSent(CaseId, R2, ReferralKind.Remiss, PartyCode.SOC, PartyCode.PSY, "x", null, Day(4)),
            new ReferralDeclined(CaseId, R2, "Inte vår målgrupp", Day(9))]);

        Assert.Empty(At(facts, 8, StallRuleCodes.ReferralPingPong));
        var found = Assert.Single(At(facts, 9, StallRuleCodes.ReferralPingPong));
        Assert.Contains("SOC→VC, SOC→PSY", found.Reason);
        Assert.Single(At(facts, 92, StallRuleCodes.ReferralPingPong));
        Assert.Empty(At(facts, 93, StallRuleCodes.ReferralPingPong)); // the first decline (day 3) is 90 days old
    }

    [Fact]
    public void ReferralPingPong_fires_when_the_person_is_sent_back_and_forth()
    {
        var facts = Facts([.. Case(PartyCode.AF, PartyCode.FK),
            new ReferralSent(CaseId, R1, ReferralKind.Remiss, PartyCode.AF, PartyCode.FK, "x", null, Day(1)),
            new ReferralAccepted(CaseId, R1, Day(2)),
            new ReferralSent(CaseId, R2, ReferralKind.Remiss, PartyCode.FK, PartyCode.AF, "x", null, Day(20))]);

        Assert.Empty(At(facts, 19, StallRuleCodes.ReferralPingPong));
        Assert.Contains("fram och tillbaka mellan Arbetsförmedlingen och Försäkringskassan", Assert.Single(At(facts, 20, StallRuleCodes.ReferralPingPong)).Reason);
    }

    [Fact]
    public void SequentialOnly_advises_after_60_days_when_parties_took_turns()
    {
        var facts = Facts([.. Case(PartyCode.VC, PartyCode.AF),
            new InterventionPlanned(CaseId, I1, PartyCode.VC, "behandling", null, Day(0), Day(0)), new InterventionStarted(CaseId, I1, Day(0)),
            new InterventionCompleted(CaseId, I1, InterventionEndReason.GoalReached, null, Day(30)),
            new InterventionPlanned(CaseId, I2, PartyCode.AF, "kartlaggning", null, Day(30), Day(30)), new InterventionStarted(CaseId, I2, Day(30))]);

        var found = Boundary(facts, StallRuleCodes.SequentialOnly, 60);

        Assert.Equal(FlagSeverity.Advice, found.Severity);
        Assert.Contains("trappstegsmodellen", found.Reason);
    }

    [Fact]
    public void NoPlanLead_fires_14_days_after_the_second_party_joined_until_someone_holds_the_plan()
    {
        var facts = Facts([.. Case(PartyCode.SOC), new PartyJoined(CaseId, PartyCode.AF, "AF", "af-1", "A", Day(5))]);

        Boundary(facts, StallRuleCodes.NoPlanLead, 19);

        Assert.Empty(At(Facts([.. Case(PartyCode.SOC), new PartyJoined(CaseId, PartyCode.AF, "AF", "af-1", "A", Day(5)),
            new PlanLeadAssigned(CaseId, PartyCode.SOC, Day(10))]), 30, StallRuleCodes.NoPlanLead));
    }

    [Fact]
    public void AcceptedNotPlanned_fires_14_days_after_a_remiss_was_accepted_with_nothing_planned()
    {
        var facts = Facts([.. Case(PartyCode.SOC), new ReferralSent(CaseId, R1, ReferralKind.Remiss, PartyCode.SOC, PartyCode.VC, "x", null, Day(1)),
            new ReferralAccepted(CaseId, R1, Day(3)), new PartyJoined(CaseId, PartyCode.VC, "VC", "vc-1", "V", Day(3))]);

        var found = Boundary(facts, StallRuleCodes.AcceptedNotPlanned, 17);

        Assert.Equal("vårdcentralen tog emot SOC:s remiss 2026-02-05 men har inte planerat någon insats på 14 dagar.", found.Reason);
    }

    [Fact]
    public void NoSgiNoRehab_fires_30_days_after_no_SGI_with_no_rehab_insats()
    {
        var facts = Facts([.. Case(PartyCode.SOC, PartyCode.FK),
            new BenefitDecisionRecorded(CaseId, Guid.NewGuid(), PartyCode.FK, Benefit.Sjukpenning, BenefitDecisionKind.NoneForLackOfSgi, Day(5), null, Day(5))]);

        var found = Boundary(facts, StallRuleCodes.NoSgiNoRehab, 35);

        Assert.Contains("nollplacerad", found.Reason);
        Assert.Empty(At(Facts([.. Case(PartyCode.SOC, PartyCode.FK, PartyCode.VC),
            new BenefitDecisionRecorded(CaseId, Guid.NewGuid(), PartyCode.FK, Benefit.Sjukpenning, BenefitDecisionKind.NoneForLackOfSgi, Day(5), null, Day(5)),
            new InterventionPlanned(CaseId, I1, PartyCode.VC, "samtalsstod", null, Day(40), Day(20))]), 40, StallRuleCodes.NoSgiNoRehab));
    }

    [Fact]
    public void NoSgiNoRehab_ends_when_FK_later_grants_sickness_benefit()
    {
        var facts = Facts([.. Case(PartyCode.SOC, PartyCode.FK),
            new BenefitDecisionRecorded(CaseId, Guid.NewGuid(), PartyCode.FK, Benefit.Sjukpenning, BenefitDecisionKind.Refused, Day(5), null, Day(5)),
            new BenefitDecisionRecorded(CaseId, Guid.NewGuid(), PartyCode.FK, Benefit.Sjukpenning, BenefitDecisionKind.Granted, Day(20), null, Day(20))]);

        Assert.Empty(At(facts, 60, StallRuleCodes.NoSgiNoRehab));
    }

    [Fact]
    public void ReferralPingPong_counts_declines_by_the_day_they_were_declined()
    {
        var facts = Facts([.. Case(PartyCode.SOC),
            new ReferralSent(CaseId, R1, ReferralKind.Remiss, PartyCode.SOC, PartyCode.VC, "x", null, Day(1)),
            new ReferralSent(CaseId, R2, ReferralKind.Remiss, PartyCode.SOC, PartyCode.PSY, "x", null, Day(2)),
            new ReferralDeclined(CaseId, R1, "Fel enhet", Day(100)),
            new ReferralDeclined(CaseId, R2, "Inte vår målgrupp", Day(101))]);

        Assert.Single(At(facts, 102, StallRuleCodes.ReferralPingPong));
    }

    [Fact]
    public void PartyAbsentFromSip_advises_when_a_working_party_missed_the_last_meeting()
    {
        var m = Guid.NewGuid();
        var facts = Facts([.. Case(PartyCode.SOC, PartyCode.VC),
            new InterventionPlanned(CaseId, I1, PartyCode.VC, "samtalsstod", null, Day(1), Day(1)), new InterventionStarted(CaseId, I1, Day(1)),
            new SipMeetingScheduled(CaseId, m, Day(25), [PartyCode.SOC, PartyCode.VC], Day(10), PartyCode.SOC),
            new SipMeetingHeld(CaseId, m, Day(25), [PartyCode.SOC], true, "Plan", null)]);

        Assert.Empty(At(facts, 24, StallRuleCodes.PartyAbsentFromSip));
        var found = Assert.Single(At(facts, 25, StallRuleCodes.PartyAbsentFromSip));
        Assert.Equal("vårdcentralen har en pågående insats, var kallad och kom inte till SIP-mötet 2026-02-27.", found.Reason);
        Assert.Equal(FlagSeverity.Advice, found.Severity);
    }

    [Fact]
    public void PartyAbsentFromSip_counts_only_invited_parties_that_accepted_or_did_not_answer()
    {
        var m = Guid.NewGuid();
        StallFacts Meeting(params ICaseEvent[] answers) => Facts([.. Case(PartyCode.SOC, PartyCode.VC, PartyCode.AF),
            new InterventionPlanned(CaseId, I1, PartyCode.VC, "samtalsstod", null, Day(1), Day(1)), new InterventionStarted(CaseId, I1, Day(1)),
            new InterventionPlanned(CaseId, I2, PartyCode.AF, "kartlaggning", null, Day(1), Day(1)), new InterventionStarted(CaseId, I2, Day(1)),
            // AF is not invited (say no consent named it); VC is.
            new SipMeetingScheduled(CaseId, m, Day(25), [PartyCode.SOC, PartyCode.VC], Day(10), PartyCode.SOC),
            .. answers,
            new SipMeetingHeld(CaseId, m, Day(25), [PartyCode.SOC], true, "Plan", null)]);

        Assert.Equal(["VC"], At(Meeting(), 25, StallRuleCodes.PartyAbsentFromSip).Select(f => f.Subject));
        Assert.Equal(["VC"], At(Meeting(new SipInvitationAccepted(CaseId, m, PartyCode.VC, Day(11))), 25, StallRuleCodes.PartyAbsentFromSip).Select(f => f.Subject));
        Assert.Empty(At(Meeting(new SipInvitationDeclined(CaseId, m, PartyCode.VC, "Semester", Day(11))), 25, StallRuleCodes.PartyAbsentFromSip));
        // Moved to another day: the earlier "no" was for the old day.
        Assert.Equal(["VC"], At(Meeting(new SipInvitationDeclined(CaseId, m, PartyCode.VC, "Semester", Day(11)),
            new SipMeetingRescheduled(CaseId, m, Day(25), Day(20), "Semester", Day(12))), 25, StallRuleCodes.PartyAbsentFromSip).Select(f => f.Subject));
    }

    [Fact]
    public void A_closed_case_has_no_findings_and_needs_no_attention()
    {
        var facts = Facts([.. Case(PartyCode.SOC), new CaseClosed(CaseId, CaseOutcome.Arbete, null, Day(3))]);

        Assert.Empty(StallRules.Evaluate(facts, Day(300), StallSettings.Defaults));
        Assert.Null(StallRules.NextChange(facts, Day(300), StallSettings.Defaults));
    }

    [Fact]
    public void A_disabled_rule_finds_nothing_and_thresholds_come_from_the_settings()
    {
        var facts = Facts([.. Case(PartyCode.AF), new ReferralSent(CaseId, R1, ReferralKind.Remiss, PartyCode.AF, PartyCode.VC, "Hälsa", null, Day(2))]);
        var off = StallSettings.Defaults.With(new Dictionary<string, RuleSettings> { [StallRuleCodes.UnansweredReferral] = new(false, 10) });
        var sooner = StallSettings.Defaults.With(new Dictionary<string, RuleSettings> { [StallRuleCodes.UnansweredReferral] = new(true, 3) });

        Assert.DoesNotContain(StallRules.Evaluate(facts, Day(20), off), f => f.Rule == StallRuleCodes.UnansweredReferral);
        Assert.Contains(StallRules.Evaluate(facts, Day(5), sooner), f => f.Rule == StallRuleCodes.UnansweredReferral);
    }
}

/// <summary>The scan's decision is idempotent: run on its own result it decides nothing.</summary>
public sealed class StallScanSpecs
{

    [Fact]
    public void New_findings_are_raised_gone_ones_cleared_and_concerns_left_alone()
    {
        var today = new DateOnly(2026, 3, 1);
        var findings = new[] { new StallFinding(StallRuleCodes.NoContact, "", FlagSeverity.Warning, today.AddDays(-30), "sv", "en") };
        var stale = new OpenFlag(Guid.NewGuid(), StallRuleCodes.WaitingTooLong, "x", FlagSeverity.Warning, "sv", "en", today, today, null);
        var concern = new OpenFlag(Guid.NewGuid(), OpenFlag.ManualConcern, "c", FlagSeverity.Warning, "Oro", "Oro", today, today, PartyCode.SOC);

        var events = StallScan.Decide(CaseId, [stale, concern], findings, today, Guid.NewGuid);

        Assert.Equal(StallRuleCodes.NoContact, Assert.IsType<StallFlagRaised>(events[0]).Rule);
        Assert.Equal(stale.Id, Assert.IsType<StallFlagCleared>(events[1]).FlagId);
        Assert.Equal(2, events.Count);

        var open = new[] { concern, OpenFlags.From((StallFlagRaised)events[0]) };
        Assert.Empty(StallScan.Decide(CaseId, open, findings, today.AddDays(1), Guid.NewGuid));
    }
}
