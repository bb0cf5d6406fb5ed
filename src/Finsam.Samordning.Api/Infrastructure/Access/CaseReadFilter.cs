using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Api.Infrastructure.Access;

/// <summary>What a reader was not shown, so nobody mistakes silence for inactivity.</summary>
/// <param name="Category">Which kind of entries (interventions, contacts, ...).</param>
/// <param name="Count">How many.</param>
/// <param name="Message">"Another party has entries you may not see."</param>
public sealed record WithheldMarker(string Category, int Count, string Message)
{
    /// <summary>The marker text, in Swedish and English.</summary>
    public const string Text = "En annan part har uppgifter som du inte får se. / Another party has entries you may not see.";
}

/// <summary>
/// Secrecy between authorities is the rule, the person's consent the exception. The one place
/// that decides what a reader of a case may see: a party always sees what it recorded itself;
/// another party's entries only while an active consent covers the reading party; the
/// samverkansledare only where an active consent covers the förbund. Consent is judged as it
/// stands today (also for asOf views): revoking closes sharing at once.
/// </summary>
public sealed class CaseReadFilter(BusinessCalendar calendar)
{
    /// <summary>Whether the caller may see entries recorded by <paramref name="owner"/> (null: by the förbund or the system).</summary>
    public bool CanSee(CurrentUser reader, PartyCode? owner, IReadOnlyList<OverviewConsent> consents)
    {
        if (owner is null)
        {
            return true;
        }

        if (reader.Party is { } party && (party == owner || Covers(consents, c => c.Parties.Contains(party))))
        {
            return true;
        }

        return reader.Role == Roles.Samverkansledare && Covers(consents, c => c.CoversForbund);
    }

    /// <summary>
    /// Whether the caller may see the case's own particulars (target groups): parties that are or
    /// were on the case, and those an active consent covers.
    /// </summary>
    public bool CanSeeCase(CurrentUser reader, IEnumerable<PartyCode> partiesEverOnCase, IReadOnlyList<OverviewConsent> consents) =>
        (reader.Party is { } party && (partiesEverOnCase.Contains(party) || Covers(consents, c => c.Parties.Contains(party))))
        || (reader.Role == Roles.Samverkansledare && Covers(consents, c => c.CoversForbund));

    /// <summary>The overview with other parties' entries replaced by markers.</summary>
    public CaseOverviewResponse Overview(CaseOverviewResponse o, CurrentUser reader, IReadOnlyList<OverviewConsent> currentConsents)
    {
        var withheld = new List<WithheldMarker>();
        IReadOnlyList<T> Keep<T>(string category, IReadOnlyList<T> items, Func<T, PartyCode?> owner, Func<T, bool>? alsoIf = null)
        {
            var visible = items.Where(i => CanSee(reader, owner(i), currentConsents) || (alsoIf?.Invoke(i) ?? false)).ToList();
            if (visible.Count < items.Count)
            {
                withheld.Add(new WithheldMarker(category, items.Count - visible.Count, WithheldMarker.Text));
            }

            return visible;
        }

        var seesCase = CanSeeCase(reader, o.Parties.Select(p => p.Party), currentConsents);
        var contacts = Keep("contacts", o.Contacts.Recent, c => c.Party);
        var filtered = o with
        {
            TargetGroups = seesCase ? o.TargetGroups : [],
            Interventions = Keep("interventions", o.Interventions, i => i.Insats.Party),
            Referrals = Keep("referrals", o.Referrals, r => r.Referral.From, r => reader.Party == r.Referral.To),
            Plan = o.Plan with
            {
                Needs = Keep("needs", o.Plan.Needs, n => n.IdentifiedBy),
                IndividualGoals = Keep("goals", o.Plan.IndividualGoals, g => g.RecordedBy),
                ProfessionalGoals = Keep("goals", o.Plan.ProfessionalGoals, g => g.RecordedBy),
                Actions = Keep("actions", o.Plan.Actions, a => a.Action.PlannedBy, a => reader.Party is { } p && a.Action.ResponsibleParty == p),
            },
            Sip = o.Sip with
            {
                Meetings = Keep("sipMeetings", o.Sip.Meetings, m => m.ScheduledBy, m => reader.Party is { } p && m.InvitedParties.Contains(p)),
            },
            Contacts = o.Contacts with { Recent = contacts },
            Assessments = Keep("assessments", o.Assessments, a => a.Party),
            BenefitDecisions = Keep("benefitDecisions", o.BenefitDecisions, b => b.Party),
            Flags = seesCase ? o.Flags : [],
        };
        if (!seesCase && o.TargetGroups.Count > 0)
        {
            withheld.Add(new WithheldMarker("targetGroups", o.TargetGroups.Count, WithheldMarker.Text));
        }

        if (filtered.Sip.LastMeeting is { } last && !filtered.Sip.Meetings.Any(m => m.Id == last.Id))
        {
            filtered = filtered with { Sip = filtered.Sip with { LastMeeting = null, NextMeeting = null, NextFollowUpOn = null } };
        }

        return filtered with { Withheld = [.. withheld.GroupBy(w => w.Category).Select(g => new WithheldMarker(g.Key, g.Sum(w => w.Count), WithheldMarker.Text))] };
    }

    /// <summary>Case details with the target groups withheld from readers not entitled to them.</summary>
    public CaseDetails Details(CaseDetails d, CurrentUser reader, IReadOnlyList<OverviewConsent> consents) =>
        CanSeeCase(reader, d.Parties.Select(p => p.Party), consents) ? d : d with { TargetGroups = [], TargetGroupsWithheld = true };

    /// <summary>History with other parties' events reduced to "something was recorded".</summary>
    public IReadOnlyList<CaseHistoryEntry> History(IReadOnlyList<CaseHistoryEntry> history, CurrentUser reader, IReadOnlyList<OverviewConsent> consents) =>
    [
        .. history.Select(h => CanSee(reader, Enum.TryParse<PartyCode>(h.RecordedBy.Party, out var p) ? p : null, consents)
            ? h
            : h with { Type = "Withheld", BusinessDate = null, RecordedBy = new RecordedBy(null, null) }),
    ];

    private bool Covers(IReadOnlyList<OverviewConsent> consents, Func<OverviewConsent, bool> who)
    {
        var today = calendar.Today;
        return consents.Any(c => who(c) && new ConsentStatus(c.Id, c.Parties, c.CoversForbund, c.ValidFrom, c.ValidUntil, c.RevokedFrom).ActiveOn(today));
    }
}
