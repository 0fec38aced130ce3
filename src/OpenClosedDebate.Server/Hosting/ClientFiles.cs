namespace OpenClosedDebate.Server.Hosting;

using Microsoft.Extensions.FileProviders;

/// <summary>
/// Serves the built browser client from the folder beside the server's assembly (or
/// Client:Path), with each page's entry HTML for its routes: the student page at / and /j/CODE,
/// the console at /instructor and /setup, and the projector at /projector/CODE.
/// </summary>
internal static class ClientFiles
{
    public const string PathSetting = "Client:Path";

    /// <summary>Serves the client's assets; call early, before authentication.</summary>
    public static WebApplication UseClientFiles(this WebApplication app)
    {
        if (Files(app) is not { } files)
        {
            app.Logger.LogWarning("The browser client was not found at {ClientPath}; only the API is served", Root(app));
            return app;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = c =>
            {
                // Vite puts a content hash in every asset name, so assets never change; pages do.
                c.Context.Response.Headers.CacheControl = c.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        return app;
    }

    /// <summary>Maps each page's routes to its entry HTML.</summary>
    public static WebApplication MapClientPages(this WebApplication app)
    {
        if (Files(app) is not { } files)
        {
            return app;
        }

        Page(app, files, "/", "index.html");
        Page(app, files, "/j/{code}", "index.html");
        Page(app, files, "/instructor/{**rest}", "instructor.html");
        Page(app, files, "/setup", "instructor.html");
        Page(app, files, "/projector/{code}", "projector.html");
        return app;
    }

    private static string Root(WebApplication app) => app.Configuration[PathSetting] ?? Path.Combine(AppContext.BaseDirectory, "client");

    private static PhysicalFileProvider? Files(WebApplication app)
    {
        var root = Root(app);
        return File.Exists(Path.Combine(root, "index.html")) ? new PhysicalFileProvider(root) : null;
    }

    private static void Page(WebApplication app, PhysicalFileProvider files, string pattern, string file) =>
        app.MapGet(pattern, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-cache";
                return TypedResults.File(files.GetFileInfo(file).CreateReadStream(), "text/html; charset=utf-8");
            })
            .ExcludeFromDescription();
}
