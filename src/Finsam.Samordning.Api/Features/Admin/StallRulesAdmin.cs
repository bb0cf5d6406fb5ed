using Finsam.Samordning.Api.Features.Stalls;

namespace Finsam.Samordning.Api.Features.Admin;

/// <summary>A rule's settings as administrators see and set them.</summary>
/// <param name="Rule">Rule code.</param>
/// <param name="Enabled">Whether the rule runs.</param>
/// <param name="Days">Threshold or window in days.</param>
/// <param name="Count">For RepeatedNoShows and ReferralPingPong: how many within the window.</param>
public sealed record StallRuleSetting(string Rule, bool Enabled, int Days, int Count);

/// <summary>Read the stall rules' settings.</summary>
public sealed record GetStallRules : IRequest<IReadOnlyList<StallRuleSetting>>
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapGet("/admin/stall-rules",
                async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetStallRules(), ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("GetStallRules")
            .WithTags("Administration")
            .WithSummary("The stall rules' settings")
            .WithDescription("Every rule with whether it runs and its thresholds: design defaults, then configuration, then what administrators stored.")
            .Produces<IReadOnlyList<StallRuleSetting>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
    internal sealed class Handler(StallSettingsStore store) : IRequestHandler<GetStallRules, IReadOnlyList<StallRuleSetting>>
    {
        public async Task<IReadOnlyList<StallRuleSetting>> Handle(GetStallRules request, CancellationToken cancellationToken)
        {
            var settings = await store.GetAsync(cancellationToken);
            return [.. StallRuleCodes.All.Select(r => settings.For(r)).Zip(StallRuleCodes.All, (s, r) => new StallRuleSetting(r, s.Enabled, s.Days, s.Count))];
        }
    }
}

/// <summary>Change some rules' settings; the rest stay as they are. A full sweep follows.</summary>
/// <param name="Rules">The rules to change.</param>
/// <param name="UserId">Who changes them.</param>
public sealed record UpdateStallRules(IReadOnlyList<StallRuleSetting> Rules, string UserId) : IRequest<IReadOnlyList<StallRuleSetting>>
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapPut("/admin/stall-rules",
                async (IReadOnlyList<StallRuleSetting> rules, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new UpdateStallRules(rules, CurrentUser.Of(http).UserId), ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("UpdateStallRules")
            .WithTags("Administration")
            .WithSummary("Change the stall rules' settings")
            .WithDescription("Enables or disables rules and sets their thresholds (no negative days; counts at least 1 where a rule counts). " +
                "Every process uses the stored settings from its next scan; a full sweep is queued so every case is judged by the new thresholds.")
            .Produces<IReadOnlyList<StallRuleSetting>>()
            .ProducesProblems(StatusCodes.Status403Forbidden);
    }

    /// <summary>No unknown rules, no negative days, sensible counts.</summary>
    internal sealed class Validator : AbstractValidator<UpdateStallRules>
    {
        public Validator()
        {
            RuleFor(c => c.Rules).NotEmpty();
            RuleForEach(c => c.Rules).ChildRules(rule =>
            {
                rule.RuleFor(r => r.Rule).Must(r => StallRuleCodes.All.Contains(r))
                    .WithMessage(r => $"'{r.Rule}' is not a stall rule. Rules: {string.Join(", ", StallRuleCodes.All)}.");
                rule.RuleFor(r => r.Days).InclusiveBetween(0, 3650);
                rule.RuleFor(r => r.Count).GreaterThanOrEqualTo(1)
                    .When(r => r.Rule is StallRuleCodes.RepeatedNoShows or StallRuleCodes.ReferralPingPong);
                rule.RuleFor(r => r.Count).InclusiveBetween(0, 1000);
            });
            RuleFor(c => c.Rules).Must(r => r.Select(x => x.Rule).Distinct().Count() == r.Count).WithMessage("Name each rule once.");
        }
    }

    /// <summary>Stores the settings and queues a full sweep.</summary>
    internal sealed class Handler(IDocumentStore store, StallSettingsStore settings, IStallSweepPrompt prompt, TimeProvider time, ILogger<UpdateStallRules> logger)
        : IRequestHandler<UpdateStallRules, IReadOnlyList<StallRuleSetting>>
    {
        public async Task<IReadOnlyList<StallRuleSetting>> Handle(UpdateStallRules request, CancellationToken cancellationToken)
        {
            await using (var session = store.LightweightSession())
            {
                var current = await session.LoadAsync<StallSettingsDocument>(StallSettingsDocument.CurrentId, cancellationToken)
                    ?? new StallSettingsDocument();
                foreach (var rule in request.Rules)
                {
                    current.Rules[rule.Rule] = new RuleSettings(rule.Enabled, rule.Days, rule.Count);
                }

                current.UpdatedAt = time.GetUtcNow();
                current.UpdatedBy = request.UserId;
                session.Store(current);
                // New thresholds change when every case is due: every case must be judged once. The
                // sweep is owed in the change's own transaction, so no crash can keep one without the other.
                session.Store(new StallSweepRequest { Id = Guid.CreateVersion7(), RequestedAt = current.UpdatedAt, RequestedBy = request.UserId });
                await session.SaveChangesAsync(cancellationToken);
            }

            try
            {
                prompt.Prompt();
            }
            catch (Exception ex)
            {
                // The change and its sweep are committed; only the prompt failed. The next scheduled
                // scan runs the sweep, so the administrator's change stands.
                logger.LogWarning("Stall rules changed; prompting the sweep failed ({Exception}), the next scheduled scan runs it", ex.GetType().Name);
            }

            var effective = await settings.GetAsync(cancellationToken);
            return [.. StallRuleCodes.All.Select(r => new StallRuleSetting(r, effective.For(r).Enabled, effective.For(r).Days, effective.For(r).Count))];
        }
    }
}

/// <summary>Run the stall scan now and report what it did.</summary>
/// <param name="Full">Examine every open or flagged case, not only those due.</param>
public sealed record RunStallScan(bool Full) : IRequest<StallScanReport>
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapPost("/admin/stall-scan",
                async (bool? full, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new RunStallScan(full ?? false), ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("RunStallScan")
            .WithTags("Administration")
            .WithSummary("Run the stall scan now")
            .WithDescription("Runs the scan in this request (the recurring job does the same on its schedule) and returns cases examined, flags raised and cleared, and the duration. full=true examines every open or flagged case.")
            .Produces<StallScanReport>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
    internal sealed class Handler(StallScanner scanner) : IRequestHandler<RunStallScan, StallScanReport>
    {
        public Task<StallScanReport> Handle(RunStallScan request, CancellationToken cancellationToken) => scanner.RunAsync(request.Full, cancellationToken);
    }
}
