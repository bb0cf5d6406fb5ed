namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>What opening a case asks of a request, whether it opens the case directly or converts a kännedom record.</summary>
public interface ICaseOpeningRequest
{
    /// <summary>Four-digit kommunkod.</summary>
    string? MunicipalityCode { get; }

    /// <summary>Target groups.</summary>
    IReadOnlyList<TargetGroup>? TargetGroups { get; }

    /// <summary>The opening party's unit.</summary>
    string? OpeningUnit { get; }

    /// <summary>Business date of the opening.</summary>
    DateOnly? OpenedOn { get; }
}

/// <summary>
/// Opening a case, for both ways a case is opened (<c>POST /cases</c> and <c>POST /awareness/{id}/convert</c>):
/// the same input rules and the same events, so the two cannot drift apart.
/// </summary>
internal static class CaseOpening
{
    /// <summary>The rules of the opening fields.</summary>
    internal sealed class Rules : AbstractValidator<ICaseOpeningRequest>
    {
        public Rules(BusinessCalendar calendar)
        {
            RuleFor(c => c.MunicipalityCode).MunicipalityCode();
            RuleFor(c => c.TargetGroups).NotEmpty().WithMessage("Give at least one target group.");
            RuleForEach(c => c.TargetGroups).IsInEnum();
            RuleFor(c => c.OpeningUnit).RequiredUnit();
            RuleFor(c => c.OpenedOn).HappenedIfGiven(calendar);
        }
    }

    /// <summary>
    /// Starts the case's stream with its opening events and any <paramref name="carried"/> over, free text
    /// sealed; returns the events. A case with no registered person gets its own text key first.
    /// </summary>
    public static async Task<IReadOnlyList<ICaseEvent>> StartAsync(IDocumentSession session, FreeTextSealer sealer, TextKeys keys,
        OpenCaseCommand command, Individuals.Individual? individual, IReadOnlyList<ICaseEvent> carried, CancellationToken ct)
    {
        command = command with { BirthDate = individual is null ? null : await BirthDate(keys, individual, ct) };
        if (command.IndividualId is null)
        {
            // Its free text is sealed under this key, stored before the opening commits.
            await sealer.CreateCaseKeyAsync(command.CaseId, ct);
        }

        IReadOnlyList<ICaseEvent> events = [.. CaseDecider.Decide(command, state: null), .. carried];
        events = await sealer.SealAsync(command.CaseId, command.IndividualId, events, ct);
        session.Events.StartStream<CaseFile>(command.CaseId, events.Cast<object>().ToArray());
        return events;
    }

    // Issue 14: the birth date is read from the person's sealed data only to derive the ends of
    // age-bound labels ("KAA ends on"); it never leaves this method. An erased person has none.
    private static async Task<DateOnly?> BirthDate(TextKeys keys, Individuals.Individual individual, CancellationToken ct)
    {
        if (individual.ErasedAt is not null || await keys.GetAsync(individual.Id, ct) is not { } key)
        {
            return null;
        }

        var data = System.Text.Json.JsonSerializer.Deserialize<Individuals.PersonalData>(
            PersonalDataProtector.Decrypt(key, individual.SealedData, individual.Id))!;
        return Domain.Individuals.Personnummer.TryParse(data.Personnummer, DateOnly.MaxValue, out var number, out _) ? number!.BirthDate : null;
    }
}
