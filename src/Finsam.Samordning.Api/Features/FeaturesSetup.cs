using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Cases;

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
        var api = app.MapGroup("/api/v1").RequireAuthorization();
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

        var slices = typeof(FeaturesSetup).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEndpoint).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            slice.GetMethod(nameof(IEndpoint.Map))!.Invoke(null, [api]);
        }

        return app;
    }

    /// <summary>Registers what the feature slices share: the case write table's lines.</summary>
    public static IServiceCollection AddFinsamFeatures(this IServiceCollection services) => services.AddSingleton<CaseWriteLines>();
}
