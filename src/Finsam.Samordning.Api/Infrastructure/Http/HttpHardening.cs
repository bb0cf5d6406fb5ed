using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

namespace Finsam.Samordning.Api.Infrastructure.Http;

/// <summary>The <c>Finsam:Http</c> configuration section.</summary>
public sealed class HttpOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Finsam:Http";

    /// <summary>The largest request body accepted (bytes); a larger one is 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Whether Swagger UI and the OpenAPI document are served (always in Development).</summary>
    public bool SwaggerEnabled { get; set; }

    /// <summary>Per-caller rate limiting.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>
/// A token bucket per caller: the token's subject, or the client address before a token is known.
/// Off in Development and Testing (appsettings.*.json), where tests and the load benchmark would
/// otherwise measure the limiter.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Whether requests are limited at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests a caller may send at once (the bucket's size).</summary>
    public int Burst { get; set; } = 100;

    /// <summary>Requests added back to the bucket each <see cref="Period"/>.</summary>
    public int PermitsPerPeriod { get; set; } = 50;

    /// <summary>How often <see cref="PermitsPerPeriod"/> are added back.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Rate limiting, the request body limit, security headers and the Swagger switch: what stands
/// between the Internet-facing edge and the handlers.
/// </summary>
public static class HttpHardening
{
    /// <summary>Registers the options and the per-caller limiter.</summary>
    public static IServiceCollection AddFinsamHttpHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var http = configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
        services.AddSingleton(http);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limit = http.RateLimit;
                if (!limit.Enabled || context.Request.Path.StartsWithSegments("/health"))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                // Authentication has run: a verified subject is the caller; otherwise its address.
                var caller = context.User.Identity?.IsAuthenticated == true
                    ? "sub:" + CurrentUser.Of(context).UserId
                    : "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limit.Burst,
                    TokensPerPeriod = limit.PermitsPerPeriod,
                    ReplenishmentPeriod = limit.Period,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"Retry after {seconds} seconds.",
                    },
                });
            };
        });
        return services;
    }

    /// <summary>
    /// Security headers on every response, set when the response starts so that they survive the
    /// exception handler (which clears headers before it writes a problem).
    /// </summary>
    public static WebApplication UseFinsamSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SetHeaders(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>The request body limit; runs inside the exception handler, so a body too large is a 413 problem.</summary>
    public static WebApplication UseFinsamBodyLimit(this WebApplication app)
    {
        var http = app.Services.GetRequiredService<HttpOptions>();
        app.Use((context, next) =>
        {
            LimitBody(context, http.MaxRequestBodyBytes);
            return next(context);
        });
        return app;
    }

    private static void SetHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (context.Request.Path.StartsWithSegments("/swagger"))
        {
            // Swagger UI's page has inline styles and loads its scripts from itself.
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        }
        else if (context.Request.Path.StartsWithSegments("/hangfire"))
        {
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        }
        else if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            // Nothing else here is a page, unless its endpoint set its own policy (the printable SIP
            // plan has inline print styles): no script, no frame.
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // Case and personal data must not stay in a browser's or a proxy's cache.
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }

    /// <summary>Serves Swagger UI and the document only in Development or when configuration turns them on.</summary>
    public static bool SwaggerServed(this WebApplication app) =>
        app.Environment.IsDevelopment() || app.Services.GetRequiredService<HttpOptions>().SwaggerEnabled;

    private static void LimitBody(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            // Kestrel enforces it on chunked bodies too.
            feature.MaxRequestBodySize = limit;
        }
        else if (context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            // Hosts without that feature (the test server): count the bytes ourselves.
            context.Request.Body = new LimitedStream(context.Request.Body, limit);
        }
    }

    /// <summary>Fails a read that goes past the limit, as Kestrel does.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
