namespace OpenClosedDebate.Server.Hosting;

/// <summary>
/// <c>healthcheck [URL]</c>: asks a running server's /healthz and exits 0 when healthy. The container
/// image has no curl, so its HEALTHCHECK runs this.
/// </summary>
internal static class HealthProbe
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "healthcheck";

    public static async Task<int> RunAsync(string[] args)
    {
        var port = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';', ',')[0] ?? "8080";
        var url = args.Length > 1 ? args[1] : $"http://127.0.0.1:{port}/healthz";
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
}
