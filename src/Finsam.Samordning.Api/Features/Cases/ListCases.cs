using Marten.Linq.MatchesSql;
using Marten.Pagination;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>One case in a list.</summary>
/// <param name="Id">Case id.</param>
/// <param name="Version">Stream version.</param>
/// <param name="Status">Open or closed.</param>
/// <param name="MunicipalityCode">Municipality.</param>
/// <param name="TargetGroups">Target groups.</param>
/// <param name="Parties">Parties on the case.</param>
/// <param name="PlanLead">Planeringsansvarig.</param>
/// <param name="OpenedOn">When opened.</param>
/// <param name="LastActivityOn">Latest business date of anything on the case.</param>
/// <param name="PartiesWithOngoingInsats">Parties with an insats ongoing now.</param>
/// <param name="Flagged">Whether a flag is open.</param>
/// <param name="OpenFlags">Open flags.</param>
public sealed record CaseListItem(Guid Id, long Version, CaseStatus Status, string MunicipalityCode, IReadOnlyList<TargetGroup> TargetGroups,
    IReadOnlyList<PartyCode> Parties, PartyCode? PlanLead, DateOnly OpenedOn, DateOnly? LastActivityOn,
    IReadOnlyList<PartyCode> PartiesWithOngoingInsats, bool Flagged, int OpenFlags)
{
    /// <summary>From the stored case file and its count of open flags, as of <paramref name="today"/>.</summary>
    public static CaseListItem From(CaseFile f, int openFlags, DateOnly today) => new(f.Id, f.Version, f.Overview.Status, f.MunicipalityCode, f.Overview.TargetGroups,
        f.Parties, f.Overview.PlanLead, f.Overview.OpenedOn, f.LastActivityOn,
        f.Facts.PartiesWithOngoingInsats(today), openFlags > 0, openFlags);
}

/// <summary>A page of cases.</summary>
/// <param name="Items">The cases on this page, most recently active first.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Page size.</param>
/// <param name="Total">Cases matching the filters.</param>
public sealed record CasePage(IReadOnlyList<CaseListItem> Items, int Page, int PageSize, long Total);

/// <summary>List cases, filtered, sorted by last activity.</summary>
/// <param name="Party">Only cases this party is on.</param>
/// <param name="Status">Only open or closed cases.</param>
/// <param name="Flagged">Only cases with (or without) open flags.</param>
/// <param name="TargetGroup">Only cases in this target group.</param>
/// <param name="Municipality">Only cases of this municipality code.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Page size, 1–200.</param>
/// <param name="Reader">Who asks.</param>
public sealed record ListCases(PartyCode? Party, CaseStatus? Status, bool? Flagged, TargetGroup? TargetGroup, string? Municipality,
    int Page, int PageSize, Infrastructure.Auth.CurrentUser Reader) : IRequest<CasePage>
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapGet("/cases",
                async (string? party, string? status, bool? flagged, string? targetGroup, string? municipality,
                        int? page, int? pageSize, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ListCases(
                        Infrastructure.Http.QueryEnum.Parse<PartyCode>(party, "party"), Infrastructure.Http.QueryEnum.Parse<CaseStatus>(status, "status"), flagged,
                        Infrastructure.Http.QueryEnum.Parse<TargetGroup>(targetGroup, "targetGroup"), municipality, page ?? 1, pageSize ?? 50,
                        Infrastructure.Auth.CurrentUser.Of(http)), ct)))
            .RequireAuthorization(Infrastructure.Auth.Policies.CaseReader)
            .WithName("ListCases")
            .WithTags("Cases")
            .WithSummary("List cases")
            .WithDescription("Cases filtered by party, status, flagged, target group and municipality, most recently active first, a page at a time. " +
                "A handläggare lists the cases their party is related to (on the case, left it, or referred or invited and not yet answered); " +
                "the samverkansledare lists all, with target groups withheld where no consent opens them to the förbund. " +
                "party, status and targetGroup take the names of their values, in any case (status=open).")
            .Produces<CasePage>()
            .ProducesProblems();
    }
    internal sealed class Validator : AbstractValidator<ListCases>
    {
        public Validator()
        {
            RuleFor(q => q.Party).IsInEnum();
            RuleFor(q => q.Status).IsInEnum();
            RuleFor(q => q.TargetGroup).IsInEnum();
            RuleFor(q => q.Municipality).MunicipalityCode(optional: true);
            RuleFor(q => q.Page).PageNumber();
            RuleFor(q => q.PageSize).PageSize();
        }
    }

    /// <summary>Queries the case files a page at a time.</summary>
    internal sealed class Handler(IQuerySession session, Infrastructure.BusinessCalendar calendar, Secrecy.CaseSecrecy secrecy, Infrastructure.Access.AccessContext access)
        : IRequestHandler<ListCases, CasePage>
    {
        public async Task<CasePage> Handle(ListCases request, CancellationToken cancellationToken)
        {

            IQueryable<CaseFile> query = session.Query<CaseFile>();
            if (request.Reader.Role == Infrastructure.Auth.Roles.Handlaggare)
            {
                // Secrecy: a handläggare's list holds the cases their party is related to, and no other.
                if (request.Reader.Party is not { } own)
                {
                    return new CasePage([], request.Page, request.PageSize, 0);
                }

                query = query.Where(CaseFile.IsRelatedTo(own));
            }

            if (request.Party is { } party)
            {
                query = query.Where(c => c.Parties.Contains(party));
            }

            if (request.Status is { } status)
            {
                query = query.Where(c => c.Overview.Status == status);
            }

            if (request.Flagged is { } flagged)
            {
                // The flags are beside the file (CaseFlags, same id), answered by its indexed column.
                var flaggedIds = $"select id from {Infrastructure.Persistence.PersistenceSetup.Schema}.mt_doc_caseflags where flagged";
                query = flagged
                    ? query.Where(c => c.MatchesSql($"d.id in ({flaggedIds})"))
                    : query.Where(c => c.MatchesSql($"d.id not in ({flaggedIds})"));
            }

            if (request.TargetGroup is { } group)
            {
                // Target groups are the opening party's to disclose: a handläggare filters on those of
                // the cases their own party opened, so the filter cannot reveal a withheld group.
                query = request.Reader.Role == Infrastructure.Auth.Roles.Handlaggare && request.Reader.Party is { } opener
                    ? query.Where(c => c.Overview.TargetGroups.Contains(group) && c.Overview.OpeningParty == opener)
                    : query.Where(c => c.Overview.TargetGroups.Contains(group));
            }

            if (request.Municipality is { } municipality)
            {
                query = query.Where(c => c.MunicipalityCode == municipality);
            }

            var page = await query.OrderByDescending(c => c.LastActivityOn).ThenBy(c => c.Id)
                .ToPagedListAsync(request.Page, request.PageSize, cancellationToken);
            Guid[] ids = [.. page.Select(s => s.Id)];
            // The review queue's rows are the open flags, one small row each: counted here without the flags' texts and history.
            var openFlags = (await session.Query<Review.ReviewEntry>().Where(r => r.CaseId.IsOneOf(ids)).Select(r => r.CaseId).ToListAsync(cancellationToken))
                .CountBy(id => id).ToDictionary();
            access.ShownCaseIds = ids;
            return new CasePage([.. page.Select(s => secrecy.ListItem(s, openFlags.GetValueOrDefault(s.Id), request.Reader, calendar.Today))], request.Page, request.PageSize,
                page.TotalItemCount);
        }
    }
}
