using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Stalls;

/// <summary>A rule's finding on a case: the person may be falling between chairs.</summary>
/// <param name="Rule">Rule code.</param>
/// <param name="Subject">What in the case it is about (referral, insats, action id or party); empty for the case as a whole.</param>
/// <param name="Severity">Severity.</param>
/// <param name="Since">Since when the situation holds.</param>
/// <param name="Reason">Reason in Swedish, naming the facts.</param>
/// <param name="ReasonEn">Reason in English.</param>
public sealed record StallFinding(string Rule, string Subject, FlagSeverity Severity, DateOnly Since, string Reason, string ReasonEn)
{
    /// <summary>
    /// The parties whose entries the reason describes; null when it may describe any party's. A
    /// reader sees the reason only if every one of them discloses to it (empty: facts every party
    /// related to the case may know, such as who is on it, the plan lead and the consents).
    /// </summary>
    public IReadOnlyList<PartyCode>? Describes { get; init; }

    /// <summary>Rule and subject: a finding and an open flag with the same key are the same concern.</summary>
    /// <remarks>A method, not a property: the finding is part of the HTTP contract (the kännedom view), and a
    /// tuple property would be written as an empty object.</remarks>
    public (string Rule, string Subject) Key() => (Rule, Subject);
}

/// <summary>
/// The stall rules of design §6 as pure functions of a case's facts, a date and the thresholds.
/// A paused insats is not ongoing. Every rule also names the dates on which its verdict can change
/// with no new event, so a case's next attention date can be computed.
/// </summary>
public static partial class StallRules
{
    private sealed record Rule(
        string Code,
        Func<StallFacts, DateOnly, RuleSettings, IEnumerable<StallFinding>> Evaluate,
        Func<StallFacts, RuleSettings, IEnumerable<DateOnly>> ChangeDates);

    private static readonly Rule[] All =
    [
        new(StallRuleCodes.NoActiveIntervention, NoActiveIntervention, (f, s) => [Quiet(f, Never).AddDays(s.Days), .. f.Interventions.SelectMany(i => i.Periods).Where(p => p.To is not null).Select(p => p.To!.Value.AddDays(s.Days))]),
        new(StallRuleCodes.NoContact, NoContact, (f, s) => [Max(f.ActiveSince, f.LastContactOn).AddDays(s.Days)]),
        new(StallRuleCodes.WaitingTooLong, WaitingTooLong, (f, s) => f.Interventions.Select(i => i.PlannedOn.AddDays(s.Days))),
        new(StallRuleCodes.UnansweredReferral, UnansweredReferral, (f, s) => f.Referrals.SelectMany(r => r.RespondBy is { } by ? new[] { r.SentOn.AddDays(s.Days), by.AddDays(1) } : [r.SentOn.AddDays(s.Days)])),
        new(StallRuleCodes.OverdueFollowUp, OverdueFollowUp, (f, s) => f.Meetings.Where(m => m.NextFollowUpOn is not null).Select(m => m.NextFollowUpOn!.Value.AddDays(s.Days))),
        new(StallRuleCodes.OverdueAction, OverdueAction, (f, s) => f.Actions.Select(a => a.DueOn.AddDays(s.Days))),
        new(StallRuleCodes.LeftAlone, LeftAlone, (f, s) => [.. f.Parties.Where(p => p.LeftOn is not null).Select(p => p.LeftOn!.Value.AddDays(s.Days)), .. PeriodEnds(f)]),
        new(StallRuleCodes.AssessmentGap, AssessmentGap, (f, s) => [.. f.Assessments.Select(a => a.ValidFrom.AddDays(s.Days)),
            .. f.Assessments.Where(a => a.ValidUntil is not null).Select(a => a.ValidUntil!.Value.AddDays(1)), .. PeriodEnds(f)]),
        new(StallRuleCodes.ConsentExpiring, ConsentExpiring, (f, s) => CoverageEnd(f) is { } end ? [end.AddDays(-s.Days), end] : []),
        new(StallRuleCodes.RepeatedNoShows, RepeatedNoShows, (f, s) => f.NoShows.SelectMany(n => new[] { n, n.AddDays(s.Days) })),
        new(StallRuleCodes.ReferralPingPong, ReferralPingPong, (f, s) => f.Referrals.SelectMany(r => new[] { r.SentOn.AddDays(s.Days), (r.AnsweredOn ?? r.SentOn).AddDays(s.Days) })),
        new(StallRuleCodes.SequentialOnly, SequentialOnly, (f, s) => [f.ActiveSince.AddDays(s.Days)]),
        new(StallRuleCodes.NoPlanLead, NoPlanLead, (f, s) => f.Parties.Select(p => p.JoinedOn.AddDays(s.Days))),
        new(StallRuleCodes.AcceptedNotPlanned, AcceptedNotPlanned, (f, s) => f.Referrals.Where(r => r.AnsweredOn is not null).Select(r => r.AnsweredOn!.Value.AddDays(s.Days))),
        new(StallRuleCodes.NoSgiNoRehab, NoSgiNoRehab, (f, s) => f.Benefits.Select(b => b.DecidedOn.AddDays(s.Days))),
        new(StallRuleCodes.PartyAbsentFromSip, PartyAbsentFromSip, (f, s) => PeriodEnds(f)),
        .. ChairRules(),
    ];

    private static readonly DateOnly Never = DateOnly.MinValue;

    /// <summary>Every finding on the case on <paramref name="today"/>. A closed case has none.</summary>
    public static IReadOnlyList<StallFinding> Evaluate(StallFacts facts, DateOnly today, StallSettings settings)
    {
        if (facts.Status != CaseStatus.Open)
        {
            return [];
        }

        return [.. Enabled(settings).SelectMany(r => r.Rule.Evaluate(facts, today, r.Settings))];
    }

    /// <summary>
    /// The first day after <paramref name="today"/> on which <c>Evaluate</c> would give other
    /// findings than today, with no new event; null if none will. The scan looks at the case again then.
    /// </summary>
    public static DateOnly? NextChange(StallFacts facts, DateOnly today, StallSettings settings) => Judge(facts, today, settings).NextChange;

    /// <summary>
    /// What the scan needs of a case: today's findings (as <c>Evaluate</c>) and their next change (as
    /// <c>NextChange</c>), with each rule judged once for today.
    /// </summary>
    public static (IReadOnlyList<StallFinding> Findings, DateOnly? NextChange) Judge(StallFacts facts, DateOnly today, StallSettings settings)
    {
        if (facts.Status != CaseStatus.Open)
        {
            return ([], null);
        }

        var findings = new List<StallFinding>();
        DateOnly? next = null;
        foreach (var (rule, ruleSettings) in Enabled(settings))
        {
            var now = rule.Evaluate(facts, today, ruleSettings).ToList();
            findings.AddRange(now);
            // A rule's findings change only on its own change dates (each rule's specs pin that with
            // the rule alone), so the case changes first on the earliest of them, and a rule is judged
            // on its own dates up to the earliest found so far: not every rule on every rule's dates.
            var keys = Keys(now);
            foreach (var day in rule.ChangeDates(facts, ruleSettings).Where(d => d > today && (next is null || d < next)).Distinct().Order())
            {
                if (!Keys(rule.Evaluate(facts, day, ruleSettings)).SetEquals(keys))
                {
                    next = day;
                    break;
                }
            }
        }

        return (findings, next);
    }

    // The rules switched on, in their order, with their settings.
    private static IEnumerable<(Rule Rule, RuleSettings Settings)> Enabled(StallSettings settings) =>
        All.Select(r => (r, settings.For(r.Code))).Where(r => r.Item2.Enabled);

    private static HashSet<(string, string)> Keys(IEnumerable<StallFinding> findings) => [.. findings.Select(f => f.Key())];

    // Rules ---------------------------------------------------------------------------------

    private static IEnumerable<StallFinding> NoActiveIntervention(StallFacts f, DateOnly today, RuleSettings s)
    {
        if (f.OngoingOn(today).Any())
        {
            yield break;
        }

        var since = Quiet(f, today);
        var days = Days(since, today);
        if (days >= s.Days)
        {
            yield return new(StallRuleCodes.NoActiveIntervention, "", FlagSeverity.Critical, since,
                $"Ingen insats har pågått på {days} dagar (sedan {since:yyyy-MM-dd}).",
                $"No insats has been ongoing for {days} days (since {since:yyyy-MM-dd}).");
        }
    }

    private static IEnumerable<StallFinding> NoContact(StallFacts f, DateOnly today, RuleSettings s)
    {
        var since = Max(f.ActiveSince, f.LastContactOn);
        var days = Days(since, today);
        if (days >= s.Days)
        {
            var sv = f.LastContactOn is null ? $"Ingen kontakt med personen har loggats sedan ärendet öppnades för {days} dagar sedan."
                : $"Ingen kontakt med personen har loggats på {days} dagar (senast {since:yyyy-MM-dd}).";
            var en = f.LastContactOn is null ? $"No contact with the person has been logged since the case opened {days} days ago."
                : $"No contact with the person has been logged for {days} days (last on {since:yyyy-MM-dd}).";
            yield return new(StallRuleCodes.NoContact, "", FlagSeverity.Warning, since, sv, en);
        }
    }

    private static IEnumerable<StallFinding> WaitingTooLong(StallFacts f, DateOnly today, RuleSettings s) =>
        f.Interventions.Where(i => i.State == InterventionState.Planned && Days(i.PlannedOn, today) >= s.Days)
            .Select(i => new StallFinding(StallRuleCodes.WaitingTooLong, i.Id.ToString(), FlagSeverity.Warning, i.PlannedOn,
                $"{Genitive(i.Party)} {InterventionCatalogue.NameOf(i.Party, i.Kind, null).ToLowerInvariant()} planerades {i.PlannedOn:yyyy-MM-dd} och har inte startat: personen har väntat i {Days(i.PlannedOn, today)} dagar.",
                $"{i.Party}'s {i.Kind} was planned on {i.PlannedOn:yyyy-MM-dd} and has not started: the person has waited {Days(i.PlannedOn, today)} days.")
            {
                Describes = [i.Party],
            });

    private static IEnumerable<StallFinding> UnansweredReferral(StallFacts f, DateOnly today, RuleSettings s)
    {
        foreach (var r in f.Referrals.Where(r => r.State == ReferralState.Pending && r.SentOn <= today))
        {
            var days = Days(r.SentOn, today);
            var late = r.RespondBy is { } by && today > by;
            if (days < s.Days && !late)
            {
                continue;
            }

            var lateSv = late ? $" (svar begärdes senast {r.RespondBy:yyyy-MM-dd})" : "";
            var lateEn = late ? $" (an answer was asked for by {r.RespondBy:yyyy-MM-dd})" : "";
            yield return new StallFinding(StallRuleCodes.UnansweredReferral, r.Id.ToString(), FlagSeverity.Warning, r.SentOn,
                $"{Genitive(r.From)} {PartyNames.Sv(r.Kind)} till {PartyNames.Sv(r.To)} har varit obesvarad i {days} dagar{lateSv}.",
                $"{r.From}'s {PartyNames.En(r.Kind)} to {PartyNames.En(r.To)} has gone unanswered for {days} days{lateEn}.") { Describes = [r.From] };
        }
    }

    private static IEnumerable<StallFinding> OverdueFollowUp(StallFacts f, DateOnly today, RuleSettings s)
    {
        var last = f.Meetings.Where(m => m.HeldOn is not null && m.HeldOn <= today).MaxBy(m => m.HeldOn);
        if (last?.NextFollowUpOn is not { } due || Days(due, today) < s.Days)
        {
            yield break;
        }

        yield return new(StallRuleCodes.OverdueFollowUp, "", FlagSeverity.Warning, due,
            $"Uppföljningen av SIP-mötet {last.HeldOn:yyyy-MM-dd} skulle ske {due:yyyy-MM-dd}; inget möte har hållits sedan ({Days(due, today)} dagar).",
            $"The follow-up of the SIP meeting on {last.HeldOn:yyyy-MM-dd} was due on {due:yyyy-MM-dd}; no meeting has been held since ({Days(due, today)} days).");
    }

    private static IEnumerable<StallFinding> OverdueAction(StallFacts f, DateOnly today, RuleSettings s) =>
        f.Actions.Where(a => !a.Completed && !a.Dropped && Days(a.DueOn, today) >= s.Days)
            .Select(a => new StallFinding(StallRuleCodes.OverdueAction, a.Id.ToString(), FlagSeverity.Warning, a.DueOn,
                $"En åtgärd i planen för {PartyNames.ResponsibleSv(f, a)} skulle vara klar {a.DueOn:yyyy-MM-dd} och är {Days(a.DueOn, today)} dagar sen.",
                $"A plan action for {PartyNames.ResponsibleEn(f, a)} was due on {a.DueOn:yyyy-MM-dd} and is {Days(a.DueOn, today)} days late."));

    private static IEnumerable<StallFinding> LeftAlone(StallFacts f, DateOnly today, RuleSettings s)
    {
        foreach (var left in f.Parties.Where(p => p.LeftOn is { } on && on <= today && p.HandedOverTo is null && Days(on, today) >= s.Days))
        {
            if (f.OngoingOn(today).Any(i => i.Party != left.Party))
            {
                continue;
            }

            yield return new(StallRuleCodes.LeftAlone, left.Party.ToString(), FlagSeverity.Critical, left.LeftOn!.Value,
                $"{PartyNames.Sv(left.Party)} lämnade ärendet {left.LeftOn:yyyy-MM-dd} utan överlämning och ingen annan part har en pågående insats.",
                $"{PartyNames.En(left.Party)} left the case on {left.LeftOn:yyyy-MM-dd} without handing over, and no other party has an ongoing insats.");
        }
    }

    private static IEnumerable<StallFinding> AssessmentGap(StallFacts f, DateOnly today, RuleSettings s)
    {
        var current = f.Assessments.Where(a => a.ValidFrom <= today && (a.ValidUntil is null || a.ValidUntil >= today)).ToList();
        var able = current.Where(a => a.Conclusion == WorkCapacityConclusion.AbleToWork).ToList();
        var unable = current.Where(a => a.Conclusion is WorkCapacityConclusion.NotAbleNow or WorkCapacityConclusion.NotReady).ToList();
        var pair = able.SelectMany(a => unable.Where(u => u.Party != a.Party).Select(u => (Able: a, Unable: u))).FirstOrDefault();
        if (pair == default || f.OngoingOn(today).Any())
        {
            yield break;
        }

        var since = pair.Able.ValidFrom > pair.Unable.ValidFrom ? pair.Able.ValidFrom : pair.Unable.ValidFrom;
        if (Days(since, today) < s.Days)
        {
            yield break;
        }

        var unableSv = pair.Unable.Conclusion == WorkCapacityConclusion.NotReady ? "inte redo" : "inte kan arbeta nu";
        yield return new(StallRuleCodes.AssessmentGap, "", FlagSeverity.Critical, since,
            $"{PartyNames.Sv(pair.Able.Party)} bedömer att personen kan arbeta medan {PartyNames.Sv(pair.Unable.Party)} bedömer att personen {unableSv}, och ingen pågående insats överbryggar glappet.",
            $"{PartyNames.En(pair.Able.Party)} assesses the person as able to work while {PartyNames.En(pair.Unable.Party)} assesses them as {(pair.Unable.Conclusion == WorkCapacityConclusion.NotReady ? "not ready" : "not able to work now")}, and no ongoing insats bridges the gap.");
    }

    private static IEnumerable<StallFinding> ConsentExpiring(StallFacts f, DateOnly today, RuleSettings s)
    {
        // Until a consent exists this rule is silent: the missing consent is not what it watches.
        if (CoverageEnd(f) is not { } end || f.Consents.Count == 0)
        {
            yield break;
        }

        var lastDay = end.AddDays(-1);
        if (today >= end)
        {
            yield return new StallFinding(StallRuleCodes.ConsentExpiring, "ended", FlagSeverity.Warning, end,
                $"Samtycket gällde till och med {lastDay:yyyy-MM-dd} och ärendet är fortfarande öppet: parterna kan inte längre dela uppgifter.",
                $"The consent applied until {lastDay:yyyy-MM-dd} and the case is still open: the parties can no longer share information.") { Describes = [] };
        }
        else if (Days(today, end) <= s.Days)
        {
            yield return new StallFinding(StallRuleCodes.ConsentExpiring, "expiring", FlagSeverity.Warning, end.AddDays(-s.Days),
                $"Samtycket gäller bara till och med {lastDay:yyyy-MM-dd} ({Days(today, end)} dagar kvar).",
                $"The consent only applies until {lastDay:yyyy-MM-dd} ({Days(today, end)} days left).") { Describes = [] };
        }
    }

    private static IEnumerable<StallFinding> RepeatedNoShows(StallFacts f, DateOnly today, RuleSettings s)
    {
        var window = f.NoShows.Where(n => n <= today && Days(n, today) < s.Days).ToList();
        if (window.Count < Math.Max(1, s.Count))
        {
            yield break;
        }

        yield return new(StallRuleCodes.RepeatedNoShows, "", FlagSeverity.Warning, window.Min(),
            $"Personen har uteblivit {window.Count} gånger de senaste {s.Days} dagarna.",
            $"The person has not shown up {window.Count} times in the last {s.Days} days.");
    }

    private static IEnumerable<StallFinding> ReferralPingPong(StallFacts f, DateOnly today, RuleSettings s)
    {
        var recent = f.Referrals.Where(r => r.SentOn <= today && Days(r.SentOn, today) < s.Days).ToList();
        var declined = f.Referrals.Where(r => r.State == ReferralState.Declined && r.AnsweredOn is { } a && a <= today && Days(a, today) < s.Days).ToList();
        var bounce = recent.SelectMany(a => recent.Where(b => b.From == a.To && b.To == a.From && b.SentOn >= a.SentOn && b.Id != a.Id)
            .Select(b => (a, b))).FirstOrDefault();
        if (declined.Count >= Math.Max(1, s.Count))
        {
            yield return new(StallRuleCodes.ReferralPingPong, "", FlagSeverity.Critical, declined.Min(r => r.SentOn),
                $"{declined.Count} remisser eller förfrågningar har avböjts de senaste {s.Days} dagarna: personen skickas runt ({string.Join(", ", declined.Select(r => $"{r.From}→{r.To}"))}).",
                $"{declined.Count} referrals or requests have been declined in the last {s.Days} days: the person is being sent around ({string.Join(", ", declined.Select(r => $"{r.From}→{r.To}"))}).");
        }
        else if (bounce != default)
        {
            yield return new(StallRuleCodes.ReferralPingPong, "", FlagSeverity.Critical, bounce.a.SentOn,
                $"Personen har skickats fram och tillbaka mellan {PartyNames.Sv(bounce.a.From)} och {PartyNames.Sv(bounce.a.To)} de senaste {s.Days} dagarna.",
                $"The person has been sent back and forth between {PartyNames.En(bounce.a.From)} and {PartyNames.En(bounce.a.To)} in the last {s.Days} days.");
        }
    }

    private static IEnumerable<StallFinding> SequentialOnly(StallFacts f, DateOnly today, RuleSettings s)
    {
        var parties = f.Interventions.Where(i => i.Periods.Any(p => p.From <= today)).Select(i => i.Party).Distinct().Count();
        if (Days(f.ActiveSince, today) < s.Days || f.Parties.Count(p => p.JoinedOn <= today) < 2 || parties < 2)
        {
            yield break;
        }

        var measure = Parallelism.Measure(f.Interventions.SelectMany(i => i.Periods.Select(p => (i.Party, p))), f.ActiveSince, today);
        if (measure.ParallelDays == 0)
        {
            yield return new(StallRuleCodes.SequentialOnly, "", FlagSeverity.Advice, f.ActiveSince,
                $"Ärendet har pågått i {Days(f.ActiveSince, today)} dagar och {parties} parters insatser har aldrig pågått samtidigt: trappstegsmodellen där BIP talar för parallella insatser.",
                $"The case has run for {Days(f.ActiveSince, today)} days and the insatser of {parties} parties have never run at the same time: the staircase model where BIP argues for parallel work.");
        }
    }

    private static IEnumerable<StallFinding> NoPlanLead(StallFacts f, DateOnly today, RuleSettings s)
    {
        var active = f.Parties.Where(p => p.JoinedOn <= today && (p.LeftOn is null || p.LeftOn > today)).OrderBy(p => p.JoinedOn).ToList();
        if (active.Count < 2 || f.PlanLead is not null)
        {
            yield break;
        }

        var since = active[1].JoinedOn;
        if (Days(since, today) >= s.Days)
        {
            yield return new StallFinding(StallRuleCodes.NoPlanLead, "", FlagSeverity.Warning, since,
                $"{active.Count} parter har arbetat i ärendet i {Days(since, today)} dagar utan att någon är planeringsansvarig: ingen äger helheten.",
                $"{active.Count} parties have worked on the case for {Days(since, today)} days with no plan lead: nobody owns the whole.") { Describes = [] };
        }
    }

    private static IEnumerable<StallFinding> AcceptedNotPlanned(StallFacts f, DateOnly today, RuleSettings s) =>
        f.Referrals.Where(r => r.Kind == ReferralKind.Remiss && r.State == ReferralState.Accepted && r.AnsweredOn is { } a && Days(a, today) >= s.Days
                               && !f.Interventions.Any(i => i.Party == r.To && i.PlannedOn >= r.SentOn && i.PlannedOn <= today))
            .Select(r => new StallFinding(StallRuleCodes.AcceptedNotPlanned, r.Id.ToString(), FlagSeverity.Warning, r.AnsweredOn!.Value,
                $"{PartyNames.Sv(r.To)} tog emot {Genitive(r.From)} remiss {r.AnsweredOn:yyyy-MM-dd} men har inte planerat någon insats på {Days(r.AnsweredOn!.Value, today)} dagar.",
                $"{PartyNames.En(r.To)} accepted {r.From}'s referral on {r.AnsweredOn:yyyy-MM-dd} but has planned no insats in {Days(r.AnsweredOn!.Value, today)} days.")
            {
                // The sender's referral, and what the receiver has (not) planned.
                Describes = [r.From, r.To],
            });

    private static IEnumerable<StallFinding> NoSgiNoRehab(StallFacts f, DateOnly today, RuleSettings s)
    {
        var decision = f.Benefits.Where(b => b.DecidedOn <= today).MaxBy(b => b.DecidedOn);
        if (decision is null || decision.Decision is not (BenefitDecisionKind.NoneForLackOfSgi or BenefitDecisionKind.Refused)
            || Days(decision.DecidedOn, today) < s.Days)
        {
            yield break;
        }

        PartyCode[] rehab = [PartyCode.AF, PartyCode.FK, PartyCode.VC, PartyCode.PSY];
        if (f.Interventions.Any(i => rehab.Contains(i.Party) && i.PlannedOn <= today && i.State is InterventionState.Planned or InterventionState.Ongoing))
        {
            yield break;
        }

        var what = decision.Decision == BenefitDecisionKind.NoneForLackOfSgi ? "ingen ersättning i brist på SGI" : "avslag på sjukpenning";
        yield return new(StallRuleCodes.NoSgiNoRehab, "", FlagSeverity.Critical, decision.DecidedOn,
            $"Försäkringskassan beslutade {decision.DecidedOn:yyyy-MM-dd} om {what}, och {Days(decision.DecidedOn, today)} dagar senare är ingen insats från AF, FK, vården eller psykiatrin planerad eller pågående (nollplacerad).",
            $"FK decided on {decision.DecidedOn:yyyy-MM-dd}: {(decision.Decision == BenefitDecisionKind.NoneForLackOfSgi ? "no benefit for lack of SGI" : "sickness benefit refused")}; {Days(decision.DecidedOn, today)} days later no insats from AF, FK, primary care or psychiatry is planned or ongoing.");
    }

    private static IEnumerable<StallFinding> PartyAbsentFromSip(StallFacts f, DateOnly today, RuleSettings s)
    {
        var last = f.Meetings.Where(m => m.HeldOn is { } h && h <= today).MaxBy(m => m.HeldOn);
        if (last is null)
        {
            yield break;
        }

        var held = last.HeldOn!.Value;
        var participants = last.Participants ?? [];
        // Only a party that was expected counts as absent: invited, and accepted or never answered. One not
        // invited (e.g. because no consent covered it) or that said it could not come did not fail to come.
        bool Expected(PartyCode p) => (last.Invited is null || last.Invited.Contains(p)) && !last.Declined.Contains(p);
        foreach (var party in f.OngoingOn(today).Where(i => i.OngoingOn(held)).Select(i => i.Party).Distinct()
                     .Where(p => !participants.Contains(p) && Expected(p)).Order())
        {
            yield return new(StallRuleCodes.PartyAbsentFromSip, party.ToString(), FlagSeverity.Advice, held,
                $"{PartyNames.Sv(party)} har en pågående insats, var kallad och kom inte till SIP-mötet {held:yyyy-MM-dd}.",
                $"{PartyNames.En(party)} has an ongoing insats, was invited and did not come to the SIP meeting on {held:yyyy-MM-dd}.")
            {
                // The absent party's insats and the organiser's meeting.
                Describes = last.Organiser is { } organiser ? [.. new[] { party, organiser }.Distinct()] : null,
            };
        }
    }

    // Helpers ------------------------------------------------------------------------------

    // The day since which no insats has been ongoing: the case's start or the latest end of a spell.
    private static DateOnly Quiet(StallFacts f, DateOnly today)
    {
        var ends = f.Interventions.SelectMany(i => i.Periods).Where(p => p.To is { } to && (today == Never || to <= today)).Select(p => p.To!.Value);
        return ends.Aggregate(f.ActiveSince, (a, b) => a > b ? a : b);
    }

    private static IEnumerable<DateOnly> PeriodEnds(StallFacts f) =>
        f.Interventions.SelectMany(i => i.Periods).Where(p => p.To is not null).Select(p => p.To!.Value);

    // The first day no consent applies any more, if every consent ends.
    private static DateOnly? CoverageEnd(StallFacts f)
    {
        if (f.Consents.Count == 0 || f.Consents.Any(c => c.EndsOn is null))
        {
            return null;
        }

        return f.Consents.Max(c => c.EndsOn!.Value);
    }

    private static DateOnly Max(DateOnly a, DateOnly? b) => b is { } v && v > a ? v : a;

    private static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    // "SOC:s", "AF:s": the genitive of a party code as handläggare write it.
    private static string Genitive(PartyCode party) => party + ":s";
}
