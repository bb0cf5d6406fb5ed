using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.Samordning.Api.Tests.Host;

/// <summary>A host with one extra route that fails, to see what an unhandled exception looks like outside.</summary>
public sealed class FaultyApiFactory : ApiFactory
{
    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingRoute>());
    }

    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Appended after the app's own pipeline, so the app's exception handler wraps it.
            app.Use((HttpContext ctx, RequestDelegate _) => ctx.Request.Path == "/test/boom"
                ? throw new InvalidOperationException("connection string Password=hunter2 leaked")
                : Task.CompletedTask);
        };
    }
}

/// <summary>An unhandled exception is a 500 with a trace id and nothing internal.</summary>
public sealed class UnhandledErrorTests(FaultyApiFactory api) : IClassFixture<FaultyApiFactory>
{
    [Fact]
    public async Task An_unhandled_exception_is_500_problem_details_with_a_trace_id_and_no_internals()
    {
        var response = await api.CreateClient().GetAsync("/test/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = await response.Object();
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
        Assert.DoesNotContain("hunter2", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
    }
}
