using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Secrecy;

namespace Finsam.Samordning.Domain.Sip;

/// <summary>Someone who helps the person, in plain words.</summary>
/// <param name="Who">The party's name.</param>
/// <param name="Caseworker">The person to ask for.</param>
/// <param name="Unit">Where they are.</param>
/// <param name="HelpsWith">What they help with: their insatser now or coming.</param>
/// <param name="WillDo">What they have promised to do, and by when.</param>
/// <param name="HoldsThePlan">They hold the whole plan together.</param>
public sealed record MinPlanHelper(string Who, string Caseworker, string Unit, IReadOnlyList<string> HelpsWith, IReadOnlyList<SipPlanAction> WillDo, bool HoldsThePlan);

/// <summary>The next time the person meets everyone.</summary>
/// <param name="On">The day.</param>
/// <param name="Form">In person, video or phone.</param>
/// <param name="Place">Where.</param>
public sealed record MinPlanMeeting(DateOnly On, MeetingForm Form, string? Place);

/// <summary>
/// "Min plan": the SIP in plain Swedish for the person. What I will do, who helps me with what, whom
/// to call, when we meet next. Built from the SIP document, so from what the reader may see.
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="AsOf">The plan's date.</param>
/// <param name="MyGoals">My own goals, still being worked towards.</param>
/// <param name="IWill">What I will do, and by when.</param>
/// <param name="Helpers">Who helps me, with what.</param>
/// <param name="CallFirst">Whom to call first: the one who holds the plan together.</param>
/// <param name="NextMeeting">When we meet next, if a meeting is called.</param>
/// <param name="FollowUpOn">When the plan is followed up.</param>
/// <param name="Withheld">Whether parts of the plan are not shown to the reader.</param>
public sealed record MinPlanDocument(Guid CaseId, DateOnly AsOf, IReadOnlyList<SipPlanGoal> MyGoals, IReadOnlyList<SipPlanAction> IWill,
    IReadOnlyList<MinPlanHelper> Helpers, MinPlanHelper? CallFirst, MinPlanMeeting? NextMeeting, DateOnly? FollowUpOn, IReadOnlyList<WithheldMarker> Withheld)
{
    /// <summary>"Min plan" of a SIP document.</summary>
    public static MinPlanDocument From(SipPlanDocument plan)
    {
        var helpers = plan.Parties
            .Select(p => new MinPlanHelper(p.Name, p.Caseworker, p.Unit,
                [.. p.Insatser.Where(i => i.State is InterventionState.Planned or InterventionState.Ongoing or InterventionState.Paused).Select(i => i.Name)],
                [.. p.Actions.Where(a => !a.Done)], p.PlanLead))
            .ToList();
        return new MinPlanDocument(plan.CaseId, plan.AsOf,
            [.. plan.IndividualGoals.Where(g => g.State == GoalState.Active)],
            [.. plan.PersonsActions.Where(a => !a.Done)],
            helpers,
            helpers.FirstOrDefault(h => h.HoldsThePlan),
            plan.NextMeeting is { } m ? new MinPlanMeeting(m.On, m.Form, m.Place) : null,
            plan.FollowUpOn,
            plan.Withheld);
    }
}
