using Finsam.Samordning.Api.Features.Secrecy;
using System.Text.Json.Serialization;

namespace Finsam.Samordning.Api.Features.CaseWrites;

/// <summary>What every write on a case carries besides its body.</summary>
/// <param name="ExpectedVersion">From <c>If-Match</c>; null appends to whatever version is current, still atomically.</param>
/// <param name="Caller">The authenticated caller.</param>
/// <param name="IdempotencyKey">From <c>Idempotency-Key</c>; not part of the request's fingerprint.</param>
public sealed record WriteContext(long? ExpectedVersion, CurrentUser Caller, [property: JsonIgnore] string? IdempotencyKey)
{
    /// <summary>The caller as a caseworker of a party; 403 for a caller without a party.</summary>
    [JsonIgnore]
    public Actor By => Caller.ToActor();

    /// <summary>The caller acting on flags: a party's caseworker or the förbund.</summary>
    [JsonIgnore]
    public FlagActor FlagActor => new(Caller.UserId, Caller.Party);
}

/// <summary>A command on an existing case.</summary>
public interface ICaseCommand : ICommand<CaseCommandResult>, IAccessSubject
{
    /// <summary>The case.</summary>
    Guid CaseId { get; }

    /// <summary>Headers and caller.</summary>
    WriteContext Write { get; }

    string? ICommandWithKey.IdempotencyKey => Write.IdempotencyKey;

    Guid? IAccessSubject.SubjectCaseId => CaseId;
}

/// <summary>The answer to a case write: the new version (also the <c>ETag</c>) and the id of any entry it created.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Version">The case's version after the write (also the <c>ETag</c>): the stream version of its latest event other than a flag's.</param>
/// <param name="Id">Id of the entry created (insats, referral, goal, ...), if any.</param>
public sealed record CaseCommandResult(Guid CaseId, long Version, Guid? Id);

/// <summary>What every case write works with: the request's session, and the sealer its free text passes through.</summary>
/// <param name="Session">The request's session; the unit of work commits it.</param>
/// <param name="Sealer">Seals free text before it is appended.</param>
/// <param name="Notices">Writes the inbox notices of the change into the same session (issue 14).</param>
public sealed record CaseWriter(IDocumentSession Session, FreeTextSealer Sealer, Inbox.NoticeWriter Notices);

/// <summary>
/// Every case write, through its table line: fetch the decider's state for writing (checking
/// <c>If-Match</c>), decide, seal the free text, append. The unit of work commits.
/// </summary>
public sealed class CaseWriteHandler(CaseWriter writer, CaseWriteLines lines, BusinessCalendar calendar) : IRequestHandler<CaseWrite, CaseCommandResult>
{
    /// <inheritdoc />
    public async Task<CaseCommandResult> Handle(CaseWrite request, CancellationToken cancellationToken)
    {
        var stream = await Fetch(request, cancellationToken);
        var file = stream.Aggregate ?? throw NotFoundException.Case(request.CaseId);
        var state = file.State;
        // To a party with no relation the case does not exist: the same answer as an unknown id.
        var viewer = CaseSecrecy.Resolve(request.Write.Caller, request.CaseId, state.RelationOf);
        // Only a caller related to the case learns its version (to the others it does not exist).
        // The ETag is the case file's version, which flags do not move: a flag the scan raised
        // since the caller read the case does not make their write stale. Whatever was appended
        // meanwhile, the append still expects the stream's version read here.
        if (request.Write.ExpectedVersion is { } expected && file.Version != expected)
        {
            throw new PreconditionFailedException(
                $"The case is at version {file.Version}, not {expected} as If-Match says. Read it again and retry.");
        }

        var line = lines[request.Operation];
        if (line.ReadsFlags)
        {
            // The case file holds no flags (Flags.CaseFlags does): a flag command decides on them.
            var flags = await writer.Session.LoadAsync<Flags.CaseFlags>(request.CaseId, cancellationToken);
            state = state with { Flags = flags?.ById() ?? new Dictionary<Guid, OpenFlag>() };
        }

        var args = new CaseWriteArgs(request, calendar.Today);
        var decide = line.Decide(request.Body, args);
        IReadOnlyList<ICaseEvent> events;
        try
        {
            events = decide(state);
        }
        catch (CaseEntryNotFound missing)
        {
            throw new NotFoundException(missing.Message);
        }

        // Sealed before it is appended (as the case opening seals its own events): the events, the
        // case file built from them and the WAL only ever hold the sealed form.
        events = await writer.Sealer.SealAsync(request.CaseId, state.IndividualId, events, cancellationToken);
        stream.AppendMany(events.Cast<object>());
        // The other parties' inbox notices commit with the events, or not at all.
        await writer.Notices.DeliverAsync(writer.Session, state, events, viewer.Party, cancellationToken);
        // The new ETag: the version of the last event the case file folds (flag events leave it).
        var version = events.All(e => e is IFlagEvent) ? file.Version : (stream.StartingVersion ?? 0) + events.Count;
        return new CaseCommandResult(request.CaseId, version, args.EntryId);
    }

    // With If-Match the stream is read without a lock: Marten checks at commit that it is still at
    // the version read, so a writer that got in between makes this one a 412, not a silent overwrite.
    // The version is compared with If-Match after the relation check: a stale write costs one read
    // and one exception, not the store's exception and a second read to tell 412 from 404. Without
    // If-Match the caller asks for "append to whatever is current": the stream row is locked for
    // the transaction, so concurrent writers queue instead of failing.
    private Task<JasperFx.Events.IEventStream<Features.Cases.CaseFile>> Fetch(CaseWrite request, CancellationToken ct) =>
        request.Write.ExpectedVersion is null
            ? writer.Session.Events.FetchForExclusiveWriting<Features.Cases.CaseFile>(request.CaseId, ct)
            : writer.Session.Events.FetchForWriting<Features.Cases.CaseFile>(request.CaseId, ct);
}
