namespace OpenClosedDebate.Server.Security;

using Microsoft.Extensions.Options;
using OpenClosedDebate.Server.Logs;
using OpenClosedDebate.Server.Network;

/// <summary>
/// Refuses hub connections that a browser opens from another site. A request without an Origin
/// header is not from a browser page, so the check does not apply.
/// </summary>
internal static class OriginCheck
{
    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app, PathString hubs) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments(hubs), branch => branch.Use(async (http, next) =>
        {
            var origin = http.Request.Headers.Origin.ToString();
            if (origin.Length == 0 || IsAllowed(origin, http))
            {
                await next(http);
                return;
            }

            http.RequestServices.GetRequiredService<RefusalLog>().ForeignOrigin(origin);
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }));

    /// <summary>Whether a browser origin is this server itself (as the request or PublicUrl names it) or one the settings allow.</summary>
    public static bool IsAllowed(string origin, HttpContext http)
    {
        if (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var allowed = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.AllowedOrigins
            .Append(http.RequestServices.GetRequiredService<IOptions<PublicUrlOptions>>().Value.Origin ?? string.Empty);
        return allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }
}
