namespace OpenClosedDebate.Server.Hosting;

/// <summary>
/// The folder that holds appsettings.json and, by default, the data and logs: the working directory
/// when it has the settings (as under <c>dotnet run</c>, which runs in the project folder), else the
/// folder of the server's assembly, so the binary works when started from anywhere.
/// </summary>
internal static class ContentRoot
{
    public static string Find()
    {
        var here = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(here, "appsettings.json")) ? here : AppContext.BaseDirectory;
    }
}
