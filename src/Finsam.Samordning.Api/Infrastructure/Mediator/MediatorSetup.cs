using System.Reflection;

namespace Finsam.Samordning.Api.Infrastructure.Mediator;

/// <summary>
/// MediatR 5.1.0 registration by hand: that version has no DI package here, so handlers are found
/// by an assembly scan and MediatR resolves them through a <see cref="ServiceFactory"/> delegate.
/// </summary>
public static class MediatorSetup
{
    /// <summary>Registers the mediator, every handler and validator in this assembly, and the pipeline.</summary>
    public static IServiceCollection AddFinsamMediator(this IServiceCollection services)
    {
        var assembly = typeof(MediatorSetup).Assembly;
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, MediatR.Mediator>();

        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                services.AddScoped(contract, type);
            }
        }

        // Order matters: logging wraps validation, so a refused request is logged with its outcome
        // and never reaches the database; idempotency wraps the commit, so a retry that fails on
        // it is answered with the first result; the unit of work commits innermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AccessLogBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));
        services.AddScoped<CommandTransaction>();

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        ValidatorOptions.Global.PropertyNameResolver = CamelCasePropertyNameResolver.ResolvePropertyName;
        ValidatorOptions.Global.DisplayNameResolver = CamelCasePropertyNameResolver.ResolvePropertyName;
        return services;
    }

    private static class CamelCasePropertyNameResolver
    {
        // Field errors must name the JSON field the caller sent, which is camelCase.
        public static string? ResolvePropertyName(Type type, MemberInfo? member, System.Linq.Expressions.LambdaExpression? expression)
        {
            var path = expression is null ? member?.Name : FluentValidation.Internal.PropertyChain.FromExpression(expression).ToString();
            if (string.IsNullOrEmpty(path))
            {
                return member?.Name;
            }

            // Commands wrap the request body as Body; the caller knows its fields without that prefix.
            var parts = path.Split('.');
            if (parts.Length > 1 && parts[0] == "Body")
            {
                parts = parts[1..];
            }

            return string.Join('.', parts.Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
        }
    }
}
