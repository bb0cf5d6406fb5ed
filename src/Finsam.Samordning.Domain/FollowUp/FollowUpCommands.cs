using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.FollowUp;

/// <summary>Commands of the follow-up, decided by <see cref="FollowUpDecider"/>.</summary>
public abstract record FollowUpCommand : CaseCommand;

/// <summary>A follow-up command about one insats.</summary>
public abstract record ParticipantCommand : FollowUpCommand
{
    /// <summary>The insats the record is about.</summary>
    public abstract Guid InterventionId { get; }
}

/// <summary>Record participant data at the start of one of the actor's party's insatser.</summary>
/// <param name="Intervention">The insats.</param>
/// <param name="Sex">Sex.</param>
/// <param name="HomeMunicipality">Folkbokföringskommun.</param>
/// <param name="Education">Highest completed education.</param>
/// <param name="TimeOnSupport">Time on public support before.</param>
/// <param name="Before">Situation before.</param>
/// <param name="RecordedOn">Business date.</param>
public sealed record RecordParticipantStart(
    Guid Intervention, Sex Sex, string HomeMunicipality, EducationLevel Education, SupportDuration TimeOnSupport, ParticipantSituation Before,
    DateOnly RecordedOn) : ParticipantCommand
{
    /// <inheritdoc />
    public override Guid InterventionId => Intervention;
}

/// <summary>Record participant data at the end of one of the actor's party's insatser.</summary>
/// <param name="Intervention">The insats.</param>
/// <param name="End">How it ended.</param>
/// <param name="Reason">Why it was interrupted.</param>
/// <param name="After">Situation after (not for a registration in error).</param>
/// <param name="RecordedOn">Business date.</param>
public sealed record RecordParticipantEnd(
    Guid Intervention, ParticipantEnd End, InterruptionReason? Reason, ParticipantSituation? After, DateOnly RecordedOn) : ParticipantCommand
{
    /// <inheritdoc />
    public override Guid InterventionId => Intervention;
}
