using Finsam.Samordning.Api.Features.Cases;
using Marten.Linq.MatchesSql;
using Marten.Pagination;

namespace Finsam.Samordning.Api.Features.Review;

/// <summary>Which flags the queue shows.</summary>
public enum FlagQueueStatus
{
    /// <summary>Every open flag, acknowledged or not, except those snoozed until a later day.</summary>
    Open,
    /// <summary>Open flags nobody has acknowledged yet.</summary>
    Unacknowledged,
    /// <summary>Open flags someone has acknowledged.</summary>
    Acknowledged,
    /// <summary>Flags put aside by an acknowledgement until a later day (they return then if still true).</summary>
    Snoozed,
}

/// <summary>A flag in the review queue, with the case around it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Flag">The flag: rule, severity, reason, since, acknowledgement.</param>
/// <param name="DaysFlagged">Days since it was raised.</param>
/// <param name="Parties">Parties on the case.</param>
/// <param name="PlanLead">Planeringsansvarig.</param>
/// <param name="MunicipalityCode">Municipality.</param>
public sealed record ReviewItem(Guid CaseId, OpenFlag Flag, int DaysFlagged, IReadOnlyList<PartyCode> Parties, PartyCode? PlanLead, string MunicipalityCode);

/// <summary>What the review queue reads of a flagged case file.</summary>
/// <param name="Id">Case id.</param>
/// <param name="Parties">Parties on the case now.</param>
/// <param name="MunicipalityCode">Municipality.</param>
/// <param name="Overview">The overview (consents, parties, referrals, invitations; the flags are read from <see cref="Flags.CaseFlags"/>).</param>
public sealed record FlaggedCase(Guid Id, IReadOnlyList<PartyCode> Parties, string MunicipalityCode, CaseOverview Overview);

/// <summary>A page of the review queue.</summary>
/// <param name="Items">Most severe first, then oldest first.</param>
/// <param name="Page">Page number.</param>
/// <param name="PageSize">Page size.</param>
/// <param name="Total">Flags matching the filters.</param>
public sealed record ReviewPage(IReadOnlyList<ReviewItem> Items, int Page, int PageSize, int Total);

/// <summary>The review queue of open flags.</summary>
/// <param name="Status">Open (default), unacknowledged or acknowledged.</param>
/// <param name="Party">Only cases this party is on (a handläggare always sees their own party's).</param>
/// <param name="Rule">Only this rule.</param>
/// <param name="Severity">Only this severity.</param>
/// <param name="Page">Page from 1.</param>
/// <param name="PageSize">Page size 1–200.</param>
/// <param name="Caller">Who asks.</param>
public sealed record ListFlags(FlagQueueStatus Status, PartyCode? Party, string? Rule, FlagSeverity? Severity, int Page, int PageSize, CurrentUser Caller)
    : IRequest<ReviewPage>
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapGet("/review/flags",
                async (string? status, string? party, string? rule, string? severity, int? page, int? pageSize,
                        HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ListFlags(
                        QueryEnum.Parse<FlagQueueStatus>(status, "status") ?? FlagQueueStatus.Open, QueryEnum.Parse<PartyCode>(party, "party"), rule,
                        QueryEnum.Parse<FlagSeverity>(severity, "severity"), page ?? 1, pageSize ?? 50, CurrentUser.Of(http)), ct)))
            .RequireAuthorization(Policies.Review)
            .WithName("ListFlags")
            .WithTags("Review")
            .WithSummary("The review queue")
            .WithDescription("Open flags across cases, most severe first and then oldest first, each with the case's parties and days flagged. " +
                "status: open (default), unacknowledged, acknowledged or snoozed (put aside until a later day; not in the others); severity: critical, warning or advice; rule: a stall rule code or ManualConcern. " +
                "Acknowledged flags stay in the queue until cleared. A handläggare sees the cases their party is related to.")
            .Produces<ReviewPage>()
            .ProducesProblems(StatusCodes.Status403Forbidden);
    }
    internal sealed class Validator : AbstractValidator<ListFlags>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum();
            RuleFor(q => q.Party).IsInEnum();
            RuleFor(q => q.Severity).IsInEnum();
            RuleFor(q => q.Rule).Must(r => r is null || r == OpenFlag.ManualConcern || Domain.Stalls.StallRuleCodes.All.Contains(r))
                .WithMessage("rule must be a stall rule code or ManualConcern.");
            RuleFor(q => q.Page).PageNumber();
            RuleFor(q => q.PageSize).PageSize();
        }
    }

    /// <summary>Pages the open flags in the database, then reads the page's cases.</summary>
    internal sealed class Handler(IQuerySession session, BusinessCalendar calendar, Secrecy.CaseSecrecy secrecy, Infrastructure.Access.AccessContext access,
        Infrastructure.Access.FreeTextOpener opener) : IRequestHandler<ListFlags, ReviewPage>
    {
        public async Task<ReviewPage> Handle(ListFlags request, CancellationToken cancellationToken)
        {
            // A handläggare works their own party's cases; the förbund sees all.
            var party = request.Caller.Role == Roles.Handlaggare ? request.Caller.Party : request.Party;
            if (request.Caller.Role == Roles.Handlaggare && party is null)
            {
                return new ReviewPage([], request.Page, request.PageSize, 0);
            }

            // Filtered, sorted and paged in the database, one row per open flag: rule, severity,
            // dates and acknowledgement are never withheld, so filtering on them reveals nothing.
            IQueryable<ReviewEntry> query = session.Query<ReviewEntry>();
            if (party is { } p)
            {
                string[] codes = [p.ToString()];
                query = query.Where(e => e.MatchesSql(
                    $"d.case_id in (select id from {Infrastructure.Persistence.PersistenceSetup.Schema}.mt_doc_casefile where related_party_codes @> ?)", new object[] { codes }));
            }

            // A snoozed flag leaves the queue until its day; status=snoozed lists only those.
            var today = calendar.Today;
            query = request.Status == FlagQueueStatus.Snoozed
                ? query.Where(e => e.SnoozedUntil != null && e.SnoozedUntil > today)
                : query.Where(e => e.SnoozedUntil == null || e.SnoozedUntil <= today);
            query = request.Status switch
            {
                FlagQueueStatus.Acknowledged => query.Where(e => e.Acknowledged),
                FlagQueueStatus.Unacknowledged => query.Where(e => !e.Acknowledged),
                _ => query,
            };
            if (request.Rule is { } rule)
            {
                query = query.Where(e => e.Rule == rule);
            }

            if (request.Severity is { } severity)
            {
                var rank = (int)severity;
                query = query.Where(e => e.SeverityRank == rank);
            }

            var entries = await query.OrderByDescending(e => e.SeverityRank).ThenBy(e => e.RaisedOn).ThenBy(e => e.CaseId).ThenBy(e => e.Id)
                .ToPagedListAsync(request.Page, request.PageSize, cancellationToken);

            // Then the page's cases, the overview part only (what secrecy needs), and their flags' texts, in one round trip.
            var caseIds = entries.Select(e => e.CaseId).Distinct().ToArray();
            var batch = session.CreateBatchQuery();
            var casesRead = batch.Query<CaseFile>().Where(c => caseIds.Contains(c.Id))
                .Select(c => new FlaggedCase(c.Id, c.Parties, c.MunicipalityCode, c.Overview)).ToList();
            var flagsRead = batch.LoadMany<Flags.CaseFlags>().ById(caseIds);
            await batch.Execute(cancellationToken);
            var cases = (await casesRead).ToDictionary(c => c.Id);
            var flags = (await flagsRead).SelectMany(f => f.Open).ToDictionary(f => f.Id);
            var page = entries
                // A flag cleared between the two reads is gone from its case's flags: it leaves the page.
                .Where(e => flags.ContainsKey(e.Id))
                .Select(e => (Case: cases[e.CaseId], Flag: flags[e.Id]))
                .Select(x => new ReviewItem(x.Case.Id,
                    secrecy.Flag(x.Flag, Secrecy.CaseSecrecy.Resolve(request.Caller, x.Case.Id, x.Case.Overview.RelationOf), x.Case.Overview.Consents, x.Case.Overview.Parties.Select(p => p.Party)),
                    today.DayNumber - x.Flag.RaisedOn.DayNumber, x.Case.Parties, x.Case.Overview.PlanLead, x.Case.MunicipalityCode))
                .ToList();
            access.ShownCaseIds = caseIds;
            // Only the page's texts are opened, after the secrecy filter: concern reasons and acknowledgement notes.
            page = await opener.OpenAsync(page, (list, map) => [.. list.Select(i => i with { Flag = i.Flag.MapText(map) })], cancellationToken);
            return new ReviewPage(page, request.Page, request.PageSize, (int)entries.TotalItemCount);
        }
    }
}
