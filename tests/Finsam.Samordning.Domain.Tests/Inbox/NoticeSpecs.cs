using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Inbox;
using Finsam.Samordning.Domain.Stalls;

namespace Finsam.Samordning.Domain.Tests.Inbox;

/// <summary>Who is told of which change, before the secrecy check: never the acting party, ids and dates only.</summary>
public sealed class NoticeSpecs
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    [Fact]
    public void A_cancelled_insats_is_told_to_every_other_party_on_the_case()
    {
        var i = Guid.NewGuid();
        var notices = Notices.For([new InterventionCancelled(CaseId, i, InterventionCancelReason.NoLongerNeeded, "privat", Day)],
            [PartyCode.AF, PartyCode.VC, PartyCode.SOC], PartyCode.AF, _ => null);

        Assert.Equal([PartyCode.VC, PartyCode.SOC], notices.Select(n => n.Recipient!.Value));
        Assert.All(notices, n => Assert.Equal((NoticeKind.InterventionCancelled, i, PartyCode.AF, InformationCategory.InterventionsAndReferrals, false, Day),
            (n.Kind, n.EntryId!.Value, n.Owner!.Value, n.Category!.Value, n.Addressed, n.On)));
        Assert.DoesNotContain(notices, n => n.ToString().Contains("privat", StringComparison.Ordinal));
    }

    [Fact]
    public void A_notice_is_as_secret_as_the_entry_it_is_about()
    {
        var id = Guid.NewGuid();
        ICaseEvent[] changes =
        [
            new InterventionPaused(CaseId, id, "sjuk", Day),
            new GoalSet(CaseId, id, PlanArea.Arbete, GoalStatedBy.Individual, "Jobb", PartyCode.AF, Day),
            new ActionPlanned(CaseId, id, "Ring", PartyCode.VC, null, Day.AddDays(7), Day, PartyCode.AF),
            new SipMeetingCancelled(CaseId, id, "sjuk", Day),
            new ReferralSent(CaseId, id, ReferralKind.Remiss, PartyCode.AF, PartyCode.VC, "utredning", null, Day),
            new PartyInvited(CaseId, id, PartyCode.VC, PartyCode.AF, "samverkan", Day),
            new PartyLeft(CaseId, PartyCode.SOC, "klar", null, Day),
            new PlanLeadAssigned(CaseId, PartyCode.AF, Day),
        ];

        foreach (var change in changes)
        {
            var notices = Notices.For([change], [PartyCode.AF, PartyCode.VC, PartyCode.SOC], PartyCode.AF, _ => PartyCode.VC);
            Assert.NotEmpty(notices);
            Assert.All(notices, n => Assert.Equal(InformationCategories.Of(change.GetType()), n.Category));
        }
    }

    [Fact]
    public void An_action_for_a_party_is_addressed_to_it_and_an_overdue_one_tells_it_so()
    {
        var a = Guid.NewGuid();
        var planned = Notices.For([new ActionPlanned(CaseId, a, "Ring", PartyCode.VC, null, Day.AddDays(7), Day, PartyCode.AF)],
            [PartyCode.AF, PartyCode.VC, PartyCode.SOC], PartyCode.AF, _ => PartyCode.VC);
        Assert.Equal([(PartyCode.VC, NoticeKind.ActionForYou, true), (PartyCode.SOC, NoticeKind.PlanChanged, false)],
            planned.Select(n => (n.Recipient!.Value, n.Kind, n.Addressed)).Order());

        var flag = new StallFlagRaised(CaseId, Guid.NewGuid(), StallRuleCodes.OverdueAction, a.ToString(), FlagSeverity.Warning, "r", "r", Day, Day, null);
        var raised = Notices.For([flag], [PartyCode.AF, PartyCode.VC], null, _ => PartyCode.VC);
        Assert.Equal([(PartyCode.AF, NoticeKind.FlagRaised), (PartyCode.VC, NoticeKind.ActionPastDue), ((PartyCode?)null, NoticeKind.FlagRaised)],
            raised.Select(n => (n.Recipient, n.Kind)));
    }

    [Fact]
    public void A_referral_goes_to_its_receiver_only()
    {
        var r = Guid.NewGuid();
        var notice = Assert.Single(Notices.For([new ReferralSent(CaseId, r, ReferralKind.Remiss, PartyCode.AF, PartyCode.PSY, "x", null, Day)],
            [PartyCode.AF, PartyCode.VC], PartyCode.AF, _ => null));
        Assert.Equal((PartyCode.PSY, NoticeKind.ReferralToYou, true), (notice.Recipient!.Value, notice.Kind, notice.Addressed));
    }

    [Fact]
    public void A_moved_or_cancelled_meeting_and_a_reassigned_action_reach_the_others_without_their_reasons()
    {
        var m = Guid.NewGuid();
        var a = Guid.NewGuid();
        var notices = Notices.For(
            [
                new SipMeetingRescheduled(CaseId, m, Day.AddDays(14), Day.AddDays(7), "lokalen upptagen", Day),
                new SipMeetingCancelled(CaseId, m, "personen inlagd", Day),
                new ActionReassigned(CaseId, a, PartyCode.VC, null, PartyCode.SOC, Day),
            ],
            [PartyCode.SOC, PartyCode.VC, PartyCode.AF], PartyCode.SOC, _ => PartyCode.VC);

        Assert.Equal(
            [
                (PartyCode.AF, NoticeKind.MeetingMoved, m), (PartyCode.VC, NoticeKind.MeetingMoved, m),
                (PartyCode.AF, NoticeKind.MeetingCancelled, m), (PartyCode.VC, NoticeKind.MeetingCancelled, m),
                (PartyCode.AF, NoticeKind.PlanChanged, a), (PartyCode.VC, NoticeKind.ActionForYou, a),
            ],
            notices.Select(n => (n.Recipient!.Value, n.Kind, n.EntryId!.Value)));
        Assert.DoesNotContain(notices, n => n.ToString().Contains("inlagd", StringComparison.Ordinal) || n.ToString().Contains("lokalen", StringComparison.Ordinal));
    }
}
