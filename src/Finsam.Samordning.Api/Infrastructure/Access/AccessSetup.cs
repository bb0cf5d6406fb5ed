namespace Finsam.Samordning.Api.Infrastructure.Access;

/// <summary>Secrecy and the access log.</summary>
public static class AccessSetup
{
    /// <summary>Registers the sealing of free text, the key store and the access-log writer (their schemas are applied by <c>migrate</c>).</summary>
    public static IServiceCollection AddFinsamAccess(this IServiceCollection services)
    {
        services.AddOptions<CryptoOptions>().BindConfiguration("Finsam:Crypto");
        services.AddSingleton<PersonalDataProtector>();
        // Scoped: unwrapped keys live for one request, so an erasure takes effect on the next.
        services.AddScoped<TextKeys>();
        services.AddScoped<FreeTextSealer>();
        services.AddScoped<FreeTextOpener>();
        services.AddScoped<AccessContext>();
        services.AddSingleton<AccessLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessLogWriter>());
        services.AddSingleton(sp => new KeyStore(KeyStore.ConnectionStringFrom(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton<Schema.SchemaExpectation>();
        return services;
    }

    /// <summary>Logs access to case and individual data (between authentication and authorization).</summary>
    public static WebApplication UseFinsamAccessLog(this WebApplication app)
    {
        app.UseMiddleware<AccessLogMiddleware>();
        return app;
    }
}

/// <summary>Names of the schemas beside Marten's; their SQL is in <see cref="Schema.SchemaScripts"/>, applied by <c>migrate</c>.</summary>
public static class AccessAndKeySchemas
{
    /// <summary>Schema of the individuals' and cases' keys, kept apart from the data they protect (possibly in another database).</summary>
    public const string KeySchema = "finsam_keys";
}
