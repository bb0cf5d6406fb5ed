using System.Security.Cryptography;

namespace Finsam.Samordning.Api.Infrastructure.Access;

/// <summary>
/// The stored form of free text in case events: <c>sealed:v1:&lt;owner id&gt;:&lt;base64(nonce|tag|ciphertext)&gt;</c>,
/// AES-GCM under the data key of the owner (the case's individual, or the case itself when it has
/// none) with the owner's id as associated data. The owner's id travels with the text so any
/// read model can be opened without knowing which case or person it came from.
/// </summary>
public static class SealedText
{
    /// <summary>What every sealed text starts with; text without it was stored before sealing and reads as is.</summary>
    public const string Prefix = "sealed:v1:";

    /// <summary>What a sealed text reads as once its key is gone (the person was erased).</summary>
    public const string Erased = "[raderad / erased]";

    private const int OwnerLength = 32;

    /// <summary>Seals <paramref name="text"/> under <paramref name="key"/>, bound to <paramref name="owner"/>.</summary>
    public static string Seal(byte[] key, Guid owner, string text) =>
        Prefix + owner.ToString("N") + ":" + Convert.ToBase64String(PersonalDataProtector.Encrypt(key, text, owner));

    /// <summary>The owner a sealed text is bound to; null for plain (older) text.</summary>
    public static Guid? OwnerOf(string? text) =>
        text is not null && text.StartsWith(Prefix, StringComparison.Ordinal) && text.Length > Prefix.Length + OwnerLength
        && Guid.TryParseExact(text.AsSpan(Prefix.Length, OwnerLength), "N", out var owner)
            ? owner
            : null;

    /// <summary>
    /// The plain text: as is when it was never sealed, <see cref="Erased"/> when the owner's key is
    /// gone or the text does not open under it. Never throws: an erased person must not break a read.
    /// </summary>
    public static string? Open(string? text, Func<Guid, byte[]?> keyOf)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return text;
        }

        if (OwnerOf(text) is not { } owner || keyOf(owner) is not { } key)
        {
            return Erased;
        }

        try
        {
            return PersonalDataProtector.Decrypt(key, Convert.FromBase64String(text[(Prefix.Length + OwnerLength + 1)..]), owner);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException or OverflowException)
        {
            return Erased;
        }
    }
}

/// <summary>
/// Unwrapped data keys for sealed text, by owner id: an individual's enrolment
/// (<c>finsam_keys.individual_keys</c>) or a case with no registered person (<c>finsam_keys.case_keys</c>).
/// Scoped: keys are cached for one request only, so an erasure takes effect on the next request.
/// </summary>
public sealed class TextKeys(KeyStore store, PersonalDataProtector protector)
{
    /// <summary>Table of the keys of cases that name no registered person.</summary>
    public const string CaseKeysTable = AccessAndKeySchemas.KeySchema + ".case_keys";

    private const string IndividualKeysTable = AccessAndKeySchemas.KeySchema + ".individual_keys";
    private readonly Dictionary<Guid, byte[]?> _keys = [];

    /// <summary>The key of <paramref name="owner"/>, or null when there is none (erased).</summary>
    public async Task<byte[]?> GetAsync(Guid owner, CancellationToken ct)
    {
        await LoadAsync([owner], ct);
        return _keys[owner];
    }

    /// <summary>Loads the keys of the owners not yet loaded in this request, in one round trip.</summary>
    public async Task LoadAsync(IEnumerable<Guid> owners, CancellationToken ct)
    {
        var missing = owners.Where(o => !_keys.ContainsKey(o)).Distinct().ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        await using var connection = await store.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            select individual_id, wrapped_key from {IndividualKeysTable} where individual_id = any(@ids)
            union all
            select case_id, wrapped_key from {CaseKeysTable} where case_id = any(@ids)
            """;
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", missing));
        foreach (var owner in missing)
        {
            _keys[owner] = null;
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var owner = reader.GetGuid(0);
            _keys[owner] = protector.Unwrap((byte[])reader.GetValue(1), owner);
        }
    }

    /// <summary>A key loaded earlier in this request; null when not loaded or not there.</summary>
    public byte[]? Loaded(Guid owner) => _keys.GetValueOrDefault(owner);

    /// <summary>
    /// The key of a case with no registered person, created if it has none. Stored in the key store
    /// at once, before the case's own transaction commits (the key store may be another database):
    /// if that transaction then fails, an unused key remains, which seals nothing. Two first writes
    /// at once agree on one key: the insert keeps the first, and the other reads it back.
    /// </summary>
    public async Task<byte[]> GetOrCreateCaseKeyAsync(Guid caseId, DateTimeOffset at, CancellationToken ct)
    {
        if (_keys.GetValueOrDefault(caseId) is { } loaded)
        {
            return loaded;
        }

        // One round trip whether the key exists or not.
        await using var connection = await store.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            with created as (
              insert into {CaseKeysTable} (case_id, wrapped_key, created_at) values (@id, @key, @at)
              on conflict (case_id) do nothing returning wrapped_key)
            select wrapped_key from created
            union all
            select wrapped_key from {CaseKeysTable} where case_id = @id and not exists (select 1 from created)
            """;
        var key = PersonalDataProtector.NewDataKey();
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", caseId));
        command.Parameters.Add(new NpgsqlParameter<byte[]>("key", protector.Wrap(key, caseId)));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at));
        var stored = (byte[])(await command.ExecuteScalarAsync(ct))!;
        _keys[caseId] = protector.Unwrap(stored, caseId);
        return _keys[caseId]!;
    }
}

/// <summary>
/// Seals the free text of new case events, at append time and nowhere else, under the key of the
/// case's individual (so erasing the person makes it unreadable in the events, the read models and
/// the WAL alike) or, for a case with no registered person, under the case's own key.
/// </summary>
public sealed class FreeTextSealer(TextKeys keys, BusinessCalendar calendar)
{
    /// <summary>Gives a newly opened case with no registered person its own key (in the key store, before the case commits).</summary>
    public Task CreateCaseKeyAsync(Guid caseId, CancellationToken ct) => keys.GetOrCreateCaseKeyAsync(caseId, calendar.Now, ct);

    /// <summary>
    /// The events with every free text sealed. Once the person's key is gone (erased), new text
    /// about them is not kept: it is stored as <see cref="SealedText.Erased"/>, and the write itself
    /// (its dates and counts) still goes through.
    /// </summary>
    public async Task<IReadOnlyList<ICaseEvent>> SealAsync(Guid caseId, Guid? individualId,
        IReadOnlyList<ICaseEvent> events, CancellationToken ct)
    {
        if (!events.Any(HasText))
        {
            // No key is fetched for writes without text (most of them).
            return events;
        }

        var (owner, key) = await KeyFor(caseId, individualId, ct);
        Func<string?, string?> seal = key is null
            ? text => text is null ? null : SealedText.Erased
            : text => text is null ? null : SealedText.Seal(key, owner, text);
        return [.. events.Select(e => e is IHasFreeText t ? t.MapText(seal) : e)];
    }

    private async Task<(Guid Owner, byte[]? Key)> KeyFor(Guid caseId, Guid? individualId, CancellationToken ct)
    {
        if (individualId is { } person)
        {
            return (person, await keys.GetAsync(person, ct));
        }

        return (caseId, await keys.GetOrCreateCaseKeyAsync(caseId, calendar.Now, ct));
    }

    private static bool HasText(ICaseEvent e)
    {
        if (e is not IHasFreeText t)
        {
            return false;
        }

        var any = false;
        t.MapText(text =>
        {
            any |= text is not null;
            return text;
        });
        return any;
    }
}

/// <summary>Opens sealed free text at the read boundary, with the keys fetched once per request.</summary>
public sealed class FreeTextOpener(TextKeys keys)
{
    /// <summary>
    /// <paramref name="model"/> with every text opened; <paramref name="mapText"/> applies a text
    /// function to each free-text field of the model (one place per read model).
    /// </summary>
    public async Task<T> OpenAsync<T>(T model, Func<T, Func<string?, string?>, T> mapText, CancellationToken ct)
    {
        var owners = new HashSet<Guid>();
        var anySealed = false;
        mapText(model, text =>
        {
            if (text is not null && text.StartsWith(SealedText.Prefix, StringComparison.Ordinal))
            {
                anySealed = true;
                if (SealedText.OwnerOf(text) is { } owner)
                {
                    owners.Add(owner);
                }
            }

            return text;
        });
        if (!anySealed)
        {
            return model;
        }

        await keys.LoadAsync(owners, ct);
        return mapText(model, text => SealedText.Open(text, keys.Loaded));
    }
}
