using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.FollowUp;
using Marten;

namespace Finsam.Samordning.Api.Features.FollowUp;

/// <summary>The <c>Finsam:FollowUp</c> configuration section.</summary>
public sealed class FollowUpOptions
{
    /// <summary>Counts from 1 below this are suppressed in every published table (the förbund's own threshold; 5 as in published Swedish tables).</summary>
    public int SuppressionThreshold { get; set; } = 5;

    /// <summary>Months from one progress questionnaire to the next (BIP asked every three).</summary>
    public int QuestionnaireIntervalMonths { get; set; } = 3;

    /// <summary>Days after the due date before a questionnaire counts as overdue.</summary>
    public int QuestionnaireGraceDays { get; set; } = 14;
}

/// <summary>What the follow-up reads of one case file.</summary>
/// <param name="Id">Case id.</param>
/// <param name="IndividualId">The individual, if registered.</param>
/// <param name="FollowUp">The follow-up facts.</param>
/// <param name="Consents">The case's consents.</param>
public sealed record FollowUpRow(Guid Id, Guid? IndividualId, FollowUpFacts FollowUp, IReadOnlyList<Consent> Consents);

/// <summary>Reads the follow-up facts of every case, and the anonymous counts.</summary>
/// <param name="session">The request's session.</param>
public sealed class FollowUpReader(IQuerySession session)
{
    /// <summary>
    /// The follow-up part of every case file (not the overview nor the decider's state). A file
    /// written before the facts existed is folded from its events once here, so no case is left out.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpRow>> CasesAsync(CancellationToken ct)
    {
        var rows = await session.Query<CaseFile>()
            .Select(c => new FollowUpRow(c.Id, c.IndividualId, c.FollowUp, c.Overview.Consents))
            .ToListAsync(ct);
        var result = new List<FollowUpRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row.FollowUp is null || row.FollowUp.CaseId == Guid.Empty)
            {
                var events = await session.Events.FetchStreamAsync(row.Id, token: ct);
                var facts = events.Select(e => e.Data).OfType<ICaseEvent>().Aggregate((FollowUpFacts?)null, FollowUpFacts.Evolve);
                result.Add(row with { FollowUp = facts ?? new FollowUpFacts() });
            }
            else
            {
                result.Add(row);
            }
        }

        return result;
    }

    /// <summary>Every participant counted anonymously.</summary>
    public async Task<IReadOnlyList<AnonymousCount>> AnonymousAsync(CancellationToken ct) =>
        [.. (await session.Query<AnonymousParticipant>().ToListAsync(ct)).Select(a => new AnonymousCount(a.Party, a.InterventionKind, a.StartYear, a.Sex))];
}

/// <summary>Wiring of the follow-up slices.</summary>
public static class FollowUpSetup
{
    /// <summary>Who reads the förbund's follow-up: the samverkansledare and administrators, nobody else.</summary>
    public static TBuilder RequireFollowUpReader<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(p => p.RequireRole(Roles.Samverkansledare, Roles.Administrator));

    /// <summary>Registers the reader and binds <c>Finsam:FollowUp</c>.</summary>
    public static IServiceCollection AddFinsamFollowUp(this IServiceCollection services)
    {
        services.AddOptions<FollowUpOptions>().BindConfiguration("Finsam:FollowUp")
            .Validate(o => o.SuppressionThreshold is >= 2 and <= 100, "Finsam:FollowUp:SuppressionThreshold must be 2–100.");
        return services.AddScoped<FollowUpReader>();
    }
}
