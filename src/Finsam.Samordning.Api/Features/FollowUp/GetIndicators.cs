namespace Finsam.Samordning.Api.Features.FollowUp;

/// <summary>The indicator tables of a period, split by a dimension, suppressed.</summary>
/// <param name="Period">yyyy, yyyy-Tn (tertial) or yyyy-MM.</param>
/// <param name="By">Row dimension.</param>
public sealed record GetIndicators(string? Period, IndicatorDimension By) : IRequest<IndicatorReport>
{
    /// <summary>Reads the query string the same way for the JSON and the exports.</summary>
    internal static GetIndicators From(string? period, string? by) => new(period, QueryEnum.Parse<IndicatorDimension>(by, "by") ?? IndicatorDimension.Total);

    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapGet("/follow-up/indicators",
                async (string? period, string? by, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(From(period, by), ct)))
            .RequireFollowUpReader()
            .WithName("GetIndicators")
            .WithTags("FollowUp")
            .WithSummary("The förbund's indicator tables")
            .WithDescription("Tables for a period (period=2026, 2026-T1 for a tertial, or 2026-03) split by by=Total, Municipality, Party, TargetGroup, " +
                "InsatsKind or Sex: people in active cases (new and continuing), cases closed by outcome, SUS participants started and ended (completed, " +
                "interrupted and why, registered in error), occupation before against after, the parallelism index as a distribution, consent coverage, " +
                "flags per rule, SIP meetings with and without the person, SIP follow-ups held or missed, anonymous participants; and days from opening " +
                "to the first insats, waiting days per party and days to resolve a flag per rule (count, median, 90th percentile). Computed from business " +
                "dates up to the period's end, so a past period always gives the same figures. Cells below the threshold (Finsam:FollowUp:SuppressionThreshold, " +
                "default 5) print \"<5\", and further cells \"..\" so that no total reveals them. Samverkansledare and administrator only.")
            .Produces<IndicatorReport>()
            .ProducesProblems(StatusCodes.Status403Forbidden);
    }

    internal sealed class Validator : AbstractValidator<GetIndicators>
    {
        public Validator()
        {
            RuleFor(q => q.Period).Must(p => ReportingPeriod.Parse(p) is not null)
                .WithMessage("period must be a year (2026), a tertial (2026-T1, T1 = January–April) or a month (2026-03).");
            RuleFor(q => q.By).IsInEnum();
        }
    }

    /// <summary>Reads the facts and computes the tables.</summary>
    internal sealed class Handler(FollowUpReader reader, BusinessCalendar calendar, IOptions<FollowUpOptions> options) : IRequestHandler<GetIndicators, IndicatorReport>
    {
        public async Task<IndicatorReport> Handle(GetIndicators request, CancellationToken cancellationToken)
        {
            var cases = await reader.FactsAsync(cancellationToken);
            var anonymous = await reader.AnonymousAsync(cancellationToken);
            return IndicatorTables.Compute(cases, anonymous, ReportingPeriod.Parse(request.Period)!, calendar.Today, request.By,
                options.Value.SuppressionThreshold);
        }
    }
}
