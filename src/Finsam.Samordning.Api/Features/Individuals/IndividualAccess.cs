using Finsam.Samordning.Api.Features.Cases;

namespace Finsam.Samordning.Api.Features.Individuals;

/// <summary>
/// Who may know an individual id. A party is related to an enrolment when it registered it, or
/// when it is on a case about it now (a party that left is no longer related through that case).
/// To everyone else the id does not exist: the same 404 as for an unknown id.
/// </summary>
public static class IndividualAccess
{
    /// <summary>The answer for an unknown id, and for an id the caller is not related to.</summary>
    public static string NotFound(Guid id) => $"No individual with id {id}.";

    /// <summary>The enrolment, if it exists and <paramref name="party"/> is related to it; otherwise null (one round trip either way).</summary>
    public static async Task<Individual?> FindRelatedAsync(IQuerySession session, Guid id, PartyCode? party, CancellationToken ct)
    {
        var p = party.GetValueOrDefault();
        var batch = session.CreateBatchQuery();
        var individual = batch.Load<Individual>(id);
        // Asked in the database: only whether the party is on a case about the id now.
        var onACase = batch.Query<CaseFile>().Where(c => c.IndividualId == id && c.Parties.Contains(p)).Any();
        await batch.Execute(ct);
        var found = await individual;
        return found is not null && party is not null && (found.EnrolledBy == p || await onACase) ? found : null;
    }

    /// <summary>
    /// Among one person's enrolments, the one <paramref name="party"/> is related to: its own
    /// enrolment first, else one named by a case it is on now; null when it has no relation.
    /// </summary>
    public static async Task<Guid?> RelatedEnrolmentAsync(IQuerySession session, IReadOnlyList<Guid> ids, PartyCode party, CancellationToken ct)
    {
        Guid?[] named = [.. ids.Select(id => (Guid?)id)];
        var batch = session.CreateBatchQuery();
        var enrolments = batch.LoadMany<Individual>().ById([.. ids]);
        var cases = batch.Query<CaseFile>().Where(c => named.Contains(c.IndividualId) && c.Parties.Contains(party))
            .Select(c => new CaseAbout(c.Id, c.IndividualId, c.Overview.OpenedOn)).ToList();
        await batch.Execute(ct);
        var own = (await enrolments).Where(i => i.EnrolledBy == party && i.ErasedAt is null)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Select(i => (Guid?)i.Id).FirstOrDefault();
        return own ?? (await cases).OrderBy(c => c.OpenedOn).ThenBy(c => c.Id).Select(c => c.IndividualId).FirstOrDefault();
    }

    private sealed record CaseAbout(Guid Id, Guid? IndividualId, DateOnly OpenedOn);
}

/// <summary>One enrolment's row in the key store.</summary>
/// <param name="IndividualId">The enrolment.</param>
/// <param name="PersonId">The person it belongs to: the id of the person's first enrolment.</param>
public sealed record IndividualKeyRow(Guid IndividualId, Guid PersonId);

/// <summary>
/// The key store (<c>finsam_keys.individual_keys</c>): per enrolment the wrapped key, the look-up
/// hash and the link to the person. Nothing here is ever shown; erasure deletes a person's rows.
/// </summary>
public static class IndividualKeys
{
    private const string Table = AccessAndKeySchemas.KeySchema + ".individual_keys";

    /// <summary>
    /// Stores the row of a new enrolment, at once: the key store may be another database, so it
    /// cannot share the data's transaction. It is written first, so no stored enrolment is ever
    /// without its key; if the enrolment's own commit then fails, the row points at no document
    /// and is never shown (look-ups load enrolments by id and skip missing ones).
    /// </summary>
    public static async Task InsertAsync(KeyStore store, Guid id, Guid personId, string lookupHash, byte[] wrappedKey, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await store.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"insert into {Table} (individual_id, person_id, lookup_hash, wrapped_key, created_at) values (@id, @person, @hash, @key, @at)";
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
        command.Parameters.Add(new NpgsqlParameter<Guid>("person", personId));
        command.Parameters.Add(new NpgsqlParameter<string>("hash", lookupHash));
        command.Parameters.Add(new NpgsqlParameter<byte[]>("key", wrappedKey));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Deletes the rows (keys, hashes, links) of the given enrolments, at once and before the
    /// enrolments are marked erased: the person is erased as soon as this commits.
    /// </summary>
    public static async Task DeleteAsync(KeyStore store, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        await using var connection = await store.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"delete from {Table} where individual_id = any(@ids)";
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. ids]));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The enrolments whose number has this look-up hash, earliest first.</summary>
    public static async Task<IReadOnlyList<IndividualKeyRow>> ByLookupHashAsync(KeyStore store, string lookupHash, CancellationToken ct)
    {
        await using var connection = await store.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"select individual_id, person_id from {Table} where lookup_hash = @hash order by created_at, individual_id";
        command.Parameters.Add(new NpgsqlParameter<string>("hash", lookupHash));
        var rows = new List<IndividualKeyRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new IndividualKeyRow(reader.GetGuid(0), reader.IsDBNull(1) ? reader.GetGuid(0) : reader.GetGuid(1)));
        }

        return rows;
    }

    /// <summary>
    /// Every enrolment of the person <paramref name="id"/> belongs to, itself included: those
    /// linked to the same person and those with the same look-up hash. Empty once erased.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> PersonOfAsync(KeyStore store, Guid id, CancellationToken ct)
    {
        await using var connection = await store.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            select k.individual_id from {Table} k join {Table} me on me.individual_id = @id
            where k.person_id = me.person_id or k.lookup_hash = me.lookup_hash or k.individual_id = me.individual_id
            """;
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
