namespace OpenClosedDebate.Server.Security;

/// <summary>
/// Headers that tell the browser to run only our own scripts, never to guess content types, and never
/// to show a page inside another site's frame. API responses (including exports opened in a tab) get a
/// policy that runs nothing at all.
/// </summary>
internal static class SecurityHeaders
{
    // Preact sets styles through the DOM's style object, which a CSP doesn't restrict, so no inline
    // styles or scripts are needed. The QR code is a data: image; the hub is on the same origin.
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

    /// <summary>
    /// The REST reference's page (Scalar): its own script, its inline configuration by this request's nonce, and the
    /// styles it sets at run time; it reads the OpenAPI document from this origin and nothing from anywhere else.
    /// </summary>
    public static string ReferencePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, PathString api) =>
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(api) ? ApiPolicy : PagePolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Join links carry the room's code; don't hand it to other sites.
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return next(http);
        });
}
