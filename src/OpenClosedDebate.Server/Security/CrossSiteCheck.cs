namespace OpenClosedDebate.Server.Security;

using OpenClosedDebate.Server.Contract;

/// <summary>
/// Refuses REST calls that change state when a browser says they come from another site: the Origin
/// is neither this server nor an allowed origin, or Sec-Fetch-Site says cross-site. The sign-in cookie
/// is SameSite=Strict as well; this is the second lock on the door. Calls from outside a browser
/// (scripts, curl) carry neither header and are let through to authentication as usual.
/// </summary>
internal static class CrossSiteCheck
{
    public static IApplicationBuilder UseCrossSiteCheck(this IApplicationBuilder app, PathString api) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments(api) && !IsSafe(c.Request.Method), branch => branch.Use(async (http, next) =>
        {
            if (IsCrossSite(http))
            {
                await Problems.WriteAsync(http, StatusCodes.Status403Forbidden, "This request came from another site, so it was refused.", "crossSite");
                return;
            }

            await next(http);
        }));

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private static bool IsCrossSite(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return !OriginCheck.IsAllowed(origin, http);
        }

        var site = http.Request.Headers["Sec-Fetch-Site"].ToString();
        return site is "cross-site" or "same-site";
    }
}
