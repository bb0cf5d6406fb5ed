using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

public sealed class PlanAndMeetingSpecs : CaseSpec
{
    public PlanAndMeetingSpecs() => Given(Opened(), Joined(Soc), Joined(Ame, 15));

    [Fact]
    public void The_plan_lead_must_be_on_the_case()
    {
        Refused(new AssignPlanLead(PartyCode.VC, Day(25)) { By = Soc }, "plan.lead-not-on-case");

        When(new AssignPlanLead(PartyCode.AME, Day(25)) { By = Soc });
        Assert.Equal(PartyCode.AME, State!.PlanLead);
        Refused(new AssignPlanLead(PartyCode.AME, Day(26)) { By = Soc }, "plan.lead-unchanged");
    }

    [Fact]
    public void When_the_plan_lead_leaves_nobody_holds_the_plan()
    {
        Given(new PlanLeadAssigned(CaseId, PartyCode.AME, Day(25)));

        When(new LeaveCase(PartyCode.AME, "Klar", PartyCode.SOC, Day(60)) { By = Ame });

        Assert.Null(State!.PlanLead);
    }

    [Fact]
    public void An_action_is_for_a_party_on_the_case_or_the_person_and_is_due_after_planning()
    {
        Refused(new PlanAction(Guid.NewGuid(), "Bedöm arbetsförmåga", PartyCode.VC, null, Day(45), Day(25)) { By = Soc }, "plan.responsible-not-on-case");
        Refused(new PlanAction(Guid.NewGuid(), "Gå på samtal", null, null, Day(20), Day(25)) { By = Soc }, "plan.due-before-planned");

        var planned = (ActionPlanned)Assert.Single(When(new PlanAction(Guid.NewGuid(), "Gå på tre samtal", null, null, Day(60), Day(25)) { By = Soc }));
        Assert.True(planned.IndividualResponsible);
    }

    [Fact]
    public void Only_the_responsible_party_completes_its_action_but_anyone_on_the_case_the_persons()
    {
        var socAction = Guid.NewGuid();
        var personsAction = Guid.NewGuid();
        Given(new ActionPlanned(CaseId, socAction, "Fråga FK om rehab", PartyCode.SOC, null, Day(40), Day(25), PartyCode.SOC),
            new ActionPlanned(CaseId, personsAction, "Tre samtal", null, null, Day(60), Day(25), PartyCode.SOC));

        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new CompleteAction(socAction, Day(30)) { By = Ame }, State));
        Assert.Single(When(new CompleteAction(personsAction, Day(50)) { By = Ame }));
        Refused(new CompleteAction(personsAction, Day(51)) { By = Soc }, "plan.action-already-completed");
    }

    [Fact]
    public void An_action_serving_an_unknown_goal_is_not_found() =>
        Assert.Throws<CaseEntryNotFound>(() => When(new PlanAction(Guid.NewGuid(), "x", null, Guid.NewGuid(), Day(30), Day(25)) { By = Soc }));

    [Fact]
    public void A_meeting_is_held_once_and_its_follow_up_comes_after_it()
    {
        var meeting = Guid.NewGuid();
        Given(new ConsentRecorded(CaseId, Guid.NewGuid(), [PartyCode.SOC, PartyCode.AME], false, ConsentForm.Written, Day(15), null, PartyCode.SOC, Day(15)));
        When(new ScheduleSipMeeting(meeting, Day(25), [PartyCode.SOC, PartyCode.AME, PartyCode.SOC], Day(18)) { By = Soc });

        Refused(new RecordSipMeetingHeld(meeting, Day(25), [PartyCode.SOC], true, "Mål satta", Day(25)) { By = Soc }, "sip.follow-up-not-after-meeting");
        When(new RecordSipMeetingHeld(meeting, Day(25), [PartyCode.SOC, PartyCode.AME], true, "Mål satta", Day(67)) { By = Soc });
        Refused(new RecordSipMeetingHeld(meeting, Day(26), [PartyCode.SOC], true, "Igen", null) { By = Soc }, "sip.already-held");
    }
}
