namespace OpenClosedDebate.Server.Security;

using Microsoft.Extensions.Options;

/// <summary>
/// Refuses hub connections that a browser opens from another site. A request without an Origin
/// header is not from a browser page, so the check does not apply.
/// </summary>
internal static partial class OriginCheck
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

            LogRefused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OriginCheck).FullName!), origin);
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }));

    /// <summary>Whether a browser origin is this server itself or one the settings allow.</summary>
    public static bool IsAllowed(string origin, HttpContext http)
    {
        if (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var allowed = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.AllowedOrigins;
        return allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a hub connection from origin {Origin}")]
    private static partial void LogRefused(ILogger logger, string origin);
}
