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

    /// <summary>
    /// The overview as the reader may see it: other parties' entries are left out before any
    /// figure is computed (totals, no-shows, parallelism, follow-ups), so no figure leaks what the
    /// entries would; what was left out is counted in markers.
    /// </summary>
    public (CaseOverview Visible, IReadOnlyList<WithheldMarker> Withheld) Overview(CaseOverview o, CurrentUser reader, IReadOnlyList<OverviewConsent> currentConsents)
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
        var visible = o with
        {
            TargetGroups = seesCase ? o.TargetGroups : [],
            Parties = [.. o.Parties.Select(p => CanSee(reader, p.Party, currentConsents) ? p : p with { LeaveReason = p.LeaveReason is null ? null : WithheldMarker.Text })],
            Interventions = Keep("interventions", o.Interventions, i => i.Party),
            Referrals = Keep("referrals", o.Referrals, r => r.From, r => reader.Party == r.To),
            Needs = Keep("needs", o.Needs, n => n.IdentifiedBy),
            Goals = Keep("goals", o.Goals, g => g.RecordedBy),
            Actions = Keep("actions", o.Actions, a => a.PlannedBy, a => reader.Party is { } p && a.ResponsibleParty == p),
            Meetings = Keep("sipMeetings", o.Meetings, m => m.ScheduledBy, m => reader.Party is { } p && m.InvitedParties.Contains(p)),
            Contacts = Keep("contacts", o.Contacts, c => c.Party),
            Assessments = Keep("assessments", o.Assessments, a => a.Party),
            BenefitDecisions = Keep("benefitDecisions", o.BenefitDecisions, b => b.Party),
            Flags = [.. o.Flags.Select(f => Flag(f, reader, currentConsents))],
        };
        if (!seesCase && o.TargetGroups.Count > 0)
        {
            withheld.Add(new WithheldMarker("targetGroups", o.TargetGroups.Count, WithheldMarker.Text));
        }

        return (visible, withheld);
    }

    /// <summary>
    /// A flag as the reader may see it: that it exists, its rule and severity always; its reason
    /// and note only when the reader may see the entries behind it (a concern: its raiser's; a
    /// rule's finding, which may describe any party's entries: an active consent covering the reader).
    /// </summary>
    public OpenFlag Flag(OpenFlag flag, CurrentUser reader, IReadOnlyList<OverviewConsent> consents)
    {
        var sees = flag.IsManual
            ? CanSee(reader, flag.RaisedBy, consents)
            : (reader.Party is { } party && Covers(consents, c => c.Parties.Contains(party)))
              || (reader.Role == Roles.Samverkansledare && Covers(consents, c => c.CoversForbund));
        return sees ? flag : flag with { Reason = WithheldMarker.Text, ReasonEn = WithheldMarker.Text, AcknowledgeNote = null, Subject = "" };
    }

    /// <summary>A case in a list: target groups and other parties' ongoing insatser only where the reader may see them.</summary>
    public CaseListItem ListItem(CaseSummary s, CurrentUser reader, DateOnly today)
    {
        var consents = ConsentsOf(s.Facts);
        var item = CaseListItem.From(s, today);
        return item with
        {
            TargetGroups = CanSeeCase(reader, s.Parties, consents) ? item.TargetGroups : [],
            PartiesWithOngoingInsats = [.. item.PartiesWithOngoingInsats.Where(p => CanSee(reader, p, consents))],
        };
    }

    /// <summary>The consents the stall facts keep, in the filter's terms.</summary>
    public static IReadOnlyList<OverviewConsent> ConsentsOf(Domain.Stalls.StallFacts facts) =>
    [
        .. facts.Consents.Select(c => new OverviewConsent(c.Id, c.Parties ?? [], c.CoversForbund, ConsentForm.Written, c.ValidFrom, c.ValidUntil,
            PartyCode.SOC, c.RevokedFrom)),
    ];

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
        return consents.Any(c => who(c) && c.ActiveOn(today));
    }
}
