using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.ExternalActors;

/// <summary>Body of <c>POST /api/v1/cases/{id}/external-actors</c>.</summary>
/// <param name="Kind">Bup, Habilitering, Lss, KomvuxSfi, Beroendevard, Skola or Other.</param>
/// <param name="Unit">The unit's name, e.g. "BUP Helsingborg" (an organisation, never a person).</param>
/// <param name="NamedOn">Business date; today when left out.</param>
public sealed record NameExternalActorRequest(ExternalActorKind? Kind, string? Unit, DateOnly? NamedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/external-actors/{actorId}/referrals</c>.</summary>
/// <param name="Kind">Remiss, BegaranOmUnderlag, Intyg or Konsultation.</param>
/// <param name="RespondBy">Answer asked for by, if any.</param>
/// <param name="SentOn">Business date; today when left out.</param>
public sealed record ReferToExternalActorRequest(ReferralKind? Kind, DateOnly? RespondBy, DateOnly? SentOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/external-referrals/{referralId}/answer</c>.</summary>
/// <param name="Accepted">Whether the actor took it on (or answered); false for a refusal.</param>
/// <param name="AnsweredOn">Business date of the answer; today when left out.</param>
public sealed record RecordExternalAnswerRequest(bool? Accepted, DateOnly? AnsweredOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/provider</c>.</summary>
/// <param name="ActorId">The external actor that carries out the insats.</param>
/// <param name="SetOn">Business date; today when left out.</param>
public sealed record SetInterventionProviderRequest(Guid? ActorId, DateOnly? SetOn);

/// <summary>Actors outside the förbund: named on a case, referred to, carrying out a party's insats; their waits count in the rules.</summary>
internal sealed class ExternalActorWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<NameExternalActorRequest>("external-actors", "NameExternalActor", "External actors", "Name an actor outside the förbund",
            "Names an actor outside the förbund that matters to the case (BUP, habilitering, LSS, Komvux/SFI, beroendevård, a school, other) with its unit. " +
            "It has no account: the party that works with it records what it was asked and what it answered. Give an organisation's name, never a person's.",
            (b, c) => new NameExternalActor(c.NewId(), b.Kind!.Value, b.Unit!.Trim(), b.NamedOn ?? c.Today) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Kind).RequiredEnum();
                v.RuleFor(b => b.Unit).RequiredUnit();
                v.RuleFor(b => b.NamedOn).HappenedIfGiven(calendar);
            })
        .Write<ReferToExternalActorRequest>("external-actors/{actorId:guid}/referrals", "ReferToExternalActor", "External actors",
            "Refer to an actor outside the förbund",
            "Records that the caller's party sent a referral or request to the external actor. The ExternalReferralUnanswered rule flags it when no answer is " +
            "recorded 30 days later or past respondBy; a referral to an actor serving a need's area counts as acting on the need (UnaddressedNeed).",
            (b, c) =>
            {
                // The actor first: the id answered is the new referral's, the last one read.
                var actor = c.Id("actorId");
                return new ReferToExternalActor(c.NewId(), actor, b.Kind!.Value, b.RespondBy, b.SentOn ?? c.Today) { By = c.By };
            },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Kind).RequiredEnum();
                v.RuleFor(b => b.RespondBy).PlannedDate(calendar);
                v.RuleFor(b => b.SentOn).HappenedIfGiven(calendar);
            })
        .Write<RecordExternalAnswerRequest>("external-referrals/{referralId:guid}/answer", "RecordExternalAnswer", "External actors",
            "Record an external actor's answer",
            "The sending party records the external actor's answer, once. Another party's external referral answers 404.",
            (b, c) => new RecordExternalAnswer(c.Id("referralId"), b.Accepted!.Value, b.AnsweredOn ?? c.Today) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Accepted).NotNull();
                v.RuleFor(b => b.AnsweredOn).HappenedIfGiven(calendar);
            })
        .Write<SetInterventionProviderRequest>("interventions/{interventionId:guid}/provider", "SetInterventionProvider", "External actors",
            "Name the external actor carrying out an insats",
            "An open insats of the caller's party is carried out by an actor outside the förbund (a Komvux course, a BUP assessment): its waiting and " +
            "running clocks are the insats's own (WaitingTooLong, NoActiveIntervention).",
            (b, c) => new SetInterventionProvider(c.Id("interventionId"), b.ActorId!.Value, b.SetOn ?? c.Today) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.ActorId).NotNull();
                v.RuleFor(b => b.SetOn).HappenedIfGiven(calendar);
            });
}
