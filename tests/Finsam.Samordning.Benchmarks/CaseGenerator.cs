using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Benchmarks;

/// <summary>
/// Realistic cases for benchmarks: two to four parties, parallel and sequential insatser, referrals
/// (some declined or unanswered), contacts with no-shows, consents, plans and SIP meetings, over
/// the year before <c>today</c>. Seeded, so runs are comparable.
/// </summary>
public sealed class CaseGenerator(int seed, DateOnly today)
{
    private static readonly PartyCode[] Parties = Enum.GetValues<PartyCode>();
    private static readonly TargetGroup[] Groups = Enum.GetValues<TargetGroup>();
    private readonly Random _random = new(seed);

    /// <summary>One case's events, in order.</summary>
    public (Guid Id, List<ICaseEvent> Events) Next()
    {
        var r = _random;
        var id = Guid.CreateVersion7();
        var opened = today.AddDays(-r.Next(10, 365));
        var age = today.DayNumber - opened.DayNumber;
        DateOnly Within(int from, int to) => opened.AddDays(Math.Min(age, r.Next(from, Math.Max(from + 1, to))));
        var events = new List<ICaseEvent>();
        var opener = Parties[r.Next(Parties.Length)];
        events.Add(new CaseOpened(id, null, r.Next(2) == 0 ? "1282" : "1214", [Groups[r.Next(Groups.Length)], Groups[r.Next(Groups.Length)]], opener, opened));
        events.Add(new PartyJoined(id, opener, $"{opener} enhet", $"{opener}-{r.Next(50)}", "Handläggare", opened));
        var parties = new List<PartyCode> { opener };
        foreach (var p in Parties.Where(p => p != opener).OrderBy(_ => r.Next()).Take(r.Next(1, 4)))
        {
            var referral = Guid.CreateVersion7();
            var sent = Within(0, 20);
            events.Add(new ReferralSent(id, referral, ReferralKind.Remiss, opener, p, "Remiss", sent.AddDays(10), sent));
            var roll = r.Next(10);
            if (roll < 7 && sent.AddDays(3) <= today)
            {
                events.Add(new ReferralAccepted(id, referral, sent.AddDays(r.Next(1, 12) is var d && sent.AddDays(d) <= today ? d : 0)));
                events.Add(new PartyJoined(id, p, $"{p} enhet", $"{p}-{r.Next(50)}", "Handläggare", events[^1].BusinessDate));
                parties.Add(p);
            }
            else if (roll < 9)
            {
                events.Add(new ReferralDeclined(id, referral, "Fel enhet", sent));
            }
        }

        if (r.Next(10) < 8)
        {
            events.Add(new ConsentRecorded(id, Guid.CreateVersion7(), [.. parties], r.Next(2) == 0, ConsentForm.Written, opened, opened.AddDays(364), opener, opened));
        }

        foreach (var p in parties.OrderBy(_ => r.Next()).Take(r.Next(1, parties.Count + 1)))
        {
            var insats = Guid.CreateVersion7();
            var kind = InterventionCatalogue.For(p)[0].Code;
            var planned = Within(0, 40);
            events.Add(new InterventionPlanned(id, insats, p, kind, null, planned, planned));
            var start = planned.AddDays(r.Next(0, 40));
            if (start > today || r.Next(10) == 0)
            {
                continue;
            }

            events.Add(new InterventionStarted(id, insats, start));
            var end = start.AddDays(r.Next(20, 200));
            if (end <= today)
            {
                events.Add(new InterventionCompleted(id, insats, InterventionEndReason.GoalReached, null, end));
            }
        }

        var contacts = r.Next(3, 13);
        for (var i = 0; i < contacts; i++)
        {
            var p = parties[r.Next(parties.Count)];
            events.Add(new ContactLogged(id, Guid.CreateVersion7(), p, (ContactKind)r.Next(5), r.Next(6) == 0, null, Within(0, age)));
        }

        if (parties.Count >= 2 && r.Next(10) < 6)
        {
            events.Add(new PlanLeadAssigned(id, parties[r.Next(parties.Count)], Within(5, 30)));
        }

        if (r.Next(10) < 4 && age > 30)
        {
            var meeting = Guid.CreateVersion7();
            var on = Within(15, 30);
            events.Add(new SipMeetingScheduled(id, meeting, on, [.. parties], on.AddDays(-5), parties[0]));
            events.Add(new SipMeetingHeld(id, meeting, on, [.. parties], r.Next(4) > 0, "Beslut", on.AddDays(42)));
            events.Add(new ActionPlanned(id, Guid.CreateVersion7(), "Åtgärd", parties[0], null, on.AddDays(20), on, parties[0]));
        }

        if (r.Next(10) < 3)
        {
            events.Add(new WorkCapacityAssessed(id, Guid.CreateVersion7(), parties[0], (WorkCapacityConclusion)r.Next(5), null, Within(0, age)));
        }

        if (r.Next(10) < 2)
        {
            events.Add(new BenefitDecisionRecorded(id, Guid.CreateVersion7(), PartyCode.SOC, Benefit.Forsorjningsstod, BenefitDecisionKind.Granted, opened, null, opened));
        }

        // Business dates in order, as handläggare would have logged them; close some cases at the end.
        var ordered = events.Take(2).Concat(events.Skip(2).OrderBy(e => e.BusinessDate)).ToList();
        if (r.Next(10) < 2)
        {
            var last = ordered.Max(e => e.BusinessDate);
            foreach (var open in OpenInsatser(ordered))
            {
                ordered.Add(new InterventionCancelled(id, open, InterventionCancelReason.CaseClosed, null, last));
            }

            ordered.Add(new CaseClosed(id, CaseOutcome.Arbete, null, last));
        }

        return (id, ordered);
    }

    private static IEnumerable<Guid> OpenInsatser(IEnumerable<ICaseEvent> events)
    {
        var open = new HashSet<Guid>();
        foreach (var e in events)
        {
            switch (e)
            {
                case InterventionPlanned p: open.Add(p.InterventionId); break;
                case InterventionCompleted c: open.Remove(c.InterventionId); break;
                case InterventionCancelled c: open.Remove(c.InterventionId); break;
            }
        }

        return open;
    }
}
