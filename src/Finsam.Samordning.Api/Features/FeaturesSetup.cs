using Finsam.Samordning.Api.Features.CaseWrites;
using Finsam.Samordning.Api.Features.FollowUp;
using Hangfire;
using JasperFx.Events.Projections;

namespace Finsam.Samordning.Api.Features;

/// <summary>A vertical slice that maps its own endpoint(s).</summary>
public interface IEndpoint
{
    /// <summary>Maps the slice's endpoints onto the authenticated <c>/api/v1</c> group.</summary>
    static abstract void Map(RouteGroupBuilder api);
}

/// <summary>Maps every slice under <c>/api/v1</c>, which requires an authenticated caller.</summary>
public static class FeaturesSetup
{
    /// <summary>Maps the case writes of every area from their tables, then every <see cref="IEndpoint"/> slice.</summary>
    public static WebApplication MapFinsamFeatures(this WebApplication app)
    {
        // Input hygiene (control characters, list lengths) before any slice's own validation.
        var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilter<Infrastructure.Http.InputHygieneFilter>();
        var writes = new CaseWriteTable(api, app.Services.GetRequiredService<CaseWriteLines>(), app.Services.GetRequiredService<BusinessCalendar>());
        // Every case write of the API, area by area: each area's routes are in its *Writes.cs.
        Cases.CaseLifecycleWrites.Declare(writes);
        Parties.PartyWrites.Declare(writes);
        Consents.ConsentWrites.Declare(writes);
        Interventions.InterventionWrites.Declare(writes);
        Referrals.ReferralWrites.Declare(writes);
        Plan.PlanWrites.Declare(writes);
        Sip.SipWrites.Declare(writes);
        Contacts.ContactWrites.Declare(writes);
        Assessments.AssessmentWrites.Declare(writes);
        Benefits.BenefitWrites.Declare(writes);
        Flags.FlagWrites.Declare(writes);
        FollowUp.FollowUpWrites.Declare(writes);
        Chairs.ChairsWrites.Declare(writes);
        ExternalActors.ExternalActorWrites.Declare(writes);

        var slices = typeof(FeaturesSetup).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEndpoint).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            slice.GetMethod(nameof(IEndpoint.Map))!.Invoke(null, [api]);
        }

        // The stall scan runs where the worker role runs, on the schedule in Finsam:Jobs.
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FinsamOptions>>().Value.IsWorker)
        {
            var jobs = app.Configuration.GetSection("Finsam:Jobs").Get<Infrastructure.Jobs.JobsOptions>() ?? new Infrastructure.Jobs.JobsOptions();
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Stalls.StallScanJob>(
                Stalls.StallScanJob.Id, job => job.RunAsync(CancellationToken.None), jobs.StallScanCron);
            // Issue 14: the webhook outbox's sender.
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Webhooks.WebhookDispatchJob>(Webhooks.WebhookDispatchJob.Id,
                job => job.RunAsync(CancellationToken.None),
                app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Webhooks.WebhookOptions>>().Value.DispatchCron);
        }

        return app;
    }

    /// <summary>The document types and projections of the features: every one is named here, since outside development nothing is created on first use.</summary>
    public static void ConfigureDocuments(StoreOptions options)
    {
        // One document per case (CaseFile): the decider's state, the overview, the stall facts and
        // the list columns. A command reads it once (FetchForWriting) and, with the identity map,
        // the inline projection folds its events onto that same instance instead of reading it
        // again: one read and one write per command besides the events.
        options.Projections.Add<Cases.CaseFile.Projection>(ProjectionLifecycle.Inline);
        options.Events.UseIdentityMapForAggregates = true;

        // The case list sorts by last activity (an indexed column, so a page is read in order and
        // stops early), the stall scan reads only rows due by today (NextAttentionOn), and who is
        // related to a person is asked through the cases that name them (IndividualId). No GIN index
        // over the whole document: every command rewrites this row.
        options.Schema.For<Cases.CaseFile>()
            .Duplicate(x => x.LastActivityOn)
            .Duplicate(x => x.MunicipalityCode)
            .Duplicate(x => x.NextAttentionOn)
            .Duplicate(x => x.IndividualId!)
            .Duplicate(x => x.RelatedPartyCodes, pgType: "text[]", configure: index => index.Method = Weasel.Postgresql.Tables.IndexMethod.gin)
            // Issue 15: the follow-up facts packed, what the indicator tables read. Marten gives a
            // duplicated column an index; the packs are only ever read whole, so it is made a partial
            // index of no rows (WHERE false): a b-tree of them would cost every write and refuse a pack
            // over 2.7 kB.
            .Duplicate(x => x.FollowUpPack, pgType: "bytea", configure: index => index.Predicate = "false");

        // A case's flags beside its file (same id), so the scan's flag appends write a small
        // document instead of the whole case file. Lists and the full sweep filter on Flagged, the
        // scan also reads the cases whose snoozed flags come back (WakesOn), and the indicator
        // tables read the flags' pack with the file's (an index of no rows, as above).
        options.Projections.Add<Flags.CaseFlags.Projection>(ProjectionLifecycle.Inline);
        options.Schema.For<Flags.CaseFlags>()
            .Duplicate(x => x.Flagged)
            .Duplicate(x => x.WakesOn!)
            .Duplicate(x => x.FollowUpPack, pgType: "bytea", configure: index => index.Predicate = "false");
        options.Schema.For<Flags.CaseFlags.Backfilled>();

        // One row per open flag, so the review queue filters, sorts and pages in the database.
        options.Projections.Add<Review.ReviewEntry.Projection>(ProjectionLifecycle.Inline);
        options.Schema.For<Review.ReviewEntry>()
            .Duplicate(x => x.CaseId)
            .Duplicate(x => x.SeverityRank)
            .Duplicate(x => x.RaisedOn);

        options.Schema.For<Stalls.StallSettingsDocument>();
        options.Schema.For<Stalls.StallSweepRequest>();
        // Issue 14: a party's inbox is read newest first, by inbox key: one index on (inbox, created_at,
        // id) serves the page in its order and stops after it (a page of a 130,000-notice inbox in 3 ms
        // against 250 ms with an index on each column, which had the planner sort the whole inbox), and
        // the inbox's counts. The two columns' own indexes are of no rows (WHERE false, as above): they
        // would cost every notice written (13 a case in a full sweep) and serve no query.
        options.Schema.For<Inbox.Notice>()
            .Duplicate(x => x.Inbox, configure: index => index.Predicate = "false")
            .Duplicate(x => x.CreatedAt, configure: index => index.Predicate = "false")
            .Duplicate(x => x.CaseId)
            .Index([x => x.Inbox, x => x.CreatedAt, x => x.Id], index => index.Name = "mt_doc_notice_idx_inbox_page");
        // Webhooks: subscriptions by inbox; the outbox read by status and due time.
        options.Schema.For<Webhooks.WebhookSubscription>().Duplicate(x => x.Inbox);
        // Kännedom before a case: its own streams and inline document.
        options.Projections.Add<Awareness.AwarenessFile.Projection>(ProjectionLifecycle.Inline);
        options.Schema.For<Awareness.AwarenessFile>().Duplicate(x => x.RecordedBy).Duplicate(x => x.IndividualId);
        options.Events.AddEventType(typeof(Domain.Awareness.AwarenessRecorded));
        options.Events.AddEventType(typeof(Domain.Awareness.ContactAttempted));
        options.Events.AddEventType(typeof(Domain.Awareness.AwarenessConverted));
        options.Schema.For<Webhooks.WebhookDelivery>().Duplicate(x => x.NextAttemptAt).Duplicate(x => x.CreatedAt);
        // An individual is found by the look-up hash in the key store (finsam_keys), not here.
        options.Schema.For<Individuals.Individual>();
        // Participants counted anonymously (no case, no person): read whole by the indicator tables.
        options.Schema.For<FollowUp.AnonymousParticipant>();
    }

    /// <summary>Registers what the feature slices share: the write table's lines, the secrecy module, the stall scan.</summary>
    public static IServiceCollection AddFinsamFeatures(this IServiceCollection services) => services
        .AddWebhookOptions()
        .AddSingleton<CaseWriteLines>()
        .AddScoped<CaseWriter>()
        .AddSingleton<Inbox.NoticeWriter>()
        .AddSingleton<Webhooks.WebhookDirectory>()
        .AddScoped<Webhooks.WebhookDispatcher>()
        .AddScoped<Webhooks.WebhookDispatchJob>()
        .AddHostedService<Webhooks.WebhookPump>()
        .AddSingleton<Secrecy.CaseSecrecy>()
        .AddScoped<Stalls.StallScanJob>()
        .AddScoped<Stalls.StallScanner>()
        .AddSingleton<Stalls.StallSettingsStore>()
        .AddSingleton<Stalls.IStallSweepPrompt, Stalls.HangfireStallSweepPrompt>()
        .AddFinsamFollowUp();


    // Issue 14: webhook options and the HTTP client that sends them (no redirects: a 3xx is a failure).
    private static IServiceCollection AddWebhookOptions(this IServiceCollection services)
    {
        services.AddOptions<Webhooks.WebhookOptions>().BindConfiguration(Webhooks.WebhookOptions.Section);
        services.AddHttpClient(Webhooks.WebhookDispatcher.Client).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
