using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

/// <summary>
/// Which entries a consent must open before another party reads them. The category is declared on each
/// event (<see cref="SecretAsAttribute"/>); the two tables pin every event of the case, secret or open,
/// so an event that loses its category (and would be shown to every related party) fails here, and so
/// does a new event until its author has put it in one table or the other.
/// </summary>
public sealed class InformationCategorySpecs
{
    private static readonly Dictionary<Type, InformationCategory> Secret = new()
    {
        // InterventionsAndReferrals
        [typeof(ExternalActorNamed)] = InformationCategory.InterventionsAndReferrals,
        [typeof(ExternalReferralAnswered)] = InformationCategory.InterventionsAndReferrals,
        [typeof(ExternalReferralSent)] = InformationCategory.InterventionsAndReferrals,
        [typeof(InterventionCancelled)] = InformationCategory.InterventionsAndReferrals,
        [typeof(InterventionCompleted)] = InformationCategory.InterventionsAndReferrals,
        [typeof(InterventionEndScheduled)] = InformationCategory.InterventionsAndReferrals,
        [typeof(InterventionPaused)] = InformationCategory.InterventionsAndReferrals,
        [typeof(InterventionPlanned)] = InformationCategory.InterventionsAndReferrals,
        [typeof(InterventionProviderSet)] = InformationCategory.InterventionsAndReferrals,
        [typeof(InterventionResumed)] = InformationCategory.InterventionsAndReferrals,
        [typeof(InterventionStarted)] = InformationCategory.InterventionsAndReferrals,
        [typeof(InvitationAccepted)] = InformationCategory.InterventionsAndReferrals,
        [typeof(InvitationDeclined)] = InformationCategory.InterventionsAndReferrals,
        [typeof(Domain.FollowUp.ParticipantEndRecorded)] = InformationCategory.InterventionsAndReferrals,
        [typeof(Domain.FollowUp.ParticipantStartRecorded)] = InformationCategory.InterventionsAndReferrals,
        [typeof(PartyInvited)] = InformationCategory.InterventionsAndReferrals,
        [typeof(ReferralAccepted)] = InformationCategory.InterventionsAndReferrals,
        [typeof(ReferralDeclined)] = InformationCategory.InterventionsAndReferrals,
        [typeof(ReferralReminded)] = InformationCategory.InterventionsAndReferrals,
        [typeof(ReferralRespondByChanged)] = InformationCategory.InterventionsAndReferrals,
        [typeof(ReferralSent)] = InformationCategory.InterventionsAndReferrals,
        [typeof(ReferralWithdrawn)] = InformationCategory.InterventionsAndReferrals,
        // PlanAndMeetings
        [typeof(ActionCompleted)] = InformationCategory.PlanAndMeetings,
        [typeof(ActionDropped)] = InformationCategory.PlanAndMeetings,
        [typeof(ActionPlanned)] = InformationCategory.PlanAndMeetings,
        [typeof(ActionReassigned)] = InformationCategory.PlanAndMeetings,
        [typeof(ActionRescheduled)] = InformationCategory.PlanAndMeetings,
        [typeof(EligibilityEndRecorded)] = InformationCategory.PlanAndMeetings,
        [typeof(GoalAbandoned)] = InformationCategory.PlanAndMeetings,
        [typeof(GoalAchieved)] = InformationCategory.PlanAndMeetings,
        [typeof(GoalRevised)] = InformationCategory.PlanAndMeetings,
        [typeof(GoalSet)] = InformationCategory.PlanAndMeetings,
        [typeof(NeedIdentified)] = InformationCategory.PlanAndMeetings,
        [typeof(NeedResolved)] = InformationCategory.PlanAndMeetings,
        [typeof(SipInvitationAccepted)] = InformationCategory.PlanAndMeetings,
        [typeof(SipInvitationDeclined)] = InformationCategory.PlanAndMeetings,
        [typeof(SipMeetingCancelled)] = InformationCategory.PlanAndMeetings,
        [typeof(SipMeetingHeld)] = InformationCategory.PlanAndMeetings,
        [typeof(SipMeetingNotHeld)] = InformationCategory.PlanAndMeetings,
        [typeof(SipMeetingRescheduled)] = InformationCategory.PlanAndMeetings,
        [typeof(SipMeetingScheduled)] = InformationCategory.PlanAndMeetings,
        [typeof(TargetGroupsChanged)] = InformationCategory.PlanAndMeetings,
        // Contacts
        [typeof(Domain.Awareness.AwarenessCarriedOver)] = InformationCategory.Contacts,
        [typeof(ContactLogged)] = InformationCategory.Contacts,
        // Assessments
        [typeof(Domain.FollowUp.ProgressQuestionnaireAnswered)] = InformationCategory.Assessments,
        [typeof(WorkCapacityAssessed)] = InformationCategory.Assessments,
        // BenefitDecisions
        [typeof(BenefitDecisionRecorded)] = InformationCategory.BenefitDecisions,
    };

    // The case's own particulars, which every party related to the case may know (who is on it, who
    // carries the plan, the consents, the flags, opening and closing).
    private static readonly HashSet<Type> Open =
    [
        typeof(CaseOpened), typeof(CaseClosed), typeof(CaseReopened),
        typeof(PartyJoined), typeof(PartyLeft), typeof(CaseworkerAssigned), typeof(CaseworkerReleased), typeof(PlanLeadAssigned),
        typeof(ConsentRecorded), typeof(ConsentConfirmed), typeof(ConsentDeclined), typeof(ConsentRevoked),
        typeof(StallFlagRaised), typeof(StallFlagAcknowledged), typeof(StallFlagCleared),
    ];

    public static TheoryData<Type> EventTypes() => [.. CaseEventTypes.All.OrderBy(t => t.Name)];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_is_secret_with_the_category_its_table_gives_or_open(Type type)
    {
        Assert.True(Secret.ContainsKey(type) ^ Open.Contains(type), $"{type.Name}: put it in Secret (with its category) or in Open.");
        Assert.Equal(Secret.TryGetValue(type, out var category) ? category : null, InformationCategories.Of(type));
    }

    [Fact]
    public void Every_type_in_the_tables_is_an_event_of_the_case()
    {
        Assert.All(Secret.Keys.Concat(Open), t => Assert.Contains(t, CaseEventTypes.All));
    }
}
