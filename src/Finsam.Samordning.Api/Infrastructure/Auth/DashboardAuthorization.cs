using Hangfire.Dashboard;

namespace Finsam.Samordning.Api.Infrastructure.Auth;

/// <summary>
/// Who may open the Hangfire dashboard: a caller whose bearer token (verified by the same JWT
/// authentication as the API) has the administrator role; never by address, since behind a
/// same-host proxy every request is local. The token travels in the Authorization header, which a
/// browser never adds by itself, so the dashboard's trigger and delete POSTs cannot be forged from
/// another site (no ambient cookie). In Development a request from the machine itself is let in too,
/// so that <c>run.sh</c>'s dashboard opens in a browser.
/// </summary>
public sealed class DashboardAuthorization(bool allowLocalInDevelopment) : IDashboardAuthorizationFilter
{
    /// <inheritdoc />
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(Roles.Administrator))
        {
            return true;
        }

        return allowLocalInDevelopment && http.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote)
            && !http.Request.Headers.ContainsKey("X-Forwarded-For");
    }
}
