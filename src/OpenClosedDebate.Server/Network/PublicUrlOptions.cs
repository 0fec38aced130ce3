namespace OpenClosedDebate.Server.Network;

using System.Net;
using Microsoft.Extensions.Options;

/// <summary>
/// <c>PublicUrl</c>: the address students type or scan, when it isn't the one the console was opened at
/// (behind a proxy, in a container, or to pin one of several network addresses).
/// </summary>
internal sealed class PublicUrlOptions
{
    public const string Key = "PublicUrl";

    /// <summary>An absolute http(s) address with nothing after the host and port, e.g. https://debate.school.edu.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The setting as a scheme, host and port with no trailing slash, or null when it isn't set.</summary>
    public string? Origin => Parse(PublicUrl)?.GetLeftPart(UriPartial.Authority);

    public static OptionsBuilder<PublicUrlOptions> Add(IServiceCollection services) =>
        services.AddOptions<PublicUrlOptions>()
            .Configure<IConfiguration>((options, config) => options.PublicUrl = config[Key])
            .Validate(
                o => string.IsNullOrWhiteSpace(o.PublicUrl) || Parse(o.PublicUrl) is not null,
                $"{Key} must be the address phones use, an absolute http:// or https:// address with no path, query or user name, "
                + "and not this computer's own name (localhost, 127.0.0.1, 0.0.0.0), e.g. https://debate.school.edu or http://192.168.1.20:5080.")
            .ValidateOnStart();

    private static Uri? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var plain = uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
        var local = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)));
        return plain && !local ? uri : null;
    }
}
