using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Sip;
using Finsam.Samordning.Domain.Tests.Cases;

namespace Finsam.Samordning.Domain.Tests.Sip;

/// <summary>The SIP document's completeness check, as a pure function of the overview.</summary>
public sealed class SipPlanSpecs : CaseSpec
{
    private readonly Guid _meeting = Guid.NewGuid();

    public SipPlanSpecs() => Given(Opened(), Joined(Soc),
        new ConsentRecorded(CaseId, Guid.NewGuid(), [PartyCode.SOC], false, ConsentForm.Written, Day(0), null, PartyCode.SOC, Day(0)),
        new SipMeetingScheduled(CaseId, _meeting, Day(10), [PartyCode.SOC], Day(5), PartyCode.SOC),
        new SipMeetingHeld(CaseId, _meeting, Day(10), [PartyCode.SOC], true, "Plan", Day(30)),
        new PlanLeadAssigned(CaseId, PartyCode.SOC, Day(10)),
        new NeedIdentified(CaseId, Guid.NewGuid(), PlanArea.Boende, "Bostad", PartyCode.SOC, Day(10), PartyCode.SOC),
        new GoalSet(CaseId, Guid.NewGuid(), PlanArea.Boende, GoalStatedBy.Individual, "Egen lägenhet", PartyCode.SOC, Day(10)));

    private SipPlanDocument Plan(DateOnly asOf) =>
        SipPlan.From(CaseOverviewResponse.From(Events.Aggregate((CaseOverview?)null, CaseOverview.Project)!, asOf));

    [Fact]
    public void A_plan_with_lead_need_owner_goal_consent_and_follow_up_is_complete() =>
        Assert.True(Plan(Day(20)).Complete);

    [Fact]
    public void A_follow_up_date_passed_with_no_meeting_called_is_missing_until_one_is()
    {
        Assert.Equal(["follow-up-overdue"], Plan(Day(31)).Missing.Select(m => m.Code));

        Given(new SipMeetingScheduled(CaseId, Guid.NewGuid(), Day(40), [PartyCode.SOC], Day(31), PartyCode.SOC));

        var plan = Plan(Day(32));
        Assert.True(plan.Complete);
        Assert.Equal(Day(40), plan.FollowUpOn);
    }

    [Fact]
    public void Parties_are_grouped_by_huvudman_municipality_and_region_before_the_state()
    {
        Assert.Equal(Huvudman.Kommun, SipPlan.HuvudmanOf(PartyCode.KAA));
        Assert.Equal(Huvudman.Region, SipPlan.HuvudmanOf(PartyCode.PSY));
        Assert.Equal(Huvudman.Staten, SipPlan.HuvudmanOf(PartyCode.FK));
        Assert.Equal("Vårdcentralen", SipPlan.Name(PartyCode.VC));
    }
}
