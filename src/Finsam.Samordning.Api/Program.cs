using Finsam.Samordning.Api.Features;
using Finsam.Samordning.Api.Infrastructure.Access;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Infrastructure.Errors;
using Finsam.Samordning.Api.Infrastructure.Health;
using Finsam.Samordning.Api.Infrastructure.Jobs;
using Finsam.Samordning.Api.Infrastructure.Logging;
using Finsam.Samordning.Api.Infrastructure.Mediator;
using Finsam.Samordning.Api.Infrastructure.OpenApi;
using Finsam.Samordning.Api.Infrastructure.Persistence;

// "migrate" applies every schema as the owner role and exits; the service itself never changes it.
if (args is ["migrate", .. var migrateArgs])
{
    return await Finsam.Samordning.Api.Infrastructure.Schema.SchemaMigrator.RunAsync(migrateArgs, FeaturesSetup.ConfigureDocuments);
}

var builder = WebApplication.CreateBuilder(args);

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
app.UseFinsamErrors();
app.UseFinsamOpenApi();
app.UseAuthentication();
app.UseFinsamAccessLog();
app.UseAuthorization();
app.MapFinsamHealth();
app.MapFinsamJobs();
app.MapFinsamFeatures();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the API.</summary>
public partial class Program;
