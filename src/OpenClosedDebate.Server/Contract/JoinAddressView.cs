namespace OpenClosedDebate.Server.Contract;

/// <summary>
/// The address students should be shown to join at (GET /api/join-address). <c>Url</c> is null when the page's
/// own address is the one to show (<c>page</c>), or when the server knows none phones can use (<c>none</c>, with
/// the <c>Problem</c> when it knows why).
/// </summary>
public sealed record JoinAddressView(string? Url, JoinAddressSource Source, IReadOnlyList<string> NetworkUrls, JoinAddressProblem? Problem);

/// <summary>Where the join address comes from.</summary>
public enum JoinAddressSource
{
    /// <summary>The PublicUrl setting.</summary>
    PublicUrl,

    /// <summary>The address the page was opened at, which isn't this computer's own name.</summary>
    Page,

    /// <summary>The page was opened on localhost; this is the machine's address on its network.</summary>
    Network,

    /// <summary>The page was opened on localhost, and no address phones can use is known.</summary>
    None,
}

/// <summary>Why the server knows no address phones can use.</summary>
public enum JoinAddressProblem
{
    /// <summary>It listens only on the loopback (localhost).</summary>
    LocalOnly,

    /// <summary>It runs in a container, whose addresses aren't the ones phones reach.</summary>
    Container,

    /// <summary>It listens on every interface, but the machine had no network address at start-up.</summary>
    NoNetwork,
}
