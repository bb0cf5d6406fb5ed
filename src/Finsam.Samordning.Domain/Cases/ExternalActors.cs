namespace Finsam.Samordning.Domain.Cases;

// Actors outside the förbund (issue 14) and referrals to them.
// One area of the case: its events, commands and decisions, and the part of the decider's state
// they read. README, "How to add a command".

// Issue 14 item 2: actors outside the förbund (domain.md §5, mechanisms 17 and 25). They have no
// account: the party that works with them records what they were asked and what they answered, so
// their waits count in the clocks and rules.

/// <summary>Kinds of actor outside the förbund that a case can name (a fixed list).</summary>
public enum ExternalActorKind
{
    /// <summary>Barn- och ungdomspsykiatrin.</summary>
    Bup,
    /// <summary>Habiliteringen.</summary>
    Habilitering,
    /// <summary>LSS (the municipality's disability services).</summary>
    Lss,
    /// <summary>Komvux or SFI.</summary>
    KomvuxSfi,
    /// <summary>Beroendevård (addiction care).</summary>
    Beroendevard,
    /// <summary>A school.</summary>
    Skola,
    /// <summary>Another actor.</summary>
    Other,
}

/// <summary>An event about actors outside the förbund; folded into <see cref="ExternalActorsState"/>.</summary>
public interface IExternalActorEvent : ICaseEvent;

/// <summary>A party named an actor outside the förbund that matters to the case.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ActorId">The actor's id on this case.</param>
/// <param name="Kind">Kind of actor.</param>
/// <param name="Unit">The unit's name (e.g. "BUP Helsingborg"): an organisation, never a person.</param>
/// <param name="NamedBy">The party that named it.</param>
/// <param name="NamedOn">Business date.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record ExternalActorNamed(Guid CaseId, Guid ActorId, ExternalActorKind Kind, string Unit, PartyCode NamedBy, DateOnly NamedOn) : IExternalActorEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => NamedOn;
}

/// <summary>A party sent a referral or request to an actor outside the förbund.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="ActorId">The external actor.</param>
/// <param name="Kind">Kind of referral.</param>
/// <param name="From">The sending party (it records the answer too).</param>
/// <param name="RespondBy">Answer asked for by, if any.</param>
/// <param name="SentOn">Business date: the waiting clock starts.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record ExternalReferralSent(Guid CaseId, Guid ReferralId, Guid ActorId, ReferralKind Kind, PartyCode From, DateOnly? RespondBy, DateOnly SentOn)
    : IExternalActorEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => SentOn;
}

/// <summary>The sending party recorded the external actor's answer.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="ReferralId">Referral id.</param>
/// <param name="Accepted">Accepted (taken on, answered) or declined.</param>
/// <param name="AnsweredOn">Business date of the answer.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record ExternalReferralAnswered(Guid CaseId, Guid ReferralId, bool Accepted, DateOnly AnsweredOn) : IExternalActorEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AnsweredOn;
}

/// <summary>An insats of a party is carried out by an actor outside the förbund (a Komvux course, a BUP assessment).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">The insats.</param>
/// <param name="ActorId">The external actor.</param>
/// <param name="SetOn">Business date.</param>
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record InterventionProviderSet(Guid CaseId, Guid InterventionId, Guid ActorId, DateOnly SetOn) : IExternalActorEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => SetOn;
}

/// <summary>An external actor named on the case, as the decider needs it.</summary>
/// <param name="Id">Actor id.</param>
/// <param name="Kind">Kind.</param>
/// <param name="NamedOn">When named.</param>
public sealed record ExternalActorStatus(Guid Id, ExternalActorKind Kind, DateOnly NamedOn)
{
    /// <summary>The party that named it: it works with the actor, so it answers for the actor's plan actions.</summary>
    public PartyCode? NamedBy { get; init; }
}

/// <summary>A referral to an external actor, as the decider needs it.</summary>
/// <param name="Id">Referral id.</param>
/// <param name="From">The sending party.</param>
/// <param name="SentOn">When sent.</param>
/// <param name="Answered">Whether its answer was recorded.</param>
public sealed record ExternalReferralStatus(Guid Id, PartyCode From, DateOnly SentOn, bool Answered = false);

/// <summary>The decider's state of the case's external actors and referrals to them.</summary>
public sealed record ExternalActorsState
{
    /// <summary>Actors by id.</summary>
    public IReadOnlyDictionary<Guid, ExternalActorStatus> Actors { get; init; } = new Dictionary<Guid, ExternalActorStatus>();

    /// <summary>Referrals to them by id.</summary>
    public IReadOnlyDictionary<Guid, ExternalReferralStatus> Referrals { get; init; } = new Dictionary<Guid, ExternalReferralStatus>();

    /// <summary>Folds one event in.</summary>
    public ExternalActorsState Evolve(IExternalActorEvent @event) => @event switch
    {
        ExternalActorNamed e => this with { Actors = Actors.With(e.ActorId, new ExternalActorStatus(e.ActorId, e.Kind, e.NamedOn) { NamedBy = e.NamedBy }) },
        ExternalReferralSent e => this with { Referrals = Referrals.With(e.ReferralId, new ExternalReferralStatus(e.ReferralId, e.From, e.SentOn)) },
        ExternalReferralAnswered e => this with { Referrals = Referrals.With(e.ReferralId, Referrals[e.ReferralId] with { Answered = true }) },
        _ => this,
    };
}

/// <summary>Name an actor outside the förbund on the case.</summary>
public sealed record NameExternalActor(Guid ActorId, ExternalActorKind Kind, string Unit, DateOnly NamedOn) : CaseCommand;

/// <summary>Send a referral or request from the actor's party to an external actor.</summary>
public sealed record ReferToExternalActor(Guid ReferralId, Guid ActorId, ReferralKind Kind, DateOnly? RespondBy, DateOnly SentOn) : CaseCommand;

/// <summary>Record the external actor's answer to the actor's party's referral.</summary>
public sealed record RecordExternalAnswer(Guid ReferralId, bool Accepted, DateOnly AnsweredOn) : CaseCommand;

/// <summary>Record that an insats of the actor's party is carried out by an external actor.</summary>
public sealed record SetInterventionProvider(Guid InterventionId, Guid ActorId, DateOnly SetOn) : CaseCommand;

public static partial class CaseDecider
{
    private static IReadOnlyList<ICaseEvent>? DecideExternal(CaseCommand command, CaseState s) => command switch
    {
        NameExternalActor c => [Member(s, c.By, new ExternalActorNamed(s.Id, c.ActorId, c.Kind, c.Unit, c.By.Party, c.NamedOn))],
        ReferToExternalActor c => [Member(s, c.By, new ExternalReferralSent(s.Id, c.ReferralId, ExternalActor(s, c.ActorId, c.SentOn, "sentOn").Id, c.Kind,
            c.By.Party, c.RespondBy, c.SentOn))],
        RecordExternalAnswer c => ExternalAnswer(s, c),
        SetInterventionProvider c => ProviderSet(s, c),
        _ => null,
    };

    private static ExternalActorStatus ExternalActor(CaseState s, Guid id, DateOnly on, string field)
    {
        var actor = s.External.Actors.GetValueOrDefault(id) ?? throw new CaseEntryNotFound($"No external actor {id} on this case.");
        NotBefore(on, actor.NamedOn, field, "the day the actor was named");
        return actor;
    }

    private static IReadOnlyList<ICaseEvent> ExternalAnswer(CaseState s, RecordExternalAnswer c)
    {
        MustBeOnCase(s, c.By.Party);
        var referral = s.External.Referrals.GetValueOrDefault(c.ReferralId);
        if (referral is null || referral.From != c.By.Party)
        {
            // Only the sender records the answer; another party's referral is not the caller's business.
            throw new CaseEntryNotFound($"No external referral {c.ReferralId} of {c.By.Party} on this case.");
        }

        if (referral.Answered)
        {
            throw new CaseRuleViolation("referral.already-answered", "The external actor's answer is already recorded.");
        }

        NotBefore(c.AnsweredOn, referral.SentOn, "answeredOn", "the day it was sent");
        return [new ExternalReferralAnswered(s.Id, c.ReferralId, c.Accepted, c.AnsweredOn)];
    }

    private static IReadOnlyList<ICaseEvent> ProviderSet(CaseState s, SetInterventionProvider c)
    {
        ExternalActor(s, c.ActorId, c.SetOn, "setOn");
        return Transition(s, c.InterventionId, c.By, c.SetOn, "name the provider of",
            [InterventionState.Planned, InterventionState.Ongoing, InterventionState.Paused], id => new InterventionProviderSet(s.Id, id, c.ActorId, c.SetOn));
    }
}

public sealed partial record CaseState
{
    /// <summary>Actors outside the förbund and referrals to them (issue 14).</summary>
    public ExternalActorsState External { get; init; } = new();

    private static CaseState? EvolveExternal(CaseState s, ICaseEvent @event) => @event switch
    {
        IExternalActorEvent e => s with { External = s.External.Evolve(e) },
        _ => null,
    };
}
