using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.FollowUp;
using Finsam.Samordning.Api.Infrastructure.Persistence;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

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

/// <summary>
/// One case's follow-up: its facts (what the indicator tables count, each with its business date),
/// its consents and its individual (what the participant file needs), as a small document of its
/// own, rewritten by its inline projection in the events' transaction as the case file is. The
/// tables read only its <see cref="Pack"/> column, not the 10 kB case file.
/// </summary>
public sealed record FollowUpFile
{
    /// <summary>Case id.</summary>
    public Guid Id { get; init; }

    /// <summary>The individual, if registered.</summary>
    public Guid? IndividualId { get; init; }

    /// <summary>The follow-up facts.</summary>
    public FollowUpFacts FollowUp { get; init; } = new();

    /// <summary>The case's consents, as the overview holds them (the participant file asks them what reaches the förbund).</summary>
    public IReadOnlyList<Consent> Consents { get; init; } = [];

    /// <summary>The facts packed (<see cref="FollowUpPack"/>), in their own bytea column only: what the tables read.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[] Pack => FollowUpPack.Write(FollowUp);

    /// <summary>Folds one event into the file; null before the case is opened.</summary>
    public static FollowUpFile? Project(FollowUpFile? file, ICaseEvent @event) =>
        FollowUpFacts.Evolve(file?.FollowUp, @event) is { } facts
            ? new FollowUpFile
            {
                Id = facts.CaseId,
                IndividualId = @event is CaseOpened opened ? opened.IndividualId : file?.IndividualId,
                FollowUp = facts,
                Consents = ConsentLedger.Apply(file?.Consents ?? [], @event),
            }
            : null;

    /// <summary>Inline projection: one document per case stream.</summary>
    public sealed class Projection : SingleStreamProjection<FollowUpFile, Guid>
    {
        /// <inheritdoc />
        // A stream stored before this document existed has none: its later events find no opening
        // to fold onto and leave it missing (null), and the reader folds that case from its events.
        public override FollowUpFile? Evolve(FollowUpFile? snapshot, Guid id, IEvent e) =>
            e.Data is ICaseEvent caseEvent ? Project(snapshot, caseEvent) : snapshot;
    }
}

/// <summary>Reads the follow-up facts of every case, and the anonymous counts.</summary>
/// <param name="session">The request's session.</param>
/// <param name="store">The store (the tables read the packed facts over a connection of their own).</param>
public sealed class FollowUpReader(IQuerySession session, IDocumentStore store)
{
    private const string Files = $"{PersistenceSetup.Schema}.mt_doc_followupfile";

    /// <summary>
    /// Every case's follow-up facts, for the tables: the packed column of every follow-up file,
    /// streamed and unpacked row by row (no JSON). A case without a file (stored before the files
    /// existed) or with a pack of another format is folded from its events here, so no case is left
    /// out and the figures are the same either way.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpFacts>> FactsAsync(CancellationToken ct)
    {
        var result = new List<FollowUpFacts>();
        var refold = new List<Guid>();
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"select id, pack from {Files}";
            await using (var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var id = reader.GetGuid(0);
                    if (FollowUpPack.Read(reader.GetFieldValue<byte[]>(1)) is { } facts)
                    {
                        result.Add(facts);
                    }
                    else
                    {
                        refold.Add(id);
                    }
                }
            }

            refold.AddRange(await WithoutFileAsync(connection, ct));
        }

        foreach (var id in refold)
        {
            result.Add((await FoldAsync(id, ct))?.FollowUp ?? new FollowUpFacts());
        }

        return result;
    }

    /// <summary>
    /// Every case's follow-up file, for the participant file (its consents and individual too). A
    /// case without one (stored before the files existed) is folded from its events here.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpFile>> CasesAsync(CancellationToken ct)
    {
        var files = (await session.Query<FollowUpFile>().ToListAsync(ct)).ToList();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        foreach (var id in await WithoutFileAsync(connection, ct))
        {
            if (await FoldAsync(id, ct) is { } file)
            {
                files.Add(file);
            }
        }

        return files;
    }

    // Case streams (the case file's stream type) that have no follow-up file: an anti-join of two
    // primary keys, some milliseconds over 100,000 cases.
    private static async Task<List<Guid>> WithoutFileAsync(Npgsql.NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"select s.id from {PersistenceSetup.Schema}.mt_streams s where s.type = 'case_file' and not exists (select 1 from {Files} f where f.id = s.id)";
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<FollowUpFile?> FoldAsync(Guid id, CancellationToken ct) =>
        (await session.Events.FetchStreamAsync(id, token: ct)).Select(e => e.Data).OfType<ICaseEvent>().Aggregate((FollowUpFile?)null, FollowUpFile.Project);

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
