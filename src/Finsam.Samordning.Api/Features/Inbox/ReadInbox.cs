using Finsam.Samordning.Api.Features.Cases;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Inbox;

/// <summary>A notice as its reader sees it: what happened on which case, when; open the case for the rest.</summary>
/// <param name="Id">Notice id.</param>
/// <param name="CaseId">The case; all zeros for a kännedom notice (NoAnswerBeforeCase), whose entryId is the record.</param>
/// <param name="Kind">What happened.</param>
/// <param name="EntryId">The entry it is about (insats, referral, action, meeting, flag), if any.</param>
/// <param name="By">The party whose entry it is, if any.</param>
/// <param name="Rule">For a flag, its rule code.</param>
/// <param name="On">Business date of the change.</param>
/// <param name="CreatedAt">When the notice was written.</param>
/// <param name="Mine">Addressed to the caller as the party's caseworker on the case.</param>
/// <param name="Read">Whether the caller has marked it read.</param>
public sealed record NoticeView(Guid Id, Guid CaseId, NoticeKind Kind, Guid? EntryId, PartyCode? By, string? Rule, DateOnly On, DateTimeOffset CreatedAt,
    bool Mine, bool Read);

/// <summary>A page of the inbox.</summary>
/// <param name="Items">Newest first.</param>
/// <param name="Page">Page number.</param>
/// <param name="PageSize">Page size.</param>
/// <param name="Total">Notices matching the filters that the caller may see.</param>
/// <param name="Unread">Of those, how many the caller has not marked read.</param>
public sealed record InboxPage(IReadOnlyList<NoticeView> Items, int Page, int PageSize, int Total, int Unread);

/// <summary>The caller's inbox: notices of changes by other parties on cases their party is related to.</summary>
/// <param name="Unread">Only notices the caller has not marked read.</param>
/// <param name="Mine">Only notices addressed to the caller as the caseworker of the case.</param>
/// <param name="Page">Page from 1.</param>
/// <param name="PageSize">Page size 1–200.</param>
/// <param name="Caller">Who reads.</param>
public sealed record ReadInbox(bool Unread, bool Mine, int Page, int PageSize, CurrentUser Caller) : IRequest<InboxPage>
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapGet("/inbox",
                async (bool? unread, bool? mine, int? page, int? pageSize, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ReadInbox(unread ?? false, mine ?? false, page ?? 1, pageSize ?? 50, CurrentUser.Of(http)), ct)))
            .RequireAuthorization(Policies.Review)
            .WithName("ReadInbox")
            .WithTags("Inbox")
            .WithSummary("The caller's inbox")
            .WithDescription("Notices of changes by other parties on cases the caller's party is related to: an insats paused, cancelled or ended; the plan " +
                "changed; a SIP meeting scheduled or held; a party left; a flag raised; a referral, invitation or plan action for the caller's party; " +
                "an action past due. A samverkansledare reads the förbund's inbox (flags raised). Ids, kinds and dates only: open the case to see " +
                "more. Each notice passed the secrecy rules when it was written and passes them again now (a revoked consent or a party that left " +
                "hides it). Newest first; unread=true for unread only, mine=true for those addressed to the caller as the case's caseworker.")
            .Produces<InboxPage>()
            .ProducesProblems(StatusCodes.Status403Forbidden);
    }

    internal sealed class Validator : AbstractValidator<ReadInbox>
    {
        public Validator()
        {
            RuleFor(q => q.Page).PageNumber();
            RuleFor(q => q.PageSize).PageSize();
        }
    }

    /// <summary>
    /// Counts the inbox's notices in the database by what decides whether the reader may see them, asks
    /// the secrecy module about each such group against its case as it stands now, then reads only the
    /// page, in the database, leaving out the groups the reader may not see.
    /// </summary>
    // Not every notice read and filtered in memory: after a full sweep the förbund's inbox holds a
    // notice for every flag of every case. The groups are few (per case: whose entry, which
    // category, whether addressed), and a case is read only where its relation or consents decide.
    internal sealed class Handler(IQuerySession session, Secrecy.CaseSecrecy secrecy, Infrastructure.Access.AccessContext access)
        : IRequestHandler<ReadInbox, InboxPage>
    {
        public async Task<InboxPage> Handle(ReadInbox request, CancellationToken cancellationToken)
        {
            if (InboxKey(request.Caller) is not { } inbox)
            {
                return new InboxPage([], request.Page, request.PageSize, 0, 0);
            }

            var user = request.Caller.UserId;
            var groups = await Groups(inbox, request.Mine ? user : null, user, forbund: inbox == Notice.Forbund, cancellationToken);
            var visible = await VisibleKeys(session, secrecy, request.Caller, [.. groups.Select(g => g.Key)], cancellationToken);
            var unread = groups.Where(g => visible.Contains(g.Key)).Sum(g => g.Unread);
            var total = request.Unread ? unread : groups.Where(g => visible.Contains(g.Key)).Sum(g => g.Count);

            IQueryable<Notice> query = session.Query<Notice>().Where(n => n.Inbox == inbox);
            if (request.Mine)
            {
                query = query.Where(n => n.CaseworkerId == user);
            }

            if (request.Unread)
            {
                query = query.Where(n => !n.ReadBy.Contains(user));
            }

            var hidden = groups.Select(g => g.Key).Where(k => !visible.Contains(k)).ToList();
            if (hidden.Count > 0)
            {
                object[] keys =
                [
                    hidden.Select(k => k.CaseId).ToArray(), hidden.Select(k => k.Owner?.ToString()).ToArray(), hidden.Select(k => k.Category?.ToString()).ToArray(),
                    hidden.Select(k => k.Addressed).ToArray(), hidden.Select(k => k.Record?.ToString()).ToArray(),
                ];
                query = query.Where(n => n.MatchesSql(
                    "not exists (select 1 from unnest(?, ?, ?, ?, ?) as h(c, o, k, a, r) where (h.c is null or h.c = d.case_id) " +
                    $"and h.o is not distinct from d.data ->> 'owner' and h.k is not distinct from d.data ->> 'category' and h.a = {Addressed} and h.r is not distinct from {Record})",
                    keys));
            }

            var notices = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(cancellationToken);
            // A notice written since the counts were read may carry a key they did not see: judged now, not let through.
            var counted = groups.Select(g => g.Key).ToHashSet();
            var unseen = notices.Select(NoticeKey.Of).Where(k => !counted.Contains(k) && !counted.Contains(k with { CaseId = null })).Distinct().ToList();
            var late = unseen.Count == 0 ? [] : await VisibleKeys(session, secrecy, request.Caller, unseen, cancellationToken);
            var page = notices.Where(n => !unseen.Contains(NoticeKey.Of(n)) || late.Contains(NoticeKey.Of(n))).Select(n => View(n, user)).ToList();
            access.ShownCaseIds = [.. page.Select(i => i.CaseId).Where(id => id != Guid.Empty).Distinct()];
            return new InboxPage(page, request.Page, request.PageSize, total, unread);
        }

        // The inbox's notices counted by visibility key, with how many of each the reader has not read. The förbund is on
        // every case, so its notices are told apart by case only where another party's entry waits on consent.
        private async Task<IReadOnlyList<(NoticeKey Key, int Count, int Unread)>> Groups(string inbox, string? caseworker, string user, bool forbund,
            CancellationToken ct)
        {
            var caseId = forbund ? $"(case when {Kannedom} or (d.data ->> 'owner' is not null and d.data ->> 'category' is not null and not {Addressed}) then d.case_id end)" : "d.case_id";
            await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"select {caseId}, d.data ->> 'owner', d.data ->> 'category', {Addressed}, {Record}, count(*), " +
                "count(*) filter (where not coalesce(d.data -> 'readBy' ? @user, false)) " +
                $"from {Infrastructure.Persistence.PersistenceSetup.Schema}.mt_doc_notice as d where d.inbox = @inbox " +
                (caseworker is null ? "" : "and d.data ->> 'caseworkerId' = @user ") +
                "group by 1, 2, 3, 4, 5";
            command.Parameters.Add(new Npgsql.NpgsqlParameter<string>("inbox", inbox));
            command.Parameters.Add(new Npgsql.NpgsqlParameter<string>("user", user));
            var groups = new List<(NoticeKey, int, int)>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = new NoticeKey(reader.IsDBNull(0) ? null : reader.GetGuid(0), reader.IsDBNull(1) ? null : Enum.Parse<PartyCode>(reader.GetString(1)),
                    reader.IsDBNull(2) ? null : Enum.Parse<InformationCategory>(reader.GetString(2)), reader.GetBoolean(3),
                    reader.IsDBNull(4) ? null : Guid.Parse(reader.GetString(4)));
                groups.Add((key, (int)reader.GetInt64(5), (int)reader.GetInt64(6)));
            }

            return groups;
        }
    }

    // Where the stored notice keeps the parts of its key (a kännedom notice, with no case, is judged by its record).
    private const string Addressed = "coalesce((d.data ->> 'addressed')::boolean, false)";
    private const string Kannedom = "d.case_id = '00000000-0000-0000-0000-000000000000'";
    private const string Record = $"(case when {Kannedom} then d.data ->> 'entryId' end)";

    /// <summary>
    /// What decides whether a notice may reach its reader: the case (null where it does not decide: the förbund reading what is
    /// no other party's entry awaiting consent), whose entry, its category, whether addressed; for a kännedom notice its record.
    /// </summary>
    internal sealed record NoticeKey(Guid? CaseId, PartyCode? Owner, InformationCategory? Category, bool Addressed, Guid? Record)
    {
        /// <summary>The key of a notice.</summary>
        public static NoticeKey Of(Notice n) => new(n.CaseId, n.Owner, n.Category, n.Addressed, n.CaseId == Guid.Empty ? n.EntryId : null);
    }

    /// <summary>The caller's inbox key: their party's, or the förbund's for a samverkansledare; none for a handläggare without a party.</summary>
    internal static string? InboxKey(CurrentUser caller) =>
        caller.Role == Roles.Samverkansledare ? Notice.Forbund : caller.Party is { } p ? Notice.InboxOf(p) : null;

    /// <summary>
    /// Of <paramref name="keys"/>, those the caller may still see, judged by the secrecy module against each case as it stands
    /// now. A case is read only as far as it decides: a party's relation to it (which parties are on it and related to it, two
    /// short lists of the file), and its consents only where another party's entry waits on them; the förbund is on every case.
    /// </summary>
    internal static async Task<HashSet<NoticeKey>> VisibleKeys(IQuerySession session, Secrecy.CaseSecrecy secrecy, CurrentUser caller,
        IReadOnlyList<NoticeKey> keys, CancellationToken ct)
    {
        var party = caller.Role == Roles.Samverkansledare ? null : caller.Party;
        bool OnACase(NoticeKey k) => k.CaseId is { } id && id != Guid.Empty;
        bool NeedsConsent(NoticeKey k) => OnACase(k) && !k.Addressed && k.Category is not null && k.Owner is not null && k.Owner != party;
        Guid[] related = party is null ? [] : [.. keys.Where(OnACase).Select(k => k.CaseId!.Value).Distinct()];
        Guid[] consented = [.. keys.Where(NeedsConsent).Select(k => k.CaseId!.Value).Distinct()];
        var batch = session.CreateBatchQuery();
        var relations = batch.Query<CaseFile>().Where(c => related.Contains(c.Id)).Select(c => new CaseParties(c.Id, c.Parties, c.RelatedParties)).ToList();
        var consents = batch.Query<CaseFile>().Where(c => consented.Contains(c.Id)).Select(c => new CaseConsents(c.Id, c.Overview.Consents)).ToList();
        // A kännedom record is known only to the party that recorded it, as its own reads answer.
        Guid[] records = [.. keys.Where(k => k.Record is not null).Select(k => k.Record!.Value).Distinct()];
        var own = batch.Query<Awareness.AwarenessFile>().Where(a => records.Contains(a.Id) && a.RecordedBy == party).Select(a => a.Id).ToList();
        await batch.Execute(ct);
        var relationOf = (await relations).ToDictionary(c => c.Id, c => CaseFile.RelationFrom(party!.Value, c.Parties, c.RelatedParties));
        var consentsOf = (await consents).ToDictionary(c => c.Id, c => c.Consents);
        var ownRecords = party is null ? [] : (await own).ToHashSet();
        return
        [
            .. keys.Where(k => k.CaseId == Guid.Empty
                ? k.Record is { } record && ownRecords.Contains(record)
                : (party is null ? RelationKind.Member : relationOf.GetValueOrDefault(k.CaseId!.Value, RelationKind.None)) is var relation
                  && secrecy.MayNotify(party, relation, k.Owner, k.Category, k.Addressed, k.CaseId is { } id ? consentsOf.GetValueOrDefault(id) ?? [] : [])),
        ];
    }

    // Which parties are on a case and which are related to it: all a party's relation needs, not the overview.
    private sealed record CaseParties(Guid Id, IReadOnlyList<PartyCode> Parties, IReadOnlyList<PartyCode> RelatedParties);

    private sealed record CaseConsents(Guid Id, IReadOnlyList<Consent> Consents);

    private static NoticeView View(Notice n, string user) =>
        new(n.Id, n.CaseId, n.Kind, n.EntryId, n.Owner, n.Rule, n.On, n.CreatedAt, n.CaseworkerId == user, n.ReadBy.Contains(user));
}
