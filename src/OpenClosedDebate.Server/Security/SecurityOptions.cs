namespace OpenClosedDebate.Server.Security;

internal sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Origins besides the server's own that may open a hub connection, e.g. "https://debate.example.edu".
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
