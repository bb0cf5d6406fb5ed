using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Stalls;

// Issue 14: the rules for the remaining between-chairs mechanisms of domain.md §5. Each names the
// days its verdict can flip with no new event, as the core rules do, so the scan stays incremental.
public static partial class StallRules
{
    // A method, not a field: partial parts' static initializers run in no defined order.
    private static Rule[] ChairRules() =>
    [
        new(StallRuleCodes.UnaddressedNeed, UnaddressedNeed, (f, s) => f.Needs.Select(n => n.IdentifiedOn.AddDays(s.Days))),
        new(StallRuleCodes.RepeatedEndingsWithoutOutcome, RepeatedEndingsWithoutOutcome,
            (f, s) => f.Interventions.Where(i => i.EndedOn is not null).SelectMany(i => new[] { i.EndedOn!.Value, i.EndedOn!.Value.AddDays(s.Days) })),
        new(StallRuleCodes.IncomeUnresolved, IncomeUnresolved,
            (f, s) => [.. f.Needs.Select(n => n.IdentifiedOn.AddDays(s.Days)), .. f.Decisions.Select(d => d.DecidedOn.AddDays(s.Days))]),
        new(StallRuleCodes.NoConsentOrPlan, NoConsentOrPlan, (f, s) =>
        [
            .. f.Parties.Select(p => p.JoinedOn.AddDays(s.Days)), .. f.Consents.Select(c => c.ValidFrom),
            .. f.Consents.Where(c => c.EndsOn is not null).Select(c => c.EndsOn!.Value), .. f.FirstGoalOn is { } g ? new[] { g } : [],
        ]),
        new(StallRuleCodes.PlannedWithoutIndividual, PlannedWithoutIndividual, (f, s) => f.Meetings.Where(m => m.HeldOn is not null).Select(m => m.HeldOn!.Value)),
        new(StallRuleCodes.EligibilityEnding, EligibilityEnding, (f, s) => f.Labels.SelectMany(l => new[] { l.EndsOn.AddDays(-s.Days), l.EndsOn.AddDays(s.Days) })),
        new(StallRuleCodes.StaleAssessment, StaleAssessment, (f, s) =>
        [
            .. f.Interventions.SelectMany(i => i.Periods).Select(p => p.From.AddDays(s.Days)), .. f.Assessments.Select(a => a.ValidFrom.AddDays(s.Days)),
            .. PeriodEnds(f),
        ]),
        new(StallRuleCodes.CaseworkerMissing, CaseworkerMissing, (f, s) => f.Parties.Where(p => p.CaseworkerMissingSince is not null).Select(p => p.CaseworkerMissingSince!.Value.AddDays(s.Days))),
        new(StallRuleCodes.CaseworkerTurnover, CaseworkerTurnover, (f, s) => f.Parties.SelectMany(p => p.CaseworkerChanges.SelectMany(c => new[] { c, c.AddDays(s.Days) }))),
        new(StallRuleCodes.EndDateAhead, EndDateAhead,
            (f, s) => f.Interventions.Where(i => i.PlannedEnd is not null).SelectMany(i => new[] { i.PlannedEnd!.Value.AddDays(-s.Days), i.PlannedEnd!.Value })),
        new(StallRuleCodes.ExternalReferralUnanswered, ExternalReferralUnanswered, (f, s) => f.ExternalReferrals.SelectMany(r =>
            r.RespondBy is { } by ? new[] { r.SentOn.AddDays(s.Days), by.AddDays(1) } : [r.SentOn.AddDays(s.Days)])),
    ];

    /// <summary>The kinds of actor outside the förbund that serve a life area of the plan.</summary>
    public static IReadOnlyList<ExternalActorKind> ServingExternal(PlanArea area) => area switch
    {
        PlanArea.Halsa => [ExternalActorKind.Bup, ExternalActorKind.Habilitering, ExternalActorKind.Beroendevard],
        PlanArea.Studier => [ExternalActorKind.KomvuxSfi, ExternalActorKind.Skola],
        PlanArea.Vardag => [ExternalActorKind.Lss, ExternalActorKind.Habilitering],
        _ => [],
    };

    // (17, 25) An actor outside the förbund (BUP, habilitering, Komvux...) whose answer the person waits for.
    private static IEnumerable<StallFinding> ExternalReferralUnanswered(StallFacts f, DateOnly today, RuleSettings s)
    {
        foreach (var r in f.ExternalReferrals.Where(r => r.AnsweredOn is null && r.SentOn <= today))
        {
            var days = Days(r.SentOn, today);
            var late = r.RespondBy is { } by && today > by;
            if (days < s.Days && !late)
            {
                continue;
            }

            var actor = f.ExternalActors.FirstOrDefault(a => a.Id == r.ActorId);
            var unit = actor?.Unit ?? "en extern aktör";
            var lateSv = late ? $" (svar begärdes senast {r.RespondBy:yyyy-MM-dd})" : "";
            var lateEn = late ? $" (an answer was asked for by {r.RespondBy:yyyy-MM-dd})" : "";
            yield return new StallFinding(StallRuleCodes.ExternalReferralUnanswered, r.Id.ToString(), FlagSeverity.Warning, r.SentOn,
                $"{Genitive(r.From)} {PartyNames.Sv(r.Kind)} till {unit} ({actor?.Kind.ToString() ?? "extern"}) har varit obesvarad i {days} dagar{lateSv}.",
                $"{r.From}'s {PartyNames.En(r.Kind)} to {actor?.Unit ?? "an external actor"} ({actor?.Kind.ToString() ?? "external"}) has gone unanswered for {days} days{lateEn}.")
            {
                Describes = [r.From],
            };
        }
    }

    /// <summary>The parties whose insatser serve a life area of the plan.</summary>
    public static IReadOnlyList<PartyCode> Serving(PlanArea area) => area switch
    {
        PlanArea.Halsa => [PartyCode.VC, PartyCode.PSY],
        PlanArea.Arbete => [PartyCode.AF, PartyCode.AME],
        PlanArea.Studier => [PartyCode.KAA, PartyCode.AME],
        PlanArea.Forsorjning => [PartyCode.SOC, PartyCode.FK],
        _ => [PartyCode.SOC],
    };

    // (2) A need noted in the plan that no party serving its area acts on.
    private static IEnumerable<StallFinding> UnaddressedNeed(StallFacts f, DateOnly today, RuleSettings s)
    {
        foreach (var need in f.Needs.Where(n => n.IdentifiedOn <= today && Days(n.IdentifiedOn, today) >= s.Days))
        {
            var serving = Serving(need.Area);
            var acted = f.Interventions.Any(i => serving.Contains(i.Party) && !i.Void && i.PlannedOn <= today && (i.IsOpen || i.EndedOn >= need.IdentifiedOn))
                        || f.Referrals.Any(r => serving.Contains(r.To) && r.SentOn >= need.IdentifiedOn && r.SentOn <= today && r.State != ReferralState.Declined)
                        || f.ExternalReferrals.Any(r => r.SentOn >= need.IdentifiedOn && r.SentOn <= today && !(r.AnsweredOn is not null && !r.Accepted)
                                                        && f.ExternalActors.Any(a => a.Id == r.ActorId && ServingExternal(need.Area).Contains(a.Kind)))
                        || (need.Area == PlanArea.Forsorjning && f.Decisions.Any(d => d.DecidedOn >= need.IdentifiedOn && d.DecidedOn <= today));
            if (acted)
            {
                continue;
            }

            var days = Days(need.IdentifiedOn, today);
            yield return new StallFinding(StallRuleCodes.UnaddressedNeed, need.Id.ToString(), FlagSeverity.Warning, need.IdentifiedOn,
                $"{Genitive(need.IdentifiedBy)} behov inom {AreaSv(need.Area)} noterades {need.IdentifiedOn:yyyy-MM-dd}, och på {days} dagar har varken {string.Join(" eller ", serving.Select(PartyNames.Sv))} planerat en insats eller fått en remiss för det.",
                $"{need.IdentifiedBy}'s need in {AreaEn(need.Area)} was noted on {need.IdentifiedOn:yyyy-MM-dd}, and in {days} days neither {string.Join(" nor ", serving.Select(PartyNames.En))} has planned an insats or received a referral for it.");
        }
    }

    // (3) The endless loop: insatser end one after another and none reaches its goal.
    private static IEnumerable<StallFinding> RepeatedEndingsWithoutOutcome(StallFacts f, DateOnly today, RuleSettings s)
    {
        var ended = f.Interventions.Where(i => i.EndedOn is { } e && !i.Void && e <= today && Days(e, today) < s.Days).ToList();
        var without = ended.Where(i => !i.EndedWell).ToList();
        if (without.Count < Math.Max(1, s.Count) || ended.Any(i => i.EndedWell))
        {
            yield break;
        }

        var since = without.Min(i => i.EndedOn!.Value);
        yield return new(StallRuleCodes.RepeatedEndingsWithoutOutcome, "", FlagSeverity.Critical, since,
            $"{without.Count} insatser har avslutats de senaste {s.Days} dagarna (sedan {since:yyyy-MM-dd}) utan att någon nådde sitt mål: personen snurrar runt utan att landa.",
            $"{without.Count} insatser have ended in the last {s.Days} days (since {since:yyyy-MM-dd}) and none reached its goal: the person goes round without landing.");
    }

    // (6) Income unresolved: a försörjning need, or an FK refusal, with no benefit decision after it.
    private static IEnumerable<StallFinding> IncomeUnresolved(StallFacts f, DateOnly today, RuleSettings s)
    {
        foreach (var need in f.Needs.Where(n => n.Area == PlanArea.Forsorjning && n.IdentifiedOn <= today && Days(n.IdentifiedOn, today) >= s.Days))
        {
            if (f.Decisions.Any(d => d.DecidedOn >= need.IdentifiedOn && d.DecidedOn <= today))
            {
                continue;
            }

            var days = Days(need.IdentifiedOn, today);
            yield return new StallFinding(StallRuleCodes.IncomeUnresolved, need.Id.ToString(), FlagSeverity.Critical, need.IdentifiedOn,
                $"Försörjningen noterades som ett behov {need.IdentifiedOn:yyyy-MM-dd} och inget beslut om ersättning eller försörjningsstöd har registrerats på {days} dagar.",
                $"Income was noted as a need on {need.IdentifiedOn:yyyy-MM-dd} and no decision on a benefit or income support has been recorded in {days} days.")
            {
                Describes = [.. new[] { need.IdentifiedBy, PartyCode.SOC, PartyCode.FK }.Distinct().Order()],
            };
        }

        var refusal = f.Decisions.Where(d => d.Party == PartyCode.FK && d.DecidedOn <= today
                                             && d.Decision is BenefitDecisionKind.Refused or BenefitDecisionKind.Ended or BenefitDecisionKind.NoneForLackOfSgi)
            .MaxBy(d => d.DecidedOn);
        if (refusal is null || Days(refusal.DecidedOn, today) < s.Days
            || f.Decisions.Any(d => d.Decision == BenefitDecisionKind.Granted && d.DecidedOn >= refusal.DecidedOn && d.DecidedOn <= today))
        {
            yield break;
        }

        var since = Days(refusal.DecidedOn, today);
        yield return new StallFinding(StallRuleCodes.IncomeUnresolved, refusal.Id.ToString(), FlagSeverity.Critical, refusal.DecidedOn,
            $"Försäkringskassan beslutade {refusal.DecidedOn:yyyy-MM-dd} om {DecisionSv(refusal.Decision)} ({BenefitSv(refusal.Benefit)}), och på {since} dagar har inget beslut beviljat någon annan ersättning eller försörjningsstöd.",
            $"FK decided on {refusal.DecidedOn:yyyy-MM-dd}: {refusal.Benefit} {refusal.Decision}; in {since} days no decision has granted another benefit or income support.")
        {
            Describes = [PartyCode.FK, PartyCode.SOC],
        };
    }

    // (9) A multi-party case where the consent and the plan go unused.
    private static IEnumerable<StallFinding> NoConsentOrPlan(StallFacts f, DateOnly today, RuleSettings s)
    {
        var active = f.Parties.Where(p => p.JoinedOn <= today && (p.LeftOn is null || p.LeftOn > today)).OrderBy(p => p.JoinedOn).ToList();
        if (active.Count < 2 || Days(active[1].JoinedOn, today) < s.Days)
        {
            yield break;
        }

        var since = active[1].JoinedOn;
        var days = Days(since, today);
        var onCase = active.Select(p => p.Party).ToHashSet();
        // Sharing needs a consent in force that at least two parties on the case have confirmed.
        if (!f.Consents.Any(c => c.ActiveOn(today) && c.ConfirmedBy.Count(onCase.Contains) >= 2))
        {
            yield return new StallFinding(StallRuleCodes.NoConsentOrPlan, "consent", FlagSeverity.Warning, since,
                $"{active.Count} parter har arbetat i ärendet i {days} dagar utan ett gällande samtycke som två av dem har bekräftat: de kan inte dela uppgifter.",
                $"{active.Count} parties have worked on the case for {days} days with no consent in force that two of them have confirmed: they cannot share information.") { Describes = [] };
        }

        if (f.FirstGoalOn is not { } goal || goal > today)
        {
            yield return new StallFinding(StallRuleCodes.NoConsentOrPlan, "goal", FlagSeverity.Warning, since,
                $"{active.Count} parter har arbetat i ärendet i {days} dagar och den gemensamma planen har inget mål.",
                $"{active.Count} parties have worked on the case for {days} days and the shared plan has no goal.");
        }
    }

    // (10) Planning without the person: the latest SIP meetings were all held without them.
    private static IEnumerable<StallFinding> PlannedWithoutIndividual(StallFacts f, DateOnly today, RuleSettings s)
    {
        var count = Math.Max(1, s.Count);
        var latest = f.Meetings.Where(m => m.HeldOn is { } h && h <= today).OrderBy(m => m.HeldOn).TakeLast(count).ToList();
        if (latest.Count < count || latest.Any(m => m.IndividualTookPart))
        {
            yield break;
        }

        var since = latest[0].HeldOn!.Value;
        yield return new(StallRuleCodes.PlannedWithoutIndividual, "", FlagSeverity.Warning, since,
            $"De senaste {count} SIP-mötena (sedan {since:yyyy-MM-dd}) hölls utan personen: planeringen sker utan den den gäller.",
            $"The last {count} SIP meetings (since {since:yyyy-MM-dd}) were held without the person: the planning happens without them.");
    }

    // (16) Eligibility cliffs: a label the help depends on ends while the case is open.
    private static IEnumerable<StallFinding> EligibilityEnding(StallFacts f, DateOnly today, RuleSettings s)
    {
        foreach (var label in f.Labels.Where(l => today >= l.EndsOn.AddDays(-s.Days) && today < l.EndsOn.AddDays(s.Days)).OrderBy(l => l.Label))
        {
            var (sv, en) = LabelNames(label.Label);
            var days = Math.Abs(Days(today, label.EndsOn));
            var (reason, reasonEn) = today < label.EndsOn
                ? ($"{Capital(sv)} upphör {label.EndsOn:yyyy-MM-dd} (om {days} dagar) medan ärendet är öppet: planera vad som tar vid.",
                   $"{Capital(en)} ends on {label.EndsOn:yyyy-MM-dd} (in {days} days) while the case is open: plan what comes after.")
                : ($"{Capital(sv)} upphörde {label.EndsOn:yyyy-MM-dd} för {days} dagar sedan och ärendet är fortfarande öppet: stödet får inte falla bort med etiketten.",
                   $"{Capital(en)} ended on {label.EndsOn:yyyy-MM-dd}, {days} days ago, and the case is still open: the support must not end with the label.");
            yield return new StallFinding(StallRuleCodes.EligibilityEnding, label.Label.ToString(), FlagSeverity.Warning, label.EndsOn.AddDays(-s.Days), reason, reasonEn)
            {
                // The date may say how old the person is: shown where the recording party's entries are.
                Describes = [label.RecordedBy],
            };
        }
    }

    // (18) Never reassessed: an insats has run for months and nobody has assessed work capacity since.
    private static IEnumerable<StallFinding> StaleAssessment(StallFacts f, DateOnly today, RuleSettings s)
    {
        var spells = f.Interventions.SelectMany(i => i.Periods).Where(p => p.From <= today && (p.To is null || p.To > today)).ToList();
        if (spells.Count == 0)
        {
            yield break;
        }

        var start = spells.Min(p => p.From);
        var last = f.Assessments.Where(a => a.ValidFrom <= today).Select(a => (DateOnly?)a.ValidFrom).Max();
        var since = Max(start, last);
        if (Days(since, today) < s.Days)
        {
            yield break;
        }

        var lastSv = last is { } l ? $"senaste bedömningen gjordes {l:yyyy-MM-dd}" : "ingen bedömning finns";
        var lastEn = last is { } m ? $"the latest assessment was made on {m:yyyy-MM-dd}" : "there is no assessment";
        yield return new(StallRuleCodes.StaleAssessment, "", FlagSeverity.Warning, since,
            $"En insats har pågått sedan {start:yyyy-MM-dd} utan ny bedömning av arbetsförmågan på {Days(since, today)} dagar ({lastSv}).",
            $"An insats has been ongoing since {start:yyyy-MM-dd} with no new work capacity assessment for {Days(since, today)} days ({lastEn}).");
    }

    // (21) Collaboration lives in persons: a party on the case that nobody at it carries.
    private static IEnumerable<StallFinding> CaseworkerMissing(StallFacts f, DateOnly today, RuleSettings s) =>
        f.Parties.Where(p => p.LeftOn is null && p.CaseworkerMissingSince is { } m && m <= today && Days(m, today) >= s.Days)
            .Select(p => new StallFinding(StallRuleCodes.CaseworkerMissing, p.Party.ToString(), FlagSeverity.Critical, p.CaseworkerMissingSince!.Value,
                $"{Capital(PartyNames.Sv(p.Party))} är med i ärendet men har ingen handläggare sedan {p.CaseworkerMissingSince:yyyy-MM-dd} ({Days(p.CaseworkerMissingSince!.Value, today)} dagar).",
                $"{Capital(PartyNames.En(p.Party))} is on the case but has had no caseworker since {p.CaseworkerMissingSince:yyyy-MM-dd} ({Days(p.CaseworkerMissingSince!.Value, today)} days).")
            {
                Describes = [],
            });

    // (21) Caseworker changes, which the Danish BIP study found slow progress.
    private static IEnumerable<StallFinding> CaseworkerTurnover(StallFacts f, DateOnly today, RuleSettings s)
    {
        foreach (var party in f.Parties.Where(p => p.LeftOn is null))
        {
            var window = party.CaseworkerChanges.Where(c => c <= today && Days(c, today) < s.Days).ToList();
            if (window.Count >= Math.Max(1, s.Count))
            {
                yield return new StallFinding(StallRuleCodes.CaseworkerTurnover, party.Party.ToString(), FlagSeverity.Advice, window.Min(),
                    $"{Capital(PartyNames.Sv(party.Party))} har bytt handläggare {window.Count} gånger de senaste {s.Days} dagarna.",
                    $"{Capital(PartyNames.En(party.Party))} has changed caseworker {window.Count} times in the last {s.Days} days.") { Describes = [] };
            }
        }
    }

    // (24) Work stops when the project or season ends: an insats ends soon and nothing continues after it.
    private static IEnumerable<StallFinding> EndDateAhead(StallFacts f, DateOnly today, RuleSettings s)
    {
        foreach (var i in f.Interventions.Where(i => i.IsOpen && i.PlannedEnd is { } e && today >= e.AddDays(-s.Days) && today < e))
        {
            var end = i.PlannedEnd!.Value;
            if (f.Interventions.Any(j => j.Id != i.Id && j.IsOpen && !j.Void && (j.PlannedEnd is null || j.PlannedEnd > end)))
            {
                continue;
            }

            yield return new StallFinding(StallRuleCodes.EndDateAhead, i.Id.ToString(), FlagSeverity.Warning, end.AddDays(-s.Days),
                $"{Genitive(i.Party)} {InterventionCatalogue.NameOf(i.Party, i.Kind, null).ToLowerInvariant()} upphör {end:yyyy-MM-dd} (om {Days(today, end)} dagar) och inget annat är planerat som fortsätter efter det.",
                $"{i.Party}'s {i.Kind} ends on {end:yyyy-MM-dd} (in {Days(today, end)} days) and nothing else is planned to carry on after it.");
        }
    }

    private static string AreaSv(PlanArea area) => area switch
    {
        PlanArea.Arbete => "arbete", PlanArea.Studier => "studier", PlanArea.Halsa => "hälsa", PlanArea.Forsorjning => "försörjning",
        PlanArea.Boende => "boende", _ => "vardag",
    };

    private static string AreaEn(PlanArea area) => area switch
    {
        PlanArea.Arbete => "work", PlanArea.Studier => "studies", PlanArea.Halsa => "health", PlanArea.Forsorjning => "income",
        PlanArea.Boende => "housing", _ => "daily life",
    };

    private static string DecisionSv(BenefitDecisionKind kind) => kind switch
    {
        BenefitDecisionKind.Refused => "avslag", BenefitDecisionKind.Ended => "upphörande", BenefitDecisionKind.NoneForLackOfSgi => "ingen ersättning i brist på SGI",
        _ => "beviljande",
    };

    private static string BenefitSv(Benefit benefit) => benefit switch
    {
        Benefit.Sjukpenning => "sjukpenning", Benefit.Rehabiliteringspenning => "rehabiliteringspenning", Benefit.Aktivitetsersattning => "aktivitetsersättning",
        Benefit.Sjukersattning => "sjukersättning", Benefit.Aktivitetsstod => "aktivitetsstöd", Benefit.SgiStatus => "SGI", _ => "försörjningsstöd",
    };

    private static (string Sv, string En) LabelNames(EligibilityLabel label) => label switch
    {
        EligibilityLabel.KaaAge => ("det kommunala aktivitetsansvaret (KAA)", "the municipal activity responsibility (KAA)"),
        EligibilityLabel.ActivityCompensationAge => ("rätten till aktivitetsersättning", "the entitlement to activity compensation"),
        EligibilityLabel.EstablishmentPeriod => ("etableringstiden", "the establishment period"),
        EligibilityLabel.Lss => ("LSS-beslutet", "the LSS decision"),
        _ => ("en tidsbegränsad rätt", "a time-limited entitlement"),
    };

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
