namespace Finsam.Samordning.Domain.Cases;

// Issue 14 ("nobody left unnoticed"): facts the between-chairs rules need that no earlier event held.

/// <summary>A label the person's help depends on, whose end is known (domain.md §5, mechanism 16).</summary>
public enum EligibilityLabel
{
    /// <summary>Kommunala aktivitetsansvaret: ends on the person's 20th birthday.</summary>
    KaaAge,
    /// <summary>Aktivitetsersättning: paid at most up to the month before the person turns 30.</summary>
    ActivityCompensationAge,
    /// <summary>The newly arrived's establishment period (etableringsprogrammet, 24 months).</summary>
    EstablishmentPeriod,
    /// <summary>An LSS decision with an end date.</summary>
    Lss,
    /// <summary>Another time-limited label (a project place, a decision).</summary>
    Other,
}

/// <summary>
/// The day a label the person's help depends on ends ("KAA ends on"). Derived from the birth date
/// when the case is opened for a registered person (the birth date itself never enters the case),
/// or recorded by the party that knows it.
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Label">The label.</param>
/// <param name="EndsOn">The first day the label no longer applies.</param>
/// <param name="RecordedBy">The party that recorded or derived it.</param>
/// <param name="RecordedOn">Business date.</param>
public sealed record EligibilityEndRecorded(Guid CaseId, EligibilityLabel Label, DateOnly EndsOn, PartyCode RecordedBy, DateOnly RecordedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => RecordedOn;
}

/// <summary>
/// A party's caseworker stopped carrying the case (moved on, left the job) and nobody carries it
/// yet at that party; a later <see cref="CaseworkerAssigned"/> ends the gap (mechanism 21).
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Party">The party left without a caseworker.</param>
/// <param name="ReleasedOn">Business date.</param>
public sealed record CaseworkerReleased(Guid CaseId, PartyCode Party, DateOnly ReleasedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => ReleasedOn;
}

/// <summary>The planned end of an insats (a project or season that ends), recorded after it was planned (mechanism 24).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="InterventionId">Insats id.</param>
/// <param name="PlannedEnd">The day it is known to end.</param>
/// <param name="RecordedOn">Business date.</param>
public sealed record InterventionEndScheduled(Guid CaseId, Guid InterventionId, DateOnly PlannedEnd, DateOnly RecordedOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => RecordedOn;
}

/// <summary>Labels whose end follows from the birth date, derived when a case is opened for a registered person.</summary>
public static class EligibilityLabels
{
    /// <summary>
    /// The label ends that follow from <paramref name="birthDate"/> on <paramref name="openedOn"/>:
    /// KAA ends on the 20th birthday (for a person under 20); aktivitetsersättning ends on the first
    /// day of the month of the 30th birthday (for a person under 30 in the ActivityCompensation group).
    /// </summary>
    public static IReadOnlyList<(EligibilityLabel Label, DateOnly EndsOn)> Derive(DateOnly birthDate, IReadOnlyList<TargetGroup> groups, DateOnly openedOn)
    {
        var result = new List<(EligibilityLabel, DateOnly)>();
        var twenty = birthDate.AddYears(20);
        if (openedOn < twenty)
        {
            result.Add((EligibilityLabel.KaaAge, twenty));
        }

        var thirty = birthDate.AddYears(30);
        var activityEnds = new DateOnly(thirty.Year, thirty.Month, 1);
        if (groups.Contains(TargetGroup.ActivityCompensation) && openedOn < activityEnds)
        {
            result.Add((EligibilityLabel.ActivityCompensationAge, activityEnds));
        }

        return result;
    }
}
