using Finsam.Samordning.Api.Features;
using Finsam.Samordning.Api.Infrastructure.Health;
using Finsam.Samordning.Api.Infrastructure.Hosting;
using Finsam.Samordning.Api.Infrastructure.Jobs;
using Finsam.Samordning.Api.Infrastructure.Logging;
using Finsam.Samordning.Api.Infrastructure.Mediator;
using Finsam.Samordning.Api.Infrastructure.Observability;
using Finsam.Samordning.Api.Infrastructure.OpenApi;

// "migrate" applies every schema as the owner role and exits; the service itself never changes it.
if (args is ["migrate", .. var migrateArgs])
{
    return await Finsam.Samordning.Api.Infrastructure.Schema.SchemaMigrator.RunAsync(migrateArgs, FeaturesSetup.ConfigureDocuments,
        Finsam.Samordning.Api.Features.Flags.CaseFlags.BackfillAsync);
}

var builder = WebApplication.CreateBuilder(args);

// Production safety: refuse development keys and a missing authority before anything starts.
StartupGuard.EnsureSafe(builder.Configuration, builder.Environment);
// HTTP hardening: no Server header, per-caller rate limit, body limit, security headers.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddFinsamHttpHardening(builder.Configuration);
// OpenTelemetry over OTLP when Finsam:Telemetry:OtlpEndpoint is set.
builder.Services.AddFinsamTelemetry(builder.Configuration);

builder.AddFinsamLogging();
builder.Services
    .AddFinsamErrors()
    .AddFinsamJson()
    .AddFinsamAuth(builder.Configuration)
    .AddFinsamPersistence(builder.Configuration, builder.Environment, FeaturesSetup.ConfigureDocuments)
    .AddFinsamAccess()
    .AddFinsamMediator()
    .AddFinsamFeatures()
    .AddFinsamJobs(builder.Configuration)
    .AddFinsamOpenApi()
    .AddFinsamHealth();

var app = builder.Build();

// Request logging outside the error handler: it sees the status the handler answered, never an
// exception (whose message may quote input); the handler logs exceptions by type.
app.UseFinsamRequestLogging();
app.UseFinsamSecurityHeaders();
app.UseFinsamErrors();
app.UseFinsamBodyLimit();
if (app.SwaggerServed())
{
    app.UseFinsamOpenApi();
}

app.UseAuthentication();
// After authentication, so the limiter partitions by the verified caller.
app.UseRateLimiter();
app.UseFinsamAccessLog();
app.UseAuthorization();
app.MapFinsamHealth();
app.MapFinsamJobs();
app.MapFinsamFeatures();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the API.</summary>
public partial class Program;
