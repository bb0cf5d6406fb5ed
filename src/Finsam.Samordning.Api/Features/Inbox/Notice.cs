namespace Finsam.Samordning.Api.Features.Inbox;

/// <summary>
/// A notice in a party's (or the förbund's) inbox: ids, kinds and dates only, never free text or
/// personal data; the reader opens the case to see what changed, through the secrecy rules.
/// </summary>
public sealed class Notice
{
    /// <summary>The förbund's inbox key (the samverkansledare's).</summary>
    public const string Forbund = "forbund";

    /// <summary>Notice id (version 7: sorts by creation).</summary>
    public Guid Id { get; set; }

    /// <summary>The recipient's inbox: a party code, or <see cref="Forbund"/> (indexed).</summary>
    public string Inbox { get; set; } = "";

    /// <summary>The recipient party's caseworker on the case when the notice was written, if any: "mine".</summary>
    public string? CaseworkerId { get; set; }

    /// <summary>The case (indexed).</summary>
    public Guid CaseId { get; set; }

    /// <summary>What happened.</summary>
    public NoticeKind Kind { get; set; }

    /// <summary>The entry it is about, if any.</summary>
    public Guid? EntryId { get; set; }

    /// <summary>The party whose entry it is; null for facts every related party may know.</summary>
    public PartyCode? Owner { get; set; }

    /// <summary>The entry's information category, judged again at read.</summary>
    public InformationCategory? Category { get; set; }

    /// <summary>Sent to the recipient itself (a referral, invitation or action for it).</summary>
    public bool Addressed { get; set; }

    /// <summary>For a flag, its rule code.</summary>
    public string? Rule { get; set; }

    /// <summary>Business date of the change.</summary>
    public DateOnly On { get; set; }

    /// <summary>When it was written (indexed: newest first).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Users of the recipient who marked it read (read state is per caseworker).</summary>
    public List<string> ReadBy { get; set; } = [];

    /// <summary>The inbox key of a party, or of the förbund for null.</summary>
    public static string InboxOf(PartyCode? party) => party?.ToString() ?? Forbund;

    /// <summary>The recipient party; null for the förbund.</summary>
    public PartyCode? Recipient => Inbox == Forbund ? null : Enum.Parse<PartyCode>(Inbox);
}

/// <summary>
/// Writes notices into the session of the change that caused them, so they commit with its events
/// or not at all, and only those the secrecy module lets reach their recipient.
/// </summary>
/// <param name="secrecy">The one secrecy module.</param>
/// <param name="calendar">The clock.</param>
/// <param name="webhooks">The registered webhooks: a notice of a kind one wants also goes into the webhook outbox.</param>
public sealed class NoticeWriter(Secrecy.CaseSecrecy secrecy, BusinessCalendar calendar, Webhooks.WebhookDirectory? webhooks = null)
{
    /// <summary>Delivers the notices of <paramref name="events"/> appended to a case whose decider state was <paramref name="before"/>.</summary>
    public async Task DeliverAsync(IDocumentSession session, CaseState before, IReadOnlyList<ICaseEvent> events, PartyCode? actor, CancellationToken ct)
    {
        var after = events.Aggregate(before, (s, e) => CaseState.Evolve(s, e)!);
        var onCase = after.Parties.Values.Where(m => m.Active).Select(m => m.Party).ToList();
        var drafts = Notices.For(events, onCase, actor, after.AnsweringFor);
        await StoreAsync(session, drafts, party => party is { } p ? after.RelationOf(p) : RelationKind.Member, after.Consents,
            party => after.Parties.GetValueOrDefault(party)?.CaseworkerId, ct);
    }

    /// <summary>Stores the drafts that pass the secrecy check at delivery, and their webhook deliveries (the outbox).</summary>
    public async Task StoreAsync(IDocumentSession session, IEnumerable<NoticeDraft> drafts, Func<PartyCode?, RelationKind> relationOf,
        IReadOnlyList<Consent> consents, Func<PartyCode, string?> caseworkerOf, CancellationToken ct)
    {
        var now = calendar.Now;
        var list = drafts.ToList();
        var keyed = list.Where(d => d.Key is not null).Select(d => d.Key!.Value).ToHashSet();
        var notices = list.Where(d => secrecy.MayNotify(d.Recipient, relationOf(d.Recipient), d.Owner, d.Category, d.Addressed, consents))
            .Select(d => new Notice
            {
                Id = d.Key ?? Guid.CreateVersion7(), Inbox = Notice.InboxOf(d.Recipient), CaseworkerId = d.Recipient is { } p ? NullIfEmpty(caseworkerOf(p)) : null,
                CaseId = d.CaseId, Kind = d.Kind, EntryId = d.EntryId, Owner = d.Owner, Category = d.Category, Addressed = d.Addressed, Rule = d.Rule,
                On = d.On, CreatedAt = now,
            }).ToList();
        if (notices.Count == 0)
        {
            return;
        }

        // A keyed (time-driven) notice is inserted, never overwritten: a second writer of it fails instead of resetting its read state.
        session.Store(notices.Where(n => !keyed.Contains(n.Id)).ToArray());
        foreach (var notice in notices.Where(n => keyed.Contains(n.Id)))
        {
            session.Insert(notice);
        }

        var subscriptions = webhooks is null ? [] : await webhooks.AllAsync(ct);
        foreach (var notice in notices)
        {
            foreach (var subscription in subscriptions.Where(s => s.Receives(notice.Inbox, notice.Kind)))
            {
                // The outbox: written with the notice, so it commits with the change or not at all.
                var id = Guid.CreateVersion7();
                session.Store(new Webhooks.WebhookDelivery
                {
                    Id = id, SubscriptionId = subscription.Id, Kind = notice.Kind, Payload = Webhooks.WebhookMessage.CloudEvent(id, notice),
                    Status = Webhooks.DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
                });
            }
        }
    }

    /// <summary>
    /// Writes keyed notices (time-driven ones, written by the scan rather than with a change) that are not
    /// there yet, in a transaction of their own. Their ids are deterministic: a notice already written by
    /// an earlier run is skipped, and one written meanwhile by another scanner makes the insert fail, after
    /// which the look is taken again. The callers tell only parties that may be told (addressed notices to a
    /// party on the case, KAA's own kännedom record). Returns how many were written.
    /// </summary>
    public async Task<int> StoreOnceAsync(IDocumentStore store, IReadOnlyList<NoticeDraft> drafts, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (drafts.Count == 0)
            {
                return 0;
            }

            await using var session = store.LightweightSession();
            var keys = drafts.Select(d => d.Key!.Value).ToArray();
            var existing = (await session.Query<Notice>().Where(n => keys.Contains(n.Id)).Select(n => n.Id).ToListAsync(ct)).ToHashSet();
            var fresh = drafts.Where(d => !existing.Contains(d.Key!.Value)).ToList();
            if (fresh.Count == 0)
            {
                return 0;
            }

            await StoreAsync(session, fresh, _ => RelationKind.Member, [], _ => null, ct);
            try
            {
                await session.SaveChangesAsync(ct);
                return fresh.Count;
            }
            catch (JasperFx.DocumentAlreadyExistsException) when (attempt < 3)
            {
                // Another scanner wrote some of them first: look again.
            }
        }
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
