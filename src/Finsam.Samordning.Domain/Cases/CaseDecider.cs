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
            IdentifyNeed c => [Member(s, c.By, new NeedIdentified(s.Id, c.NeedId, c.Area, c.Description, c.By.Party, c.IdentifiedOn))],
            AssignPlanLead c => Lead(s, c),
            SetGoal c => [Member(s, c.By, new GoalSet(s.Id, c.GoalId, c.Area, c.StatedBy, c.Text, c.By.Party, c.SetOn))],
            PlanAction c => PlanAnAction(s, c),
            CompleteAction c => CompleteAnAction(s, c),
            ScheduleSipMeeting c => [Member(s, c.By, new SipMeetingScheduled(s.Id, c.MeetingId, c.MeetingOn, c.InvitedParties.Distinct().Order().ToArray(), c.ScheduledOn, c.By.Party))],
            RecordSipMeetingHeld c => Held(s, c),
            LogContact c => [Member(s, c.By, new ContactLogged(s.Id, c.ContactId, c.By.Party, c.Kind, c.NoShow, c.Note, c.OccurredOn))],
            AssessWorkCapacity c => [Member(s, c.By, new WorkCapacityAssessed(s.Id, c.AssessmentId, c.By.Party, c.Conclusion, c.Note, c.ValidFrom))],
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

        var actions = s.Actions.Values.Count(a => a.ResponsibleParty == c.Party && a.CompletedOn is null);
        if (actions > 0)
        {
            throw new CaseRuleViolation("party.has-open-actions",
                $"{c.Party} is responsible for {actions} plan action(s) not yet done. Complete them, or agree a new plan, before leaving.");
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
        return [new ReferralDeclined(s.Id, c.ReferralId, c.Reason, c.DeclinedOn)];
    }

    // Shared plan ------------------------------------------------------------------------------

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

        return [Member(s, c.By, new ActionPlanned(s.Id, c.ActionId, c.Description, c.ResponsibleParty, c.GoalId, c.DueOn, c.PlannedOn, c.By.Party))];
    }

    private static IReadOnlyList<ICaseEvent> CompleteAnAction(CaseState s, CompleteAction c)
    {
        MustBeOnCase(s, c.By.Party);
        var action = s.Actions.GetValueOrDefault(c.ActionId) ?? throw new CaseEntryNotFound($"No action {c.ActionId} on this case.");
        if (action.ResponsibleParty is { } responsible && responsible != c.By.Party)
        {
            throw new CaseEntryNotFound($"No action {c.ActionId} of {c.By.Party} on this case; only the responsible party can mark it done.");
        }

        if (action.CompletedOn is { } done)
        {
            throw new CaseRuleViolation("plan.action-already-completed", $"The action was already completed on {done:yyyy-MM-dd}.");
        }

        NotBefore(c.CompletedOn, action.PlannedOn, "completedOn", "the day it was planned");
        return [new ActionCompleted(s.Id, c.ActionId, c.CompletedOn)];
    }

    // SIP ------------------------------------------------------------------------------------

    private static IReadOnlyList<ICaseEvent> Held(CaseState s, RecordSipMeetingHeld c)
    {
        MustBeOnCase(s, c.By.Party);
        var meeting = s.Meetings.GetValueOrDefault(c.MeetingId) ?? throw new CaseEntryNotFound($"No SIP meeting {c.MeetingId} on this case.");
        if (meeting.HeldOn is { } held)
        {
            throw new CaseRuleViolation("sip.already-held", $"The meeting was already recorded as held on {held:yyyy-MM-dd}.");
        }

        NotBefore(c.HeldOn, meeting.ScheduledOn, "heldOn", "the day it was scheduled");
        if (c.NextFollowUpOn is { } next && next <= c.HeldOn)
        {
            throw new CaseRuleViolation("sip.follow-up-not-after-meeting", "The next follow-up must come after the meeting.");
        }

        return [new SipMeetingHeld(s.Id, c.MeetingId, c.HeldOn, c.Participants.Distinct().Order().ToArray(), c.IndividualTookPart, c.Decisions, c.NextFollowUpOn)];
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

        events.Add(new CaseClosed(s.Id, c.Outcome, c.Note, c.ClosedOn));
        return events;
    }

    private static IReadOnlyList<ICaseEvent> Reopen(CaseState s, ReopenCase c)
    {
        if (s.Status != CaseStatus.Closed)
        {
            throw new CaseRuleViolation("case.not-closed", "The case is open; only a closed case can be reopened.");
        }

        NotBefore(c.ReopenedOn, s.ClosedOn!.Value, "reopenedOn", "the day the case was closed");
        if (s.IsActiveParty(c.By.Party))
        {
            return [new CaseReopened(s.Id, c.Reason, c.ReopenedOn)];
        }

        // A party that left returns only through an invitation or referral, but a case nobody is on
        // has nobody to invite it: then a party that was on it may take it back by reopening it.
        if (s.Parties.Values.Any(m => m.Active) || !s.Parties.TryGetValue(c.By.Party, out var membership))
        {
            MustBeOnCase(s, c.By.Party);
        }

        membership = s.Parties[c.By.Party];
        return [new CaseReopened(s.Id, c.Reason, c.ReopenedOn), new PartyJoined(s.Id, c.By.Party, membership.Unit, c.By.UserId, c.By.DisplayName, c.ReopenedOn)];
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
