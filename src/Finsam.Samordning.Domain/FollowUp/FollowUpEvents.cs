using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.FollowUp;

/// <summary>An event of the follow-up: recorded on the case, about one insats, by its party.</summary>
public interface IFollowUpEvent : ICaseEvent
{
    /// <summary>The insats the record is about.</summary>
    Guid InterventionId { get; }
}

/// <summary>
/// Participant data at the start of an insats (SUS start registration). No free text: everything is a
/// code, so nothing needs sealing and every field can be counted.
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">The insats.</param>
/// <param name="Party">The insats' party, which records it.</param>
/// <param name="Sex">Sex, as SUS counts it.</param>
/// <param name="HomeMunicipality">Folkbokföringskommun (four-digit code).</param>
/// <param name="Education">Highest completed education.</param>
/// <param name="TimeOnSupport">Time on public support before the insats.</param>
/// <param name="Before">Income sources and occupation before the insats.</param>
/// <param name="RecordedOn">Business date of the record.</param>
// Follow-up records belong with the insats they describe.
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record ParticipantStartRecorded(
    Guid CaseId, Guid InterventionId, PartyCode Party, Sex Sex, string HomeMunicipality, EducationLevel Education, SupportDuration TimeOnSupport,
    ParticipantSituation Before, DateOnly RecordedOn) : IFollowUpEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => RecordedOn;
}

/// <summary>Participant data at the end of an insats (SUS end registration).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">The insats.</param>
/// <param name="Party">The insats' party, which records it.</param>
/// <param name="End">Completed, interrupted or registered in error.</param>
/// <param name="Reason">Why it was interrupted (only for <see cref="ParticipantEnd.Interrupted"/>).</param>
/// <param name="After">Income sources and occupation after the insats (none for a registration in error).</param>
/// <param name="RecordedOn">Business date of the record.</param>
// Follow-up records belong with the insats they describe.
[SecretAs(InformationCategory.InterventionsAndReferrals)]
public sealed record ParticipantEndRecorded(
    Guid CaseId, Guid InterventionId, PartyCode Party, ParticipantEnd End, InterruptionReason? Reason, ParticipantSituation? After,
    DateOnly RecordedOn) : IFollowUpEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => RecordedOn;
}
