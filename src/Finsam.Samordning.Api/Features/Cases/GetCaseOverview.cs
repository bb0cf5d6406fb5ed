using Finsam.Samordning.Api.Features.Secrecy;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>The joint SIP overview of a case, today or as it stood on a business date.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="AsOf">Business date; null for today.</param>
/// <param name="Reader">Who reads.</param>
public sealed record GetCaseOverview(Guid CaseId, DateOnly? AsOf, CurrentUser Reader) : IRequest<CaseOverviewResponse>
{
    internal sealed class Endpoint : Features.IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapGet("/cases/{id:guid}/overview", Handle)
            .RequireAuthorization(Policies.CaseReader)
            .WithName("GetCaseOverview")
            .WithTags("Cases")
            .WithSummary("The joint SIP overview")
            .WithDescription(
                "Everything a SIP meeting looks at: parties and caseworkers, every insats of every party on one timeline " +
                "with dates, state and days waited, referrals, the shared plan (the person's and the professionals' goals side by side, " +
                "actions with responsible party and due date), last and next SIP meeting, recent contacts, assessments side by side, " +
                "benefit decisions and the parallelism measure; actors outside the förbund named on the case and referrals to them (sent, respond-by, " +
                "days waiting or days to the answer), the known ends of labels the help depends on (KAA, aktivitetsersättning, establishment period, ...) " +
                "with days left, and each party's caseworkerReleasedOn while it has no caseworker. With asOf=YYYY-MM-DD the view is rebuilt from the events whose " +
                "business date is on or before that day, so a meeting can see what changed since the last one. Another party's entries " +
                "appear only while a consent is active that names that party and the reader (for the samverkansledare: the förbund), covers the entry's category, " +
                "and that party has confirmed; what is withheld is counted in 'withheld', so silence is not mistaken for inactivity. " +
                "Consent is judged as it stands today, also for asOf views. Free text of a person since erased reads as \"[raderad / erased]\". " +
                "404 to a party with no relation to the case.")
            .Produces<CaseOverviewResponse>()
            .ProducesProblems(StatusCodes.Status404NotFound);

        private static async Task<IResult> Handle(Guid id, DateOnly? asOf, HttpContext http, IMediator mediator, CancellationToken ct)
        {
            var overview = await mediator.Send(new GetCaseOverview(id, asOf, CurrentUser.Of(http)), ct);
            if (asOf is null)
            {
                // Only today's view carries the version to write against; a historical view does not.
                http.Response.SetETag(overview.Version);
            }

            return TypedResults.Ok(overview);
        }
    }

    /// <summary>asOf is a day that has been: not in the future, not before the earliest business date.</summary>
    internal sealed class Validator : AbstractValidator<GetCaseOverview>
    {
        public Validator(BusinessCalendar calendar) =>
            RuleFor(q => q.AsOf).HappenedIfGiven(calendar);
    }

    /// <summary>Today's view reads the projected document; an asOf view folds the stream up to that date.</summary>
    internal sealed class Handler(IQuerySession session, BusinessCalendar calendar, CaseSecrecy secrecy, FreeTextOpener opener,
        Microsoft.Extensions.Options.IOptions<FollowUp.FollowUpOptions> followUp)
        : IRequestHandler<GetCaseOverview, CaseOverviewResponse>
    {
        public async Task<CaseOverviewResponse> Handle(GetCaseOverview request, CancellationToken cancellationToken)
        {
            // Consent as it stands today decides what may be shown, whatever date the view describes.
            var current = await Flags.CaseFlags.OverviewAsync(session, request.CaseId, cancellationToken) ?? throw NotFoundException.Case(request.CaseId);
            var viewer = CaseSecrecy.Resolve(request.Reader, request.CaseId, current.RelationOf);
            var (overview, asOf) = request.AsOf is { } date ? (await AsOf(request.CaseId, date, cancellationToken), date) : (current, calendar.Today);
            var (visible, withheld) = secrecy.Overview(overview, viewer, current.Consents);
            // Texts are opened after the filter: what the reader may not see is never decrypted.
            visible = await opener.OpenAsync(visible, (o, map) => o.MapText(map), cancellationToken);
            return CaseOverviewResponse.From(visible, asOf) with
            {
                Withheld = withheld,
                // Due and overdue are judged from the answers the reader may see.
                Progress = Domain.FollowUp.ProgressView.Of(visible.Progress, visible.OpenedOn, visible.Status == CaseStatus.Closed, asOf,
                    followUp.Value.QuestionnaireIntervalMonths, followUp.Value.QuestionnaireGraceDays),
            };
        }

        private async Task<CaseOverview> AsOf(Guid caseId, DateOnly asOf, CancellationToken cancellationToken)
        {
            var events = await session.Events.FetchStreamAsync(caseId, token: cancellationToken);

            // The business date decides, not the server timestamp: yesterday's home visit logged
            // today belongs to yesterday's picture.
            CaseOverview? overview = null;
            long version = 0;
            foreach (var e in events)
            {
                if (e.Data is ICaseEvent ce && ce.BusinessDate <= asOf)
                {
                    overview = CaseOverview.Project(overview, ce);
                    // The case's version, as its ETag counts: flag events do not move it.
                    version = ce is IFlagEvent ? version : e.Version;
                }
            }

            if (overview is null)
            {
                throw new NotFoundException($"The case had not been opened on {asOf:yyyy-MM-dd}.");
            }

            overview.Version = version;
            return overview;
        }
    }
}
