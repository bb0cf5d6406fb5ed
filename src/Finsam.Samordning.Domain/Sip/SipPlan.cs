using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Secrecy;

namespace Finsam.Samordning.Domain.Sip;

/// <summary>Which kind of huvudman a party is: the SIP law binds municipality and region; the state's agencies take part beside them.</summary>
public enum Huvudman
{
    /// <summary>The municipality (socialtjänst, KAA, arbetsmarknadsenhet).</summary>
    Kommun,
    /// <summary>The region (vårdcentral, psykiatri).</summary>
    Region,
    /// <summary>A state agency (Arbetsförmedlingen, Försäkringskassan).</summary>
    Staten,
}

/// <summary>An insats in the plan, with its dates.</summary>
/// <param name="Id">Insats id.</param>
/// <param name="Name">What it is.</param>
/// <param name="State">Where it stands.</param>
/// <param name="PlannedStart">When it was to start.</param>
/// <param name="StartedOn">When it started.</param>
/// <param name="EndedOn">When it ended.</param>
public sealed record SipPlanInsats(Guid Id, string Name, InterventionState State, DateOnly PlannedStart, DateOnly? StartedOn, DateOnly? EndedOn);

/// <summary>An action in the plan: who does what by when.</summary>
/// <param name="Id">Action id.</param>
/// <param name="Description">What is to be done.</param>
/// <param name="DueOn">By when.</param>
/// <param name="Done">Completed.</param>
/// <param name="Overdue">Open and past its due date.</param>
/// <param name="Responsible">Who does it, in words: a party, "personen själv", or an outside participant's name and role.</param>
public sealed record SipPlanAction(Guid Id, string Description, DateOnly DueOn, bool Done, bool Overdue, string Responsible);

/// <summary>What one party answers for in the plan.</summary>
/// <param name="Party">Party code.</param>
/// <param name="Name">The party's name.</param>
/// <param name="Huvudman">Municipality, region or state.</param>
/// <param name="Unit">The unit that carries the case.</param>
/// <param name="Caseworker">The caseworker.</param>
/// <param name="PlanLead">Whether it is planeringsansvarig.</param>
/// <param name="Insatser">Its insatser, planned, ongoing and paused first.</param>
/// <param name="Actions">Its open and done actions.</param>
/// <param name="Needs">The needs it answers for.</param>
public sealed record SipPlanParty(PartyCode Party, string Name, Huvudman Huvudman, string Unit, string Caseworker, bool PlanLead,
    IReadOnlyList<SipPlanInsats> Insatser, IReadOnlyList<SipPlanAction> Actions, IReadOnlyList<string> Needs);

/// <summary>A need the plan is to meet.</summary>
/// <param name="Id">Need id.</param>
/// <param name="Area">Life area.</param>
/// <param name="Description">The need.</param>
/// <param name="ResponsibleParty">The party that answers for it, if agreed.</param>
/// <param name="ResolvedOn">When it was met.</param>
public sealed record SipPlanNeed(Guid Id, PlanArea Area, string Description, PartyCode? ResponsibleParty, DateOnly? ResolvedOn);

/// <summary>A goal, in the person's own words or the professionals'.</summary>
/// <param name="Id">Goal id.</param>
/// <param name="Area">Life area.</param>
/// <param name="Text">The goal.</param>
/// <param name="TargetOn">When it should be reached.</param>
/// <param name="State">Active, achieved or abandoned.</param>
public sealed record SipPlanGoal(Guid Id, PlanArea Area, string Text, DateOnly? TargetOn, GoalState State);

/// <summary>A SIP meeting as the plan states it.</summary>
/// <param name="Id">Meeting id.</param>
/// <param name="On">The meeting's date.</param>
/// <param name="Form">In person, video or phone.</param>
/// <param name="Place">Where.</param>
/// <param name="Parties">Parties that took part (held) or are invited (coming).</param>
/// <param name="IndividualTookPart">Whether the person took part (held) or is invited (coming).</param>
/// <param name="Others">Others at the table: name and role.</param>
/// <param name="Decisions">What was agreed (held meetings).</param>
public sealed record SipPlanMeeting(Guid Id, DateOnly On, MeetingForm Form, string? Place, IReadOnlyList<PartyCode> Parties, bool IndividualTookPart,
    IReadOnlyList<OutsideParticipant> Others, string? Decisions);

/// <summary>A consent in force on the plan's date.</summary>
/// <param name="Id">Consent id.</param>
/// <param name="Parties">Parties it names.</param>
/// <param name="Form">Written or oral.</param>
/// <param name="GivenOn">When given.</param>
/// <param name="ValidUntil">Last day, if limited.</param>
public sealed record SipPlanConsent(Guid Id, IReadOnlyList<PartyCode> Parties, ConsentForm Form, DateOnly GivenOn, DateOnly? ValidUntil);

/// <summary>Something the plan lacks, by code, in Swedish.</summary>
/// <param name="Code">Stable code: no-plan-lead, no-follow-up, follow-up-overdue, no-needs, need-without-responsible, no-individual-goal, no-consent.</param>
/// <param name="Text">What is missing, in Swedish.</param>
public sealed record SipPlanGap(string Code, string Text);

/// <summary>
/// The SIP document (samordnad individuell plan) as it stood on a date: every element SoL 2 kap. 7 §
/// and HSL 16 kap. 4 § ask for, built from the overview the reader may see, so it is under exactly the
/// overview's secrecy rules.
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Version">Stream version it was built from.</param>
/// <param name="AsOf">The plan's date.</param>
/// <param name="Status">Open or closed.</param>
/// <param name="PlanLead">Planeringsansvarig: the party with overall responsibility.</param>
/// <param name="PlanLeadSince">Since when.</param>
/// <param name="Needs">The person's needs, and who answers for each.</param>
/// <param name="Parties">What each party answers for: its insatser and actions with dates (municipality and region first, then the state's agencies).</param>
/// <param name="PersonsActions">What the person does.</param>
/// <param name="OthersActions">What others than the parties do (närstående, school, another unit).</param>
/// <param name="IndividualGoals">The person's own goals.</param>
/// <param name="ProfessionalGoals">The professionals' goals, beside them.</param>
/// <param name="LastMeeting">The last meeting held, with who was there.</param>
/// <param name="NextMeeting">The next meeting called.</param>
/// <param name="FollowUpOn">When the plan is followed up: the next meeting or the agreed follow-up date.</param>
/// <param name="Consents">Consents in force.</param>
/// <param name="Missing">What the plan lacks; empty when complete.</param>
/// <param name="Withheld">What the reader may not see; the plan is partial when this is not empty.</param>
public sealed record SipPlanDocument(
    Guid CaseId, long Version, DateOnly AsOf, CaseStatus Status, PartyCode? PlanLead, DateOnly? PlanLeadSince,
    IReadOnlyList<SipPlanNeed> Needs, IReadOnlyList<SipPlanParty> Parties, IReadOnlyList<SipPlanAction> PersonsActions,
    IReadOnlyList<SipPlanAction> OthersActions, IReadOnlyList<SipPlanGoal> IndividualGoals, IReadOnlyList<SipPlanGoal> ProfessionalGoals,
    SipPlanMeeting? LastMeeting, SipPlanMeeting? NextMeeting, DateOnly? FollowUpOn, IReadOnlyList<SipPlanConsent> Consents,
    IReadOnlyList<SipPlanGap> Missing, IReadOnlyList<WithheldMarker> Withheld)
{
    /// <summary>Nothing the law and guidance ask for is missing.</summary>
    public bool Complete => Missing.Count == 0;
}

/// <summary>Builds the SIP document and "Min plan" from an overview already filtered for its reader.</summary>
public static class SipPlan
{
    /// <summary>The huvudman a party belongs to.</summary>
    public static Huvudman HuvudmanOf(PartyCode party) => party switch
    {
        PartyCode.SOC or PartyCode.KAA or PartyCode.AME => Huvudman.Kommun,
        PartyCode.VC or PartyCode.PSY => Huvudman.Region,
        _ => Huvudman.Staten,
    };

    /// <summary>A party's name as the plan writes it: "Socialtjänsten", "Vårdcentralen".</summary>
    public static string Name(PartyCode party)
    {
        var name = Stalls.PartyNames.Sv(party);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>The SIP document of <paramref name="o"/>, as it stood on its date.</summary>
    public static SipPlanDocument From(CaseOverviewResponse o)
    {
        string Who(OverviewAction a) =>
            a.ResponsibleParty is { } p ? Name(p)
            : a.ResponsibleOther is { } other ? $"{other.Name} ({other.Role})"
            : a.ResponsibleActorId is { } id ? o.ExternalActors.FirstOrDefault(x => x.Id == id) is { } actor ? $"{actor.Unit} ({Stalls.PartyNames.Sv(actor.Kind)})" : "En aktör utanför förbundet"
            : "Personen själv";
        SipPlanAction Action(ActionView a) =>
            new(a.Action.Id, a.Action.Description, a.Action.DueOn, a.Action.CompletedOn is not null, a.Overdue, Who(a.Action));
        var actions = o.Plan.Actions.Where(a => a.Action.DroppedOn is null).ToList();
        var active = o.Parties.Where(p => p.LeftOn is null).ToList();

        var parties = active
            .OrderBy(p => HuvudmanOf(p.Party)).ThenBy(p => p.Party)
            .Select(p => new SipPlanParty(p.Party, Name(p.Party), HuvudmanOf(p.Party), p.Unit, p.CaseworkerName, o.PlanLead == p.Party,
                [.. o.Interventions.Where(i => i.Insats.Party == p.Party && i.Insats.State != InterventionState.Cancelled)
                    .OrderBy(i => i.Insats.State is InterventionState.Completed).ThenBy(i => i.Insats.PlannedStart)
                    .Select(i => new SipPlanInsats(i.Insats.Id, i.Insats.Name, i.Insats.State, i.Insats.PlannedStart, i.Insats.StartedOn, i.Insats.EndedOn))],
                [.. actions.Where(a => a.Action.ResponsibleParty == p.Party).Select(Action)],
                [.. o.Plan.Needs.Where(n => n.ResponsibleParty == p.Party && n.ResolvedOn is null).Select(n => n.Description)]))
            .ToList();

        var held = o.Sip.LastMeeting;
        var next = o.Sip.NextMeeting;
        var followUp = Earliest(next?.MeetingOn, held?.NextFollowUpOn is { } f && f >= o.AsOf ? f : null) ?? held?.NextFollowUpOn;
        var consents = o.Consents.Where(c => c.Active).Select(c => c.Consent)
            .Select(c => new SipPlanConsent(c.Id, c.Parties, c.Form, c.GivenOn, c.ValidUntil)).ToList();
        var openNeeds = o.Plan.Needs.Where(n => n.ResolvedOn is null).ToList();

        var missing = new List<SipPlanGap>();
        if (o.PlanLead is null)
        {
            missing.Add(new("no-plan-lead", "Ingen planeringsansvarig är utsedd: ingen har det samlade ansvaret för planen."));
        }

        if (followUp is null)
        {
            missing.Add(new("no-follow-up", "Inget datum för uppföljning är satt."));
        }
        else if (o.Sip.FollowUpOverdue && o.Status == CaseStatus.Open && next is null)
        {
            missing.Add(new("follow-up-overdue", $"Uppföljningen skulle ha skett {followUp:yyyy-MM-dd} och inget nytt möte är kallat."));
        }

        if (o.Plan.Needs.Count == 0)
        {
            missing.Add(new("no-needs", "Personens behov är inte beskrivna."));
        }

        missing.AddRange(openNeeds.Where(n => n.ResponsibleParty is null)
            .Select(n => new SipPlanGap("need-without-responsible", $"Ingen svarar för behovet \"{n.Description}\".")));

        if (o.Plan.IndividualGoals.Count == 0)
        {
            missing.Add(new("no-individual-goal", "Personens egna mål saknas."));
        }

        if (consents.Count == 0)
        {
            missing.Add(new("no-consent", "Inget samtycke gäller: en SIP förutsätter personens samtycke."));
        }

        static SipPlanGoal Goal(OverviewGoal g) => new(g.Id, g.Area, g.Text, g.TargetOn, g.State);
        return new SipPlanDocument(
            o.CaseId, o.Version, o.AsOf, o.Status, o.PlanLead, o.PlanLeadSince,
            [.. o.Plan.Needs.Select(n => new SipPlanNeed(n.Id, n.Area, n.Description, n.ResponsibleParty, n.ResolvedOn))],
            parties,
            [.. actions.Where(a => a.Action.IndividualResponsible).Select(Action)],
            [.. actions.Where(a => a.Action.ResponsibleParty is null && (a.Action.ResponsibleOther is not null || a.Action.ResponsibleActorId is not null)).Select(Action)],
            [.. o.Plan.IndividualGoals.Select(Goal)],
            [.. o.Plan.ProfessionalGoals.Select(Goal)],
            held is null ? null : new SipPlanMeeting(held.Id, held.HeldOn!.Value, held.Form, held.Place, held.Participants ?? [], held.IndividualTookPart ?? false,
                held.OthersPresent, held.Decisions),
            next is null ? null : new SipPlanMeeting(next.Id, next.MeetingOn, next.Form, next.Place, next.InvitedParties, next.IndividualInvited, next.OthersInvited, null),
            followUp, consents, missing, o.Withheld ?? []);
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
