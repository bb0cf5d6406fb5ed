using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Infrastructure.Http;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using Marten;
using MediatR;

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
/// <param name="Overview">The overview (flags, consents, parties, referrals, invitations).</param>
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
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
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
            RuleFor(q => q.Page).InclusiveBetween(1, 100_000);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }

    /// <summary>Reads the flagged cases and flattens their open flags.</summary>
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

            IQueryable<CaseFile> query = session.Query<CaseFile>().Where(c => c.Flagged);
            if (party is { } p)
            {
                query = query.Where(c => c.RelatedParties.Contains(p));
            }

            var today = calendar.Today;
            // The overview part only: not the decider's state nor the stall facts of every flagged case.
            var flagged = await query.Select(c => new FlaggedCase(c.Id, c.Parties, c.MunicipalityCode, c.Overview)).ToListAsync(cancellationToken);
            var items = flagged
                .SelectMany(c => c.Overview.Flags.Select(f => new ReviewItem(c.Id,
                    secrecy.Flag(f, Secrecy.CaseSecrecy.Resolve(request.Caller, c.Id, c.Overview.RelationOf), c.Overview.Consents, c.Overview.Parties.Select(p => p.Party)),
                    today.DayNumber - f.RaisedOn.DayNumber, c.Parties, c.Overview.PlanLead, c.MunicipalityCode)))
                .Where(i => request.Status switch
                {
                    FlagQueueStatus.Snoozed => i.Flag.SnoozedUntil > today,
                    _ when i.Flag.SnoozedUntil > today => false,
                    FlagQueueStatus.Acknowledged => i.Flag.AcknowledgedOn is not null,
                    FlagQueueStatus.Unacknowledged => i.Flag.AcknowledgedOn is null,
                    _ => true,
                })
                .Where(i => request.Rule is null || i.Flag.Rule == request.Rule)
                .Where(i => request.Severity is null || i.Flag.Severity == request.Severity)
                .OrderByDescending(i => i.Flag.Severity).ThenBy(i => i.Flag.RaisedOn).ThenBy(i => i.CaseId)
                .ToList();
            var page = items.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
            access.ShownCaseIds = [.. page.Select(i => i.CaseId).Distinct()];
            // Only the page's texts are opened, after the secrecy filter: concern reasons and acknowledgement notes.
            page = await opener.OpenAsync(page, (list, map) => [.. list.Select(i => i with { Flag = i.Flag.MapText(map) })], cancellationToken);
            return new ReviewPage(page, request.Page, request.PageSize, items.Count);
        }
    }
}
