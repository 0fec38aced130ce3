namespace OpenClosedDebate.Server.Hosting;

/// <summary>
/// <c>healthcheck [URL]</c>: asks a running server's /healthz and exits 0 when healthy. The container
/// image has no curl, so its HEALTHCHECK runs this. Without a URL it asks the address the server listens
/// on, read from the same settings the server reads (<c>--urls</c>, <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>, appsettings.json), given in any of the same ways and anywhere on the line.
/// </summary>
internal static class HealthProbe
{
    public static bool IsCommand(CommandLine command) => command.Is("healthcheck");

    public static async Task<int> RunAsync(CommandLine command)
    {
        if (command.Error is { } error || command.Words.Count > 2)
        {
            await Console.Error.WriteLineAsync(command.Error ?? "Usage: healthcheck [URL] [--urls=URL]");
            return 2;
        }

        var url = command.Words.Count > 1 ? command.Words[1] : $"{Listening(command.Settings)}/healthz";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException)
        {
            return 1;
        }
        catch (TaskCanceledException)
        {
            return 1;
        }
    }

    /// <summary>The first address the server listens on, with a wildcard host asked on the loopback.</summary>
    private static string Listening(string[] settings)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(ContentRoot.Find(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();
        if (config["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } first)
        {
            var uri = new UriBuilder(first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
            if (uri.Host is "0.0.0.0" or "[::]")
            {
                uri.Host = uri.Host == "[::]" ? "[::1]" : "127.0.0.1";
            }

            return uri.Uri.GetLeftPart(UriPartial.Authority);
        }

        var port = config["http_ports"]?.Split(';', ',')[0] ?? "8080";
        return $"http://127.0.0.1:{port}";
    }
}
