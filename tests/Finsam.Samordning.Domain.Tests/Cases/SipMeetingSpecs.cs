using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

/// <summary>The SIP meeting as coordinators run it: called with consent in place, answered, moved, cancelled, held or not.</summary>
public sealed class SipMeetingSpecs : CaseSpec
{
    private static readonly Actor Psy = new("psy-gun", "Gun", PartyCode.PSY);
    private readonly Guid _meeting = Guid.NewGuid();

    // SOC, AF, VC and PSY on the case; the person's consent names SOC, AF and VC, not PSY.
    public SipMeetingSpecs() => Given(Opened(), Joined(Soc), Joined(Af, 1), Joined(Vc, 1), Joined(Psy, 1),
        new ConsentRecorded(CaseId, Guid.NewGuid(), [PartyCode.AF, PartyCode.SOC, PartyCode.VC], false, ConsentForm.Written, Day(2), null, PartyCode.SOC, Day(2)));

    private ScheduleSipMeeting Call(params PartyCode[] parties) =>
        new(_meeting, Day(20), parties, Day(10), MeetingForm.Video, "Teams", IndividualInvited: true,
            OthersInvited: [new OutsideParticipant(OutsideParticipantKind.Narstaende, "Lena", "mamma")]) { By = Soc };

    [Fact]
    public void A_party_no_consent_covers_cannot_be_invited_and_the_meeting_records_that_it_was_left_out()
    {
        Refused(Call(PartyCode.SOC, PartyCode.PSY), "sip.party-not-covered-by-consent");
        Refused(Call(PartyCode.SOC, PartyCode.FK), "sip.party-not-on-case");

        var called = (SipMeetingScheduled)Assert.Single(When(Call(PartyCode.VC, PartyCode.SOC, PartyCode.AF)));

        Assert.Equal([PartyCode.AF, PartyCode.VC, PartyCode.SOC], called.InvitedParties);
        Assert.Equal([PartyCode.PSY], called.NotCoveredByConsent);
        Assert.True(called.IndividualInvited);
        Assert.Equal("Lena", Assert.Single(called.OthersInvited!).Name);
    }

    [Fact]
    public void A_consent_limited_to_other_categories_or_ended_does_not_cover_the_meeting()
    {
        Given(new ConsentRecorded(CaseId, Guid.NewGuid(), [PartyCode.PSY], false, ConsentForm.Written, Day(2), Day(9), PartyCode.SOC, Day(2)),
            new ConsentRecorded(CaseId, Guid.NewGuid(), [PartyCode.PSY], false, ConsentForm.Written, Day(2), null, PartyCode.SOC, Day(2), Categories: [InformationCategory.Contacts]));

        Refused(Call(PartyCode.SOC, PartyCode.PSY), "sip.party-not-covered-by-consent");
        Assert.True(CaseDecider.CoveredForSip(State!, PartyCode.PSY, Day(9)));
        Assert.False(CaseDecider.CoveredForSip(State!, PartyCode.PSY, Day(10)));
    }

    [Fact]
    public void Each_invited_party_answers_once_for_itself_and_a_decline_says_why()
    {
        When(Call(PartyCode.SOC, PartyCode.AF, PartyCode.VC));

        Assert.IsType<SipInvitationAccepted>(Assert.Single(When(new AnswerSipInvitation(_meeting, true, null, Day(11)) { By = Af })));
        Refused(new AnswerSipInvitation(_meeting, false, "Ändrat mig", Day(12)) { By = Af }, "sip.invitation-already-answered");
        Refused(new AnswerSipInvitation(_meeting, false, " ", Day(12)) { By = Vc }, "sip.decline-reason-required");
        Refused(new AnswerSipInvitation(_meeting, false, "Tidigt", Day(9)) { By = Vc }, "date.before-previous");
        Assert.IsType<SipInvitationDeclined>(Assert.Single(When(new AnswerSipInvitation(_meeting, false, "Semester", Day(12)) { By = Vc })));
        // PSY was not invited: to it there is no such invitation.
        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new AnswerSipInvitation(_meeting, true, null, Day(12)) { By = Psy }, State));
    }

    [Fact]
    public void Only_the_organiser_moves_or_cancels_its_meeting_and_a_new_date_asks_for_new_answers()
    {
        When(Call(PartyCode.SOC, PartyCode.VC));
        When(new AnswerSipInvitation(_meeting, false, "Semester", Day(11)) { By = Vc });

        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new RescheduleSipMeeting(_meeting, Day(30), "Semester", Day(12)) { By = Vc }, State));
        Refused(new RescheduleSipMeeting(_meeting, Day(20), "Samma", Day(12)) { By = Soc }, "sip.same-date");
        Refused(new RescheduleSipMeeting(_meeting, Day(11), "Tidigare", Day(12)) { By = Soc }, "date.before-previous");
        var moved = (SipMeetingRescheduled)Assert.Single(When(new RescheduleSipMeeting(_meeting, Day(30), "VC på semester", Day(12)) { By = Soc }));
        Assert.Equal(Day(20), moved.PreviousOn);
        Assert.Single(When(new AnswerSipInvitation(_meeting, true, null, Day(13)) { By = Vc }));

        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new CancelSipMeeting(_meeting, "x", Day(14)) { By = Vc }, State));
        When(new CancelSipMeeting(_meeting, "Personen inlagd", Day(14)) { By = Soc });
        Refused(new RecordSipMeetingHeld(_meeting, Day(30), [PartyCode.SOC], true, "x", null) { By = Soc }, "sip.meeting-not-scheduled");
        Refused(new RescheduleSipMeeting(_meeting, Day(40), "Igen", Day(15)) { By = Soc }, "sip.meeting-not-scheduled");
    }

    [Fact]
    public void A_meeting_is_recorded_as_not_held_only_once_its_day_has_come()
    {
        When(Call(PartyCode.SOC));

        Refused(new RecordSipMeetingNotHeld(_meeting, "Ingen kom", Day(19)) { By = Soc }, "date.before-previous");
        When(new RecordSipMeetingNotHeld(_meeting, "Personen kom inte", Day(20)) { By = Af });
        Assert.Equal(MeetingState.NotHeld, State!.Meetings[_meeting].State);
        Refused(new RecordSipMeetingHeld(_meeting, Day(20), [PartyCode.SOC], true, "x", null) { By = Soc }, "sip.meeting-not-scheduled");
    }

    [Fact]
    public void A_held_meeting_keeps_who_was_actually_there()
    {
        When(Call(PartyCode.SOC, PartyCode.AF));

        var held = (SipMeetingHeld)Assert.Single(When(new RecordSipMeetingHeld(_meeting, Day(20), [PartyCode.SOC], false, "Plan satt", Day(60),
            [new OutsideParticipant(OutsideParticipantKind.GodMan, "Per", "god man")]) { By = Soc }));

        Assert.False(held.IndividualTookPart);
        Assert.Equal(OutsideParticipantKind.GodMan, Assert.Single(held.OthersPresent!).Kind);
        Assert.Equal(MeetingState.Held, State!.Meetings[_meeting].State);
    }

    [Fact]
    public void The_overview_shows_answers_moves_and_that_a_cancelled_meeting_is_not_next()
    {
        When(Call(PartyCode.SOC, PartyCode.AF, PartyCode.VC));
        When(new AnswerSipInvitation(_meeting, true, null, Day(11)) { By = Af });
        When(new AnswerSipInvitation(_meeting, false, "Semester", Day(11)) { By = Vc });
        var before = Overview(Day(12));
        Assert.Equal(_meeting, before.Sip.NextMeeting!.Id);
        Assert.Equal([InvitationState.Accepted, InvitationState.Declined, InvitationState.Accepted], // AF, VC, and SOC, which called it
            before.Sip.NextMeeting.Answers.OrderBy(a => a.Party).Select(a => a.Answer));
        Assert.Equal([PartyCode.PSY], before.Sip.NextMeeting.NotCoveredByConsent);

        When(new RescheduleSipMeeting(_meeting, Day(30), "VC på semester", Day(12)) { By = Soc });
        var moved = Overview(Day(12)).Sip.NextMeeting!;
        Assert.Equal(Day(30), moved.MeetingOn);
        Assert.Equal([PartyCode.AF, PartyCode.VC, PartyCode.SOC], moved.Answers.Select(a => a.Party).Order()); // still the three it called
        Assert.All(moved.Answers, a => Assert.Equal(a.Party == PartyCode.SOC ? InvitationState.Accepted : InvitationState.Pending, a.Answer));
        Refused(new AnswerSipInvitation(_meeting, true, null, Day(13)) { By = Soc }, "sip.invitation-already-answered");
        Assert.Equal(Day(20), Assert.Single(moved.Reschedules).From);

        When(new CancelSipMeeting(_meeting, "Personen inlagd", Day(14)) { By = Soc });
        var after = Overview(Day(14));
        Assert.Null(after.Sip.NextMeeting);
        Assert.Equal(MeetingState.Cancelled, Assert.Single(after.Sip.Meetings).State);
    }

    private CaseOverviewResponse Overview(DateOnly asOf) =>
        CaseOverviewResponse.From(Events.Aggregate((CaseOverview?)null, CaseOverview.Project)!, asOf);
}
