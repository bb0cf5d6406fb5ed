namespace Finsam.Samordning.Domain.Cases;

/// <summary>
/// Decisions as pure functions: given the current state (null for a new stream) and a command,
/// return the events to append, or throw <see cref="CaseRuleViolation"/> naming the rule and the
/// current state.
/// </summary>
public static partial class CaseDecider
{
    /// <summary>Decides which events a command produces.</summary>
    public static IReadOnlyList<ICaseEvent> Decide(CaseCommand command, CaseState? state)
    {
        if (command is OpenCaseCommand open)
        {
            return Open(open, state);
        }

        var s = state ?? throw new CaseRuleViolation("case.not-found", "The case does not exist.");
        if (command is not ReopenCase && s.Status == CaseStatus.Closed)
        {
            throw new CaseRuleViolation("case.closed", $"The case was closed on {s.ClosedOn:yyyy-MM-dd}; reopen it before recording anything.");
        }

        return command switch
        {
            InviteParty c => Invite(s, c),
            AcceptInvitation c => AcceptInvite(s, c),
            DeclineInvitation c => DeclineInvite(s, c),
            AssignCaseworker c => Assign(s, c),
            LeaveCase c => Leave(s, c),
            RecordConsent c => [Member(s, c.By, Recorded(s, c.ConsentId, c.Terms, c.By, c.RecordedOn, null))],
            AmendConsent c => Amend(s, c),
            ConfirmConsent c => AnswerConsent(s, c.ConsentId, c.By, c.ConfirmedOn, "confirm",
                () => new ConsentConfirmed(s.Id, c.ConsentId, c.By.Party, c.ConfirmedOn)),
            DeclineConsent c => AnswerConsent(s, c.ConsentId, c.By, c.DeclinedOn, "decline",
                () => new ConsentDeclined(s.Id, c.ConsentId, c.By.Party, c.Reason, c.DeclinedOn)),
            RevokeConsent c => Revoke(s, c),
            PlanIntervention c => Plan(s, c),
            StartIntervention c => Transition(s, c.InterventionId, c.By, c.StartedOn, "start", [InterventionState.Planned],
                id => new InterventionStarted(s.Id, id, c.StartedOn)),
            PauseIntervention c => Transition(s, c.InterventionId, c.By, c.PausedOn, "pause", [InterventionState.Ongoing],
                id => new InterventionPaused(s.Id, id, c.Reason, c.PausedOn)),
            ResumeIntervention c => Transition(s, c.InterventionId, c.By, c.ResumedOn, "resume", [InterventionState.Paused],
                id => new InterventionResumed(s.Id, id, c.ResumedOn)),
            CompleteIntervention c => Transition(s, c.InterventionId, c.By, c.CompletedOn, "complete",
                [InterventionState.Ongoing, InterventionState.Paused],
                id => new InterventionCompleted(s.Id, id, c.EndReason, c.Note, c.CompletedOn)),
            CancelIntervention c => Transition(s, c.InterventionId, c.By, c.CancelledOn, "cancel",
                [InterventionState.Planned, InterventionState.Ongoing, InterventionState.Paused],
                id => new InterventionCancelled(s.Id, id, c.Reason, c.Note, c.CancelledOn)),
            SendReferral c => Send(s, c),
            AcceptReferral c => Accept(s, c),
            DeclineReferral c => Decline(s, c),
            WithdrawReferral c => [new ReferralWithdrawn(s.Id, c.ReferralId, c.Reason, SendersPending(s, c.ReferralId, c.By, c.WithdrawnOn, "withdraw", "withdrawnOn"))],
            RemindReferral c => [new ReferralReminded(s.Id, c.ReferralId, c.Note, SendersPending(s, c.ReferralId, c.By, c.RemindedOn, "remind the receiver of", "remindedOn"))],
            ChangeReferralRespondBy c => RespondBy(s, c),
            IdentifyNeed c => Need(s, c),
            ResolveNeed c => Resolve(s, c),
            AssignPlanLead c => Lead(s, c),
            SetGoal c => SetAGoal(s, c),
            ReviseGoal c => [new GoalRevised(s.Id, c.GoalId, c.Text, c.TargetOn, ActiveGoal(s, c.GoalId, c.By, c.RevisedOn, "revise", "revisedOn"))],
            AchieveGoal c => [new GoalAchieved(s.Id, c.GoalId, ActiveGoal(s, c.GoalId, c.By, c.AchievedOn, "mark as achieved", "achievedOn"))],
            AbandonGoal c => [new GoalAbandoned(s.Id, c.GoalId, c.Reason, ActiveGoal(s, c.GoalId, c.By, c.AbandonedOn, "abandon", "abandonedOn"))],
            PlanAction c => PlanAnAction(s, c),
            CompleteAction c => CompleteAnAction(s, c),
            RescheduleAction c => RescheduleAnAction(s, c),
            ReassignAction c => ReassignAnAction(s, c),
            DropAction c => DropAnAction(s, c),
            ScheduleSipMeeting c => Schedule(s, c),
            AnswerSipInvitation c => AnswerInvitation(s, c),
            RescheduleSipMeeting c => Reschedule(s, c),
            CancelSipMeeting c => CancelMeeting(s, c),
            RecordSipMeetingNotHeld c => NotHeld(s, c),
            RecordSipMeetingHeld c => Held(s, c),
            LogContact c => Contact(s, c),
            AssessWorkCapacity c => Assess(s, c),
            ChangeTargetGroups c => TargetGroups(s, c),
            RecordBenefitDecision c => BenefitDecision(s, c),
            CloseCase c => Close(s, c),
            ReopenCase c => Reopen(s, c),
            _ when DecideChairs(command, s) is { } chairs => chairs,
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command."),
        };
    }

    /// <summary>Replays events into a state, as the event store does.</summary>
    public static CaseState? Fold(IEnumerable<ICaseEvent> events) =>
        events.Aggregate((CaseState?)null, (s, e) => CaseState.Evolve(s, e));

    /// <summary>The party that answers for a benefit: income support is SOC's, the insurance benefits FK's.</summary>
    public static PartyCode DecidingParty(Benefit benefit) => benefit == Benefit.Forsorjningsstod ? PartyCode.SOC : PartyCode.FK;

    private static IReadOnlyList<ICaseEvent> Open(OpenCaseCommand c, CaseState? state)
    {
        if (state is not null)
        {
            throw new CaseRuleViolation("case.already-exists", $"Case {c.CaseId} already exists.");
        }

        if (c.By.Party != c.OpeningParty)
        {
            throw new CaseRuleViolation("case.wrong-party",
                $"A caseworker at {c.By.Party} cannot open a case on behalf of {c.OpeningParty}.");
        }

        // Distinct and ordered so the same request always yields the same event.
        var groups = c.TargetGroups.Distinct().Order().ToArray();
        return
        [
            new CaseOpened(c.CaseId, c.IndividualId, c.MunicipalityCode, groups, c.OpeningParty, c.OpenedOn),
            new PartyJoined(c.CaseId, c.OpeningParty, c.OpeningUnit, c.By.UserId, c.By.DisplayName, c.OpenedOn),
            // Issue 14: "KAA ends on", derived here so the birth date stays with the individual.
            .. (c.BirthDate is { } born ? EligibilityLabels.Derive(born, groups, c.OpenedOn) : [])
                .Select(l => new EligibilityEndRecorded(c.CaseId, l.Label, l.EndsOn, c.OpeningParty, c.OpenedOn)),
        ];
    }

    // Parties --------------------------------------------------------------------------------

    // Joining needs an accepted invitation (or referral): no party can put itself on a case and read it.
    private static IReadOnlyList<ICaseEvent> Invite(CaseState s, InviteParty c)
    {
        if (s.IsActiveParty(c.Party))
        {
            throw new CaseRuleViolation("party.already-on-case", $"{c.Party} is already on the case.");
        }

        // Only the inviter's own pending invitation counts: another party's may be withheld from it.
        if (s.Invitations.Values.Any(i => i.Party == c.Party && i.InvitedBy == c.By.Party && !i.Answered))
        {
            throw new CaseRuleViolation("invitation.pending", $"{c.Party} already has an unanswered invitation from {c.By.Party} to this case.");
        }

        return [Member(s, c.By, new PartyInvited(s.Id, c.InvitationId, c.Party, c.By.Party, c.Reason, c.InvitedOn))];
    }

    private static InvitationStatus PendingInvitation(CaseState s, Guid id, Actor by, DateOnly on, string field)
    {
        var invitation = s.Invitations.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No invitation {id} on this case.");
        if (invitation.Party != by.Party)
        {
            // Another party's invitation is not this party's business: as if it did not exist.
            throw new CaseEntryNotFound($"No invitation {id} on this case.");
        }

        if (invitation.Answered)
        {
            throw new CaseRuleViolation("invitation.already-answered", "The invitation has already been answered.");
        }

        NotBefore(on, invitation.InvitedOn, field, "the day the invitation was sent");
        return invitation;
    }

    private static IReadOnlyList<ICaseEvent> AcceptInvite(CaseState s, AcceptInvitation c)
    {
        PendingInvitation(s, c.InvitationId, c.By, c.AcceptedOn, "acceptedOn");
        if (s.Parties.GetValueOrDefault(c.By.Party)?.LeftOn is { } left)
        {
            NotBefore(c.AcceptedOn, left, "acceptedOn", "the day the party left");
        }

        // Two parties may have invited the same party: the second acceptance joins nobody again.
        return s.IsActiveParty(c.By.Party)
            ? [new InvitationAccepted(s.Id, c.InvitationId, c.AcceptedOn)]
            :
            [
                new InvitationAccepted(s.Id, c.InvitationId, c.AcceptedOn),
                new PartyJoined(s.Id, c.By.Party, c.Unit, c.By.UserId, c.By.DisplayName, c.AcceptedOn),
            ];
    }

    private static IReadOnlyList<ICaseEvent> DeclineInvite(CaseState s, DeclineInvitation c)
    {
        PendingInvitation(s, c.InvitationId, c.By, c.DeclinedOn, "declinedOn");
        return [new InvitationDeclined(s.Id, c.InvitationId, c.Reason, c.DeclinedOn)];
    }

    private static IReadOnlyList<ICaseEvent> Assign(CaseState s, AssignCaseworker c)
    {
        OwnParty(c.By, c.Party, "assign a caseworker for");
        MustBeOnCase(s, c.Party);
        if (s.Parties[c.Party].CaseworkerId == c.CaseworkerId)
        {
            // PUT semantics: assigning the caseworker who already carries the case changes nothing.
            return [];
        }

        return [new CaseworkerAssigned(s.Id, c.Party, c.CaseworkerId, c.CaseworkerName, c.AssignedOn)];
    }

    private static IReadOnlyList<ICaseEvent> Leave(CaseState s, LeaveCase c)
    {
        OwnParty(c.By, c.Party, "leave the case on behalf of");
        MustBeOnCase(s, c.Party);
        NotBefore(c.LeftOn, s.Parties[c.Party].JoinedOn, "leftOn", "the day the party joined");
        if (c.HandedOverTo is { } to)
        {
            if (to == c.Party)
            {
                throw new CaseRuleViolation("party.handover-to-self", $"{c.Party} cannot hand over to itself.");
            }

            if (!s.IsActiveParty(to))
            {
                throw new CaseRuleViolation("party.handover-not-on-case",
                    $"{to} is not on the case; it must join (or accept a referral) before {c.Party} can hand over to it.");
            }
        }

        var open = s.Interventions.Values.Where(i => i.Party == c.Party && i.IsOpen).ToList();
        if (open.Count > 0)
        {
            throw new CaseRuleViolation("party.has-open-interventions",
                $"{c.Party} still has {Describe(open)}. End or cancel them before leaving, so nobody believes they run.");
        }

        var waiting = s.Referrals.Values.Count(r => r.To == c.Party && r.State == ReferralState.Pending);
        if (waiting > 0)
        {
            throw new CaseRuleViolation("party.has-pending-referrals",
                $"{waiting} referral(s) to {c.Party} are still unanswered. Accept or decline them before leaving, so the sender is not left waiting.");
        }

        var actions = s.Actions.Values.Count(a => a.ResponsibleParty == c.Party && a.IsOpen);
        if (actions > 0)
        {
            throw new CaseRuleViolation("party.has-open-actions",
                $"{c.Party} is responsible for {actions} plan action(s) not yet done. Complete, reassign or drop them before leaving.");
        }

        return [new PartyLeft(s.Id, c.Party, c.Reason, c.HandedOverTo, c.LeftOn)];
    }

    // Consent --------------------------------------------------------------------------------

    private static ConsentRecorded Recorded(CaseState s, Guid id, ConsentTerms t, Actor by, DateOnly recordedOn, Guid? replaces)
    {
        if (t.ValidUntil is { } until && until < t.ValidFrom)
        {
            throw new CaseRuleViolation("consent.ends-before-start", "A consent cannot end before it starts.");
        }

        if (t.ValidFrom < t.GivenOn)
        {
            throw new CaseRuleViolation("consent.valid-before-given", "A consent cannot apply before the person gave it.");
        }

        if (t.GivenOn > recordedOn)
        {
            throw new CaseRuleViolation("consent.given-after-recorded", "A consent cannot be recorded before the person gave it.");
        }

        return new ConsentRecorded(s.Id, id, [.. t.Parties.Distinct().Order()], t.CoversForbund, t.Form, t.ValidFrom, t.ValidUntil,
            by.Party, recordedOn, t.GivenOn, [.. t.Categories.Distinct().Order()], replaces);
    }

    private static Consent CurrentConsent(CaseState s, Guid id)
    {
        var consent = s.Consents.FirstOrDefault(c => c.Id == id) ?? throw new CaseEntryNotFound($"No consent {id} on this case.");
        if (consent.RevokedFrom is { } revoked)
        {
            throw new CaseRuleViolation("consent.already-revoked", $"The consent was revoked from {revoked:yyyy-MM-dd}.");
        }

        if (consent.ReplacedBy is { } newer)
        {
            throw new CaseRuleViolation("consent.replaced", $"The consent was replaced by version {newer}; act on that one.");
        }

        return consent;
    }

    // The person's word is relayed by a party it concerns: one it names, or the one that recorded it.
    private static void ConcernsConsent(Consent consent, Actor by, string verb)
    {
        if (!consent.Parties.Contains(by.Party) && consent.RecordedBy != by.Party)
        {
            throw new CaseRuleViolation("consent.party-not-named", $"The consent does not name {by.Party}, so {by.Party} cannot {verb} it.");
        }
    }

    private static IReadOnlyList<ICaseEvent> Amend(CaseState s, AmendConsent c)
    {
        MustBeOnCase(s, c.By.Party);
        var earlier = CurrentConsent(s, c.Replaces);
        ConcernsConsent(earlier, c.By, "amend");
        var recorded = Recorded(s, c.ConsentId, c.Terms, c.By, c.RecordedOn, c.Replaces);
        NotBefore(recorded.BusinessDate, earlier.GivenOn, "givenOn", "the day the consent it amends was given");
        return [recorded];
    }

    private static IReadOnlyList<ICaseEvent> AnswerConsent(CaseState s, Guid id, Actor by, DateOnly on, string verb, Func<ICaseEvent> answer)
    {
        MustBeOnCase(s, by.Party);
        var consent = CurrentConsent(s, id);
        if (!consent.Parties.Contains(by.Party))
        {
            throw new CaseRuleViolation("consent.party-not-named", $"The consent does not name {by.Party}, so {by.Party} has nothing to {verb}.");
        }

        if (consent.AnsweredBy(by.Party))
        {
            throw new CaseRuleViolation("consent.already-answered",
                $"{by.Party} has already {(consent.ConfirmedBy.Contains(by.Party) ? "confirmed" : "declined")} this consent.");
        }

        NotBefore(on, consent.GivenOn, "date", "the day the consent was given");
        return [answer()];
    }

    private static IReadOnlyList<ICaseEvent> Revoke(CaseState s, RevokeConsent c)
    {
        MustBeOnCase(s, c.By.Party);
        var consent = CurrentConsent(s, c.ConsentId);
        ConcernsConsent(consent, c.By, "revoke");
        NotBefore(c.EffectiveOn, consent.ValidFrom, "effectiveOn", "the day the consent started");
        return [new ConsentRevoked(s.Id, c.ConsentId, c.EffectiveOn, c.RecordedOn)];
    }

    // Interventions ----------------------------------------------------------------------------

    private static IReadOnlyList<ICaseEvent> Plan(CaseState s, PlanIntervention c)
    {
        if (!InterventionCatalogue.IsKnown(c.By.Party, c.Kind))
        {
            throw new CaseRuleViolation("intervention.unknown-kind",
                $"'{c.Kind}' is not an insats {c.By.Party} offers. Use one of: {string.Join(", ", InterventionCatalogue.For(c.By.Party).Select(k => k.Code))}.");
        }

        return [Member(s, c.By, new InterventionPlanned(s.Id, c.InterventionId, c.By.Party, c.Kind, c.Label, c.PlannedStart, c.PlannedOn))];
    }

    private static IReadOnlyList<ICaseEvent> Transition(CaseState s, Guid id, Actor by, DateOnly on, string verb,
        InterventionState[] from, Func<Guid, ICaseEvent> result)
    {
        MustBeOnCase(s, by.Party);
        var insats = s.Interventions.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No insats {id} on this case.");
        if (insats.Party != by.Party)
        {
            // Only the owner moves an insats. The caller may not be allowed to see it at all, so the
            // answer neither confirms that it exists nor names its owner.
            throw new CaseEntryNotFound($"No insats {id} of {by.Party} on this case; only the party that owns an insats can {verb} it.");
        }

        if (!from.Contains(insats.State))
        {
            throw new CaseRuleViolation("intervention.illegal-transition",
                $"Cannot {verb} an insats that is {insats.State.ToString().ToLowerInvariant()}; it must be {string.Join(" or ", from.Select(f => f.ToString().ToLowerInvariant()))}.");
        }

        NotBefore(on, insats.LastChangedOn, "date", $"its previous change on {insats.LastChangedOn:yyyy-MM-dd}");
        return [result(id)];
    }

    // Referrals --------------------------------------------------------------------------------

    private static IReadOnlyList<ICaseEvent> Send(CaseState s, SendReferral c)
    {
        if (c.To == c.By.Party)
        {
            throw new CaseRuleViolation("referral.to-self", $"{c.By.Party} cannot refer to itself.");
        }

        if (c.RespondBy is { } by && by < c.SentOn)
        {
            throw new CaseRuleViolation("referral.respond-before-sent", "respondBy cannot be before the referral is sent.");
        }

        return [Member(s, c.By, new ReferralSent(s.Id, c.ReferralId, c.Kind, c.By.Party, c.To, c.Reason, c.RespondBy, c.SentOn))];
    }

    private static ReferralStatus PendingTo(CaseState s, Guid id, Actor by, string verb)
    {
        var referral = s.Referrals.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No referral {id} on this case.");
        if (referral.To != by.Party)
        {
            // As for an insats: another party's referral is answered as if it did not exist.
            throw new CaseEntryNotFound($"No referral {id} to {by.Party} on this case; only the party it was sent to can {verb} it.");
        }

        if (referral.State != ReferralState.Pending)
        {
            throw new CaseRuleViolation("referral.already-answered",
                $"The referral is already {referral.State.ToString().ToLowerInvariant()}.");
        }

        return referral;
    }

    private static IReadOnlyList<ICaseEvent> Accept(CaseState s, AcceptReferral c)
    {
        var referral = PendingTo(s, c.ReferralId, c.By, "accept");
        NotBefore(c.AcceptedOn, referral.SentOn, "acceptedOn", "the day it was sent");
        var accepted = new ReferralAccepted(s.Id, c.ReferralId, c.AcceptedOn);
        if (s.IsActiveParty(c.By.Party))
        {
            return [accepted];
        }

        if (string.IsNullOrWhiteSpace(c.Unit))
        {
            throw new CaseRuleViolation("referral.unit-required",
                $"{c.By.Party} is not on the case yet and joins it by accepting: give the unit that takes it on.");
        }

        return [accepted, new PartyJoined(s.Id, c.By.Party, c.Unit, c.By.UserId, c.By.DisplayName, c.AcceptedOn)];
    }

    private static IReadOnlyList<ICaseEvent> Decline(CaseState s, DeclineReferral c)
    {
        var referral = PendingTo(s, c.ReferralId, c.By, "decline");
        NotBefore(c.DeclinedOn, referral.SentOn, "declinedOn", "the day it was sent");
        return [new ReferralDeclined(s.Id, c.ReferralId, c.Reason, c.DeclinedOn, c.Code)];
    }

    // Only the sender keeps up its referral; to another party it answers as if unknown (it may not see it).
    // Returns the business date, checked against the referral's sending and latest change.
    private static DateOnly SendersPending(CaseState s, Guid id, Actor by, DateOnly on, string verb, string field)
    {
        MustBeOnCase(s, by.Party);
        var referral = s.Referrals.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No referral {id} on this case.");
        if (referral.From != by.Party)
        {
            throw new CaseEntryNotFound($"No referral {id} from {by.Party} on this case; only the party that sent it can {verb} it.");
        }

        if (referral.State != ReferralState.Pending)
        {
            throw new CaseRuleViolation("referral.already-answered", $"The referral is already {referral.State.ToString().ToLowerInvariant()}.");
        }

        NotBefore(on, referral.LastChangedOn ?? referral.SentOn, field, "the day it was sent or last changed");
        return on;
    }

    private static IReadOnlyList<ICaseEvent> RespondBy(CaseState s, ChangeReferralRespondBy c)
    {
        var on = SendersPending(s, c.ReferralId, c.By, c.ChangedOn, "change the respond-by date of", "changedOn");
        if (c.RespondBy is { } by && by < s.Referrals[c.ReferralId].SentOn)
        {
            throw new CaseRuleViolation("referral.respond-before-sent", "respondBy cannot be before the referral was sent.");
        }

        return [new ReferralRespondByChanged(s.Id, c.ReferralId, c.RespondBy, on)];
    }

    // Shared plan ------------------------------------------------------------------------------

    private static IReadOnlyList<ICaseEvent> Need(CaseState s, IdentifyNeed c)
    {
        if (c.ResponsibleParty is { } party && !s.IsActiveParty(party))
        {
            throw new CaseRuleViolation("plan.responsible-not-on-case", $"{party} is not on the case, so it cannot answer for a need.");
        }

        return [Member(s, c.By, new NeedIdentified(s.Id, c.NeedId, c.Area, c.Description, c.By.Party, c.IdentifiedOn, c.ResponsibleParty))];
    }

    private static IReadOnlyList<ICaseEvent> Resolve(CaseState s, ResolveNeed c)
    {
        MustBeOnCase(s, c.By.Party);
        var need = s.Needs.GetValueOrDefault(c.NeedId);
        if (need is null || need.IdentifiedBy != c.By.Party)
        {
            throw new CaseEntryNotFound($"No need {c.NeedId} recorded by {c.By.Party} on this case; only the party that recorded a need marks it met.");
        }

        if (need.ResolvedOn is { } done)
        {
            throw new CaseRuleViolation("plan.need-already-resolved", $"The need was already met on {done:yyyy-MM-dd}.");
        }

        NotBefore(c.ResolvedOn, need.IdentifiedOn, "resolvedOn", "the day it was identified");
        return [new NeedResolved(s.Id, c.NeedId, c.Note, c.ResolvedOn)];
    }

    private static IReadOnlyList<ICaseEvent> SetAGoal(CaseState s, SetGoal c)
    {
        if (c.TargetOn is { } target && target < c.SetOn)
        {
            throw new CaseRuleViolation("plan.target-before-set", "A goal cannot be due before it is set.");
        }

        return [Member(s, c.By, new GoalSet(s.Id, c.GoalId, c.Area, c.StatedBy, c.Text, c.By.Party, c.SetOn, c.TargetOn))];
    }

    // The party that recorded a goal keeps it up (the person's own goal is recorded, and changed, by the
    // party that sat with them); it must still be active. Returns the checked business date.
    private static DateOnly ActiveGoal(CaseState s, Guid id, Actor by, DateOnly on, string verb, string field)
    {
        MustBeOnCase(s, by.Party);
        var goal = s.GoalStates.GetValueOrDefault(id);
        if (goal is null || goal.RecordedBy != by.Party)
        {
            throw new CaseEntryNotFound($"No goal {id} recorded by {by.Party} on this case; only the party that recorded a goal can {verb} it.");
        }

        if (goal.State != GoalState.Active)
        {
            throw new CaseRuleViolation("plan.goal-not-active", $"The goal is already {goal.State.ToString().ToLowerInvariant()}.");
        }

        NotBefore(on, goal.LastChangedOn, field, $"its previous change on {goal.LastChangedOn:yyyy-MM-dd}");
        return on;
    }

    // The party that planned an action and the party responsible for it keep it up; to others it
    // answers as if unknown. It must be neither done nor dropped.
    private static ActionStatus KeptUp(CaseState s, Guid id, Actor by, DateOnly on, string verb, string field)
    {
        MustBeOnCase(s, by.Party);
        var action = s.Actions.GetValueOrDefault(id);
        if (action is null || (action.PlannedBy != by.Party && s.AnsweringFor(id) != by.Party))
        {
            throw new CaseEntryNotFound($"No action {id} planned by or for {by.Party} on this case; only they can {verb} it.");
        }

        if (action.CompletedOn is { } done)
        {
            throw new CaseRuleViolation("plan.action-already-completed", $"The action was already completed on {done:yyyy-MM-dd}.");
        }

        if (action.DroppedOn is { } dropped)
        {
            throw new CaseRuleViolation("plan.action-dropped", $"The action was dropped on {dropped:yyyy-MM-dd}.");
        }

        NotBefore(on, action.LastChangedOn > action.PlannedOn ? action.LastChangedOn : action.PlannedOn, field, "its previous change");
        return action;
    }

    private static IReadOnlyList<ICaseEvent> RescheduleAnAction(CaseState s, RescheduleAction c)
    {
        var action = KeptUp(s, c.ActionId, c.By, c.RescheduledOn, "reschedule", "rescheduledOn");
        if (c.DueOn == action.DueOn)
        {
            throw new CaseRuleViolation("plan.same-due-date", $"The action is already due on {action.DueOn:yyyy-MM-dd}.");
        }

        if (c.DueOn < c.RescheduledOn)
        {
            throw new CaseRuleViolation("plan.due-before-planned", "An action cannot be moved to a day before the move.");
        }

        return [new ActionRescheduled(s.Id, c.ActionId, c.DueOn, action.DueOn, c.Reason, c.RescheduledOn)];
    }

    private static IReadOnlyList<ICaseEvent> DropAnAction(CaseState s, DropAction c)
    {
        KeptUp(s, c.ActionId, c.By, c.DroppedOn, "drop", "droppedOn");
        return [new ActionDropped(s.Id, c.ActionId, c.Reason, c.DroppedOn)];
    }

    private static IReadOnlyList<ICaseEvent> ReassignAnAction(CaseState s, ReassignAction c)
    {
        var action = KeptUp(s, c.ActionId, c.By, c.ReassignedOn, "reassign", "reassignedOn");
        if (c.ResponsibleParty is { } party)
        {
            if (!s.IsActiveParty(party))
            {
                throw new CaseRuleViolation("plan.responsible-not-on-case", $"{party} is not on the case, so it cannot be responsible for an action.");
            }

            if (party == action.ResponsibleParty)
            {
                throw new CaseRuleViolation("plan.responsible-unchanged", $"{party} is already responsible for the action.");
            }
        }

        var actor = ResponsibleActor(s, c.ResponsibleParty is null ? c.ResponsibleActorId : null);
        if (actor is not null && actor == action.ResponsibleActor)
        {
            throw new CaseRuleViolation("plan.responsible-unchanged", "That external actor is already responsible for the action.");
        }

        return [new ActionReassigned(s.Id, c.ActionId, c.ResponsibleParty, c.ResponsibleParty is null && actor is null ? c.ResponsibleOther : null, c.By.Party,
            c.ReassignedOn, actor)];
    }

    private static IReadOnlyList<ICaseEvent> Lead(CaseState s, AssignPlanLead c)
    {
        MustBeOnCase(s, c.By.Party);
        if (!s.IsActiveParty(c.Party))
        {
            throw new CaseRuleViolation("plan.lead-not-on-case", $"{c.Party} is not on the case, so it cannot hold the plan.");
        }

        if (s.PlanLead == c.Party)
        {
            throw new CaseRuleViolation("plan.lead-unchanged", $"{c.Party} is already planeringsansvarig.");
        }

        return [new PlanLeadAssigned(s.Id, c.Party, c.AssignedOn)];
    }

    private static IReadOnlyList<ICaseEvent> PlanAnAction(CaseState s, PlanAction c)
    {
        if (c.ResponsibleParty is { } party && !s.IsActiveParty(party))
        {
            throw new CaseRuleViolation("plan.responsible-not-on-case", $"{party} is not on the case, so it cannot be responsible for an action.");
        }

        if (c.GoalId is { } goal && !s.Goals.Contains(goal))
        {
            throw new CaseEntryNotFound($"No goal {goal} on this case.");
        }

        if (c.DueOn < c.PlannedOn)
        {
            throw new CaseRuleViolation("plan.due-before-planned", "An action cannot be due before it is planned.");
        }

        var actor = ResponsibleActor(s, c.ResponsibleParty is null ? c.ResponsibleActorId : null);
        return [Member(s, c.By, new ActionPlanned(s.Id, c.ActionId, c.Description, c.ResponsibleParty, c.GoalId, c.DueOn, c.PlannedOn, c.By.Party,
            c.ResponsibleParty is null && actor is null ? c.ResponsibleOther : null, actor))];
    }

    // An action given to an actor outside the förbund: the actor must be named on this case.
    private static Guid? ResponsibleActor(CaseState s, Guid? actorId) =>
        actorId is not { } id ? null
        : s.External.Actors.ContainsKey(id) ? id
        : throw new CaseRuleViolation("plan.responsible-actor-not-on-case", $"No external actor {id} is named on this case; name it first (POST …/external-actors).");

    private static IReadOnlyList<ICaseEvent> CompleteAnAction(CaseState s, CompleteAction c)
    {
        MustBeOnCase(s, c.By.Party);
        var action = s.Actions.GetValueOrDefault(c.ActionId) ?? throw new CaseEntryNotFound($"No action {c.ActionId} on this case.");
        // The responsible party marks it done; an external actor's action, the party working with the actor or the planner.
        if ((action.ResponsibleParty is { } responsible && responsible != c.By.Party)
            || (action.ResponsibleActor is not null && s.AnsweringFor(c.ActionId) != c.By.Party && action.PlannedBy != c.By.Party))
        {
            throw new CaseEntryNotFound($"No action {c.ActionId} of {c.By.Party} on this case; only the responsible party can mark it done.");
        }

        if (action.CompletedOn is { } done)
        {
            throw new CaseRuleViolation("plan.action-already-completed", $"The action was already completed on {done:yyyy-MM-dd}.");
        }

        if (action.DroppedOn is { } dropped)
        {
            throw new CaseRuleViolation("plan.action-dropped", $"The action was dropped on {dropped:yyyy-MM-dd}.");
        }

        NotBefore(c.CompletedOn, action.PlannedOn, "completedOn", "the day it was planned");
        return [new ActionCompleted(s.Id, c.ActionId, c.CompletedOn)];
    }

    // SIP ------------------------------------------------------------------------------------

    // Consent must be in place before the invitation (SIP guidance): a party no consent in force names
    // for plan and meetings cannot be invited, and the meeting records that it was left out for that.
    private static IReadOnlyList<ICaseEvent> Schedule(CaseState s, ScheduleSipMeeting c)
    {
        MustBeOnCase(s, c.By.Party);
        var invited = c.InvitedParties.Distinct().Order().ToArray();
        foreach (var party in invited.Where(p => p != c.By.Party))
        {
            if (!s.IsActiveParty(party))
            {
                throw new CaseRuleViolation("sip.party-not-on-case", $"{party} is not on the case; invite it to the case before inviting it to a SIP meeting.");
            }

            if (!CoveredForSip(s, party, c.ScheduledOn))
            {
                throw new CaseRuleViolation("sip.party-not-covered-by-consent",
                    $"No consent in force on {c.ScheduledOn:yyyy-MM-dd} names {party} for plan and meetings, so {party} cannot be invited. Record the person's consent first.");
            }
        }

        var notCovered = s.Parties.Values.Where(m => m.Active && m.Party != c.By.Party && !invited.Contains(m.Party) && !CoveredForSip(s, m.Party, c.ScheduledOn))
            .Select(m => m.Party).Order().ToArray();
        return [Member(s, c.By, new SipMeetingScheduled(s.Id, c.MeetingId, c.MeetingOn, invited, c.ScheduledOn, c.By.Party,
            c.Form, c.Place, c.IndividualInvited, c.OthersInvited is { Count: > 0 } others ? others : null, notCovered.Length > 0 ? notCovered : null))];
    }

    /// <summary>Whether a consent in force on <paramref name="day"/> names <paramref name="party"/> for plan and meetings.</summary>
    public static bool CoveredForSip(CaseState s, PartyCode party, DateOnly day) =>
        s.Consents.Any(c => c.ActiveOn(day) && c.Parties.Contains(party) && c.Categories.Contains(InformationCategory.PlanAndMeetings));

    private static MeetingStatus ExistingMeeting(CaseState s, Guid id) =>
        s.Meetings.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No SIP meeting {id} on this case.");

    private static void StillScheduled(MeetingStatus meeting, string verb)
    {
        if (meeting.State == MeetingState.Held)
        {
            throw new CaseRuleViolation("sip.already-held", $"The meeting was already recorded as held on {meeting.HeldOn:yyyy-MM-dd}.");
        }

        if (meeting.State != MeetingState.Scheduled)
        {
            throw new CaseRuleViolation("sip.meeting-not-scheduled",
                $"Cannot {verb} a meeting that was {(meeting.State == MeetingState.Cancelled ? "cancelled" : "recorded as not held")}.");
        }
    }

    // Only the organiser moves or calls off its meeting; to anyone else it answers as if unknown,
    // as another party's insats does: the caller may not be allowed to see it.
    private static MeetingStatus OrganisersMeeting(CaseState s, Guid id, Actor by, DateOnly on, string verb, string field)
    {
        MustBeOnCase(s, by.Party);
        var meeting = ExistingMeeting(s, id);
        if (meeting.ScheduledBy != by.Party)
        {
            throw new CaseEntryNotFound($"No SIP meeting {id} called by {by.Party} on this case; only the party that called it can {verb} it.");
        }

        StillScheduled(meeting, verb);
        NotBefore(on, meeting.LastChangedOn, field, $"its previous change on {meeting.LastChangedOn:yyyy-MM-dd}");
        return meeting;
    }

    private static IReadOnlyList<ICaseEvent> AnswerInvitation(CaseState s, AnswerSipInvitation c)
    {
        MustBeOnCase(s, c.By.Party);
        var meeting = ExistingMeeting(s, c.MeetingId);
        if (!meeting.Invited.Contains(c.By.Party))
        {
            throw new CaseEntryNotFound($"No SIP meeting {c.MeetingId} to which {c.By.Party} is invited on this case.");
        }

        StillScheduled(meeting, "answer an invitation to");
        if (meeting.Answered.Contains(c.By.Party))
        {
            throw new CaseRuleViolation("sip.invitation-already-answered", $"{c.By.Party} has already answered the invitation to the meeting on {meeting.MeetingOn:yyyy-MM-dd}.");
        }

        NotBefore(c.AnsweredOn, meeting.LastChangedOn, "answeredOn", $"the invitation or its latest change on {meeting.LastChangedOn:yyyy-MM-dd}");
        if (!c.Accept && string.IsNullOrWhiteSpace(c.Reason))
        {
            throw new CaseRuleViolation("sip.decline-reason-required", "Say why the party will not come, so the organiser can plan without it.");
        }

        return c.Accept
            ? [new SipInvitationAccepted(s.Id, c.MeetingId, c.By.Party, c.AnsweredOn)]
            : [new SipInvitationDeclined(s.Id, c.MeetingId, c.By.Party, c.Reason!, c.AnsweredOn)];
    }

    private static IReadOnlyList<ICaseEvent> Reschedule(CaseState s, RescheduleSipMeeting c)
    {
        var meeting = OrganisersMeeting(s, c.MeetingId, c.By, c.RescheduledOn, "reschedule", "rescheduledOn");
        if (c.MeetingOn == meeting.MeetingOn)
        {
            throw new CaseRuleViolation("sip.same-date", $"The meeting is already on {meeting.MeetingOn:yyyy-MM-dd}.");
        }

        NotBefore(c.MeetingOn, c.RescheduledOn, "meetingOn", "the day it is moved");
        return [new SipMeetingRescheduled(s.Id, c.MeetingId, c.MeetingOn, meeting.MeetingOn, c.Reason, c.RescheduledOn)];
    }

    private static IReadOnlyList<ICaseEvent> CancelMeeting(CaseState s, CancelSipMeeting c)
    {
        OrganisersMeeting(s, c.MeetingId, c.By, c.CancelledOn, "cancel", "cancelledOn");
        return [new SipMeetingCancelled(s.Id, c.MeetingId, c.Reason, c.CancelledOn)];
    }

    private static IReadOnlyList<ICaseEvent> NotHeld(CaseState s, RecordSipMeetingNotHeld c)
    {
        MustBeOnCase(s, c.By.Party);
        var meeting = ExistingMeeting(s, c.MeetingId);
        StillScheduled(meeting, "record as not held");
        NotBefore(c.RecordedOn, meeting.MeetingOn, "recordedOn", "the meeting's date: until then it can still take place");
        return [new SipMeetingNotHeld(s.Id, c.MeetingId, c.Reason, c.RecordedOn)];
    }

    private static IReadOnlyList<ICaseEvent> Held(CaseState s, RecordSipMeetingHeld c)
    {
        MustBeOnCase(s, c.By.Party);
        var meeting = ExistingMeeting(s, c.MeetingId);
        StillScheduled(meeting, "record as held");
        NotBefore(c.HeldOn, meeting.ScheduledOn, "heldOn", "the day it was scheduled");
        if (c.NextFollowUpOn is { } next && next <= c.HeldOn)
        {
            throw new CaseRuleViolation("sip.follow-up-not-after-meeting", "The next follow-up must come after the meeting.");
        }

        return [new SipMeetingHeld(s.Id, c.MeetingId, c.HeldOn, c.Participants.Distinct().Order().ToArray(), c.IndividualTookPart, c.Decisions, c.NextFollowUpOn,
            c.OthersPresent is { Count: > 0 } others ? others : null)];
    }

    // Records ----------------------------------------------------------------------------------

    // A contact may be part of the party's own insats (another party's answers as unknown, as for any
    // other use of it) or about a SIP meeting on the case.
    private static IReadOnlyList<ICaseEvent> Contact(CaseState s, LogContact c)
    {
        MustBeOnCase(s, c.By.Party);
        if (c.InterventionId is { } insats && s.Interventions.GetValueOrDefault(insats)?.Party != c.By.Party)
        {
            throw new CaseEntryNotFound($"No insats {insats} of {c.By.Party} on this case; a contact links only to the party's own insats.");
        }

        if (c.MeetingId is { } meeting && !s.Meetings.ContainsKey(meeting))
        {
            throw new CaseEntryNotFound($"No SIP meeting {meeting} on this case.");
        }

        return [Member(s, c.By, new ContactLogged(s.Id, c.ContactId, c.By.Party, c.Kind, c.NoShow, c.Note, c.OccurredOn, c.InterventionId, c.MeetingId))];
    }

    private static IReadOnlyList<ICaseEvent> Assess(CaseState s, AssessWorkCapacity c)
    {
        if (c.ValidUntil is { } until && until < c.ValidFrom)
        {
            throw new CaseRuleViolation("assessment.ends-before-start", "An assessment cannot be valid until a day before it is valid from.");
        }

        return [Member(s, c.By, new WorkCapacityAssessed(s.Id, c.AssessmentId, c.By.Party, c.Conclusion, c.Note, c.ValidFrom, c.AssessedOn ?? c.ValidFrom, c.ValidUntil))];
    }

    private static IReadOnlyList<ICaseEvent> TargetGroups(CaseState s, ChangeTargetGroups c)
    {
        MustBeOnCase(s, c.By.Party);
        var groups = c.TargetGroups.Distinct().Order().ToArray();
        if (groups.Length == 0)
        {
            throw new CaseRuleViolation("case.no-target-group", "A case has at least one target group.");
        }

        if (groups.SequenceEqual(s.TargetGroups))
        {
            throw new CaseRuleViolation("case.target-groups-unchanged", "The case already has exactly these target groups.");
        }

        return [Member(s, c.By, new TargetGroupsChanged(s.Id, groups, c.By.Party, c.ChangedOn))];
    }

    // Benefits -------------------------------------------------------------------------------

    private static IReadOnlyList<ICaseEvent> BenefitDecision(CaseState s, RecordBenefitDecision c)
    {
        var decider = DecidingParty(c.Benefit);
        if (c.By.Party != decider)
        {
            throw new CaseRuleViolation("benefit.wrong-party", $"{c.Benefit} is decided by {decider}; {c.By.Party} cannot record that decision.");
        }

        if (c.Until is { } until && until < c.From)
        {
            throw new CaseRuleViolation("benefit.ends-before-start", "A decision cannot end before it starts.");
        }

        return [Member(s, c.By, new BenefitDecisionRecorded(s.Id, c.DecisionId, c.By.Party, c.Benefit, c.Decision, c.From, c.Until, c.DecidedOn))];
    }

    // Close and reopen -----------------------------------------------------------------------

    // Each party ends its own insatser: the closer may not see, let alone end, another party's.
    private static IReadOnlyList<ICaseEvent> Close(CaseState s, CloseCase c)
    {
        MustBeOnCase(s, c.By.Party);
        NotBefore(c.ClosedOn, s.ReopenedOn ?? s.OpenedOn, "closedOn", s.ReopenedOn is null ? "the day the case was opened" : "the day the case was reopened");
        var others = s.Interventions.Values.Count(i => i.IsOpen && i.Party != c.By.Party);
        if (others > 0)
        {
            throw new CaseRuleViolation("case.open-interventions",
                $"{others} insats(er) of other parties are still open; only the party that owns an insats can end it. Ask them to end theirs before the case is closed.");
        }

        var open = s.Interventions.Values.Where(i => i.IsOpen).OrderBy(i => i.Id).ToList();
        if (open.Count > 0)
        {
            var latest = open.Max(i => i.LastChangedOn);
            NotBefore(c.ClosedOn, latest, "closedOn", "the latest change of an insats still open");
        }

        if (open.Count > 0 && c.EndOpenInterventionsAs is null)
        {
            throw new CaseRuleViolation("case.open-interventions",
                $"The case still has {Describe(open)}. End them first, or close with endOpenInterventionsAs to end them with the close.");
        }

        var events = new List<ICaseEvent>();
        foreach (var insats in open)
        {
            events.Add(insats.State == InterventionState.Planned
                ? new InterventionCancelled(s.Id, insats.Id, InterventionCancelReason.CaseClosed, "Avbruten när ärendet avslutades", c.ClosedOn)
                : new InterventionCompleted(s.Id, insats.Id, c.EndOpenInterventionsAs!.Value, "Avslutad när ärendet avslutades", c.ClosedOn));
        }

        events.Add(new CaseClosed(s.Id, c.Outcome, c.Note, c.ClosedOn, open.Count > 0 ? [.. open.Select(i => i.Id)] : null));
        return events;
    }

    private static IReadOnlyList<ICaseEvent> Reopen(CaseState s, ReopenCase c)
    {
        if (s.Status != CaseStatus.Closed)
        {
            throw new CaseRuleViolation("case.not-closed", "The case is open; only a closed case can be reopened.");
        }

        NotBefore(c.ReopenedOn, s.ClosedOn!.Value, "reopenedOn", "the day the case was closed");
        // The insatser the close ended stay ended: each belongs to its party, and its end is what
        // happened. The reopening names them, so each party can plan anew what it will do.
        var reopened = new CaseReopened(s.Id, c.Reason, c.ReopenedOn, s.EndedByLastClose.Count > 0 ? s.EndedByLastClose : null);
        if (s.IsActiveParty(c.By.Party))
        {
            return [reopened];
        }

        // A party that left returns only through an invitation or referral, but a case nobody is on
        // has nobody to invite it: then a party that was on it may take it back by reopening it.
        if (s.Parties.Values.Any(m => m.Active) || !s.Parties.TryGetValue(c.By.Party, out var membership))
        {
            MustBeOnCase(s, c.By.Party);
        }

        membership = s.Parties[c.By.Party];
        return [reopened, new PartyJoined(s.Id, c.By.Party, membership.Unit, c.By.UserId, c.By.DisplayName, c.ReopenedOn)];
    }

    // Guards ---------------------------------------------------------------------------------

    private static ICaseEvent Member(CaseState s, Actor by, ICaseEvent e)
    {
        MustBeOnCase(s, by.Party);
        // The timeline starts when the case opens; a consent may have been signed before.
        if (e is not ConsentRecorded)
        {
            NotBefore(e.BusinessDate, s.OpenedOn, "the date", "the day the case was opened");
        }

        return e;
    }

    private static void MustBeOnCase(CaseState s, PartyCode party)
    {
        if (!s.IsActiveParty(party))
        {
            var left = s.Parties.GetValueOrDefault(party)?.LeftOn;
            throw new CaseRuleViolation("party.not-on-case", left is { } on
                ? $"{party} left this case on {on:yyyy-MM-dd}; it returns only through a new referral or invitation."
                : $"{party} is not on this case, so it cannot record anything here. Accept a referral or an invitation to join it first.");
        }
    }

    private static void OwnParty(Actor by, PartyCode party, string what)
    {
        if (by.Party != party)
        {
            throw new CaseRuleViolation("party.not-yours", $"A caseworker at {by.Party} cannot {what} {party}.");
        }
    }

    private static void NotBefore(DateOnly date, DateOnly earliest, string field, string what)
    {
        if (date < earliest)
        {
            throw new CaseRuleViolation("date.before-previous", $"{field} ({date:yyyy-MM-dd}) cannot be before {what} ({earliest:yyyy-MM-dd}).");
        }
    }

    private static string Describe(IEnumerable<InterventionStatus> open) =>
        string.Join(", ", open.Select(i => $"{i.Party}'s {InterventionCatalogue.NameOf(i.Party, i.Kind, null).ToLowerInvariant()} ({i.State.ToString().ToLowerInvariant()})"));
}

/// <summary>A sub-entry named by a command (insats, referral, consent, action, meeting) does not exist: 404.</summary>
public sealed class CaseEntryNotFound(string message) : Exception(message);
