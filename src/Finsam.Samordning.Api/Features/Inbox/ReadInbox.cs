using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Domain.Inbox;
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

    /// <summary>Reads the inbox's notices, filters them through the secrecy module against each case as it stands now, then pages.</summary>
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
            IQueryable<Notice> query = session.Query<Notice>().Where(n => n.Inbox == inbox);
            if (request.Mine)
            {
                query = query.Where(n => n.CaseworkerId == user);
            }

            var notices = await query.OrderByDescending(n => n.CreatedAt).ToListAsync(cancellationToken);
            var visible = await Visible(session, secrecy, request.Caller, notices, cancellationToken);
            var items = visible.Select(n => View(n, user)).Where(v => !request.Unread || !v.Read).ToList();
            var page = items.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
            access.ShownCaseIds = [.. page.Select(i => i.CaseId).Where(id => id != Guid.Empty).Distinct()];
            return new InboxPage(page, request.Page, request.PageSize, items.Count, visible.Count(n => !n.ReadBy.Contains(user)));
        }
    }

    /// <summary>The caller's inbox key: their party's, or the förbund's for a samverkansledare; none for a handläggare without a party.</summary>
    internal static string? InboxKey(CurrentUser caller) =>
        caller.Role == Roles.Samverkansledare ? Notice.Forbund : caller.Party is { } p ? Notice.InboxOf(p) : null;

    /// <summary>The notices the caller may still see, judged against each case as it stands now.</summary>
    internal static async Task<List<Notice>> Visible(IQuerySession session, Secrecy.CaseSecrecy secrecy, CurrentUser caller, IReadOnlyList<Notice> notices,
        CancellationToken ct)
    {
        var caseIds = notices.Select(n => n.CaseId).Where(id => id != Guid.Empty).Distinct().ToArray();
        var cases = (await session.Query<CaseFile>().Where(c => caseIds.Contains(c.Id)).Select(c => c.Overview).ToListAsync(ct))
            .ToDictionary(o => o.Id);
        var party = caller.Role == Roles.Samverkansledare ? null : caller.Party;
        // A kännedom record is known only to the party that recorded it, as its own reads answer.
        var recordIds = notices.Where(n => n.CaseId == Guid.Empty && n.EntryId is not null).Select(n => n.EntryId!.Value).Distinct().ToArray();
        var ownRecords = party is null || recordIds.Length == 0 ? [] : (await session.Query<Awareness.AwarenessFile>()
            .Where(a => recordIds.Contains(a.Id) && a.RecordedBy == party.Value).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        return
        [
            .. notices.Where(n => n.CaseId == Guid.Empty
                ? n.EntryId is { } record && ownRecords.Contains(record)
                : cases.TryGetValue(n.CaseId, out var o)
                  && secrecy.MayNotify(party, party is { } p ? o.RelationOf(p) : RelationKind.Member, n.Owner, n.Category, n.Addressed, o.Consents)),
        ];
    }

    private static NoticeView View(Notice n, string user) =>
        new(n.Id, n.CaseId, n.Kind, n.EntryId, n.Owner, n.Rule, n.On, n.CreatedAt, n.CaseworkerId == user, n.ReadBy.Contains(user));
}
