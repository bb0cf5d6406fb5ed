using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

/// <summary>
/// Which entries a consent must open before another party reads them. The category is declared on each
/// event (<see cref="SecretAsAttribute"/>); this table pins all of them, so an event that loses its
/// category (and would be shown to every related party) fails here, and a new one is looked at.
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

    public static TheoryData<Type> EventTypes() => [.. CaseEventTypes.All.OrderBy(t => t.Name)];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_has_the_category_this_table_gives_it_or_none(Type type)
    {
        Assert.Equal(Secret.TryGetValue(type, out var category) ? category : null, InformationCategories.Of(type));
    }

    [Fact]
    public void Every_category_in_the_table_is_an_event_of_the_case()
    {
        Assert.All(Secret.Keys, t => Assert.Contains(t, CaseEventTypes.All));
    }
}
