using Finsam.Samordning.Api.Features.Cases;

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
/// <param name="store">The store (the tables read the packed facts over a connection of their own).</param>
public sealed class FollowUpReader(IQuerySession session, IDocumentStore store)
{
    /// <summary>
    /// Every case's follow-up facts, for the tables: the packed column of every case file
    /// (<see cref="CaseFile.FollowUpPack"/>), streamed and unpacked row by row, without touching the
    /// file's JSON. A file without a pack (written before packs existed), with a pack of another
    /// format, or written before the facts existed is folded from its events here, so no case is
    /// left out and the figures are the same either way.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpFacts>> FactsAsync(CancellationToken ct)
    {
        var result = new List<FollowUpFacts>();
        var refold = new List<Guid>();
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            // The flags' facts are packed beside the file, in the case's flags document (CaseFlags).
            command.CommandText = $"select f.id, f.follow_up_pack, g.follow_up_pack from {PersistenceSetup.Schema}.mt_doc_casefile as f " +
                $"left join {PersistenceSetup.Schema}.mt_doc_caseflags as g on g.id = f.id";
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                if (!reader.IsDBNull(1) && FollowUpPack.Read(reader.GetFieldValue<byte[]>(1)) is { CaseId: var caseId } facts && caseId != Guid.Empty
                    && (reader.IsDBNull(2) ? new FollowUpFacts() : FollowUpPack.Read(reader.GetFieldValue<byte[]>(2))) is { } flags)
                {
                    result.Add(facts with { Flags = flags.Flags });
                }
                else
                {
                    refold.Add(id);
                }
            }
        }

        foreach (var id in refold)
        {
            result.Add(await FoldAsync(id, ct));
        }

        return result;
    }

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
                result.Add(row with { FollowUp = await FoldAsync(row.Id, ct) });
            }
            else
            {
                result.Add(row);
            }
        }

        return result;
    }

    private async Task<FollowUpFacts> FoldAsync(Guid id, CancellationToken ct) =>
        (await session.Events.FetchStreamAsync(id, token: ct)).Select(e => e.Data).OfType<ICaseEvent>()
            .Aggregate((FollowUpFacts?)null, FollowUpFacts.Evolve) ?? new FollowUpFacts();

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
