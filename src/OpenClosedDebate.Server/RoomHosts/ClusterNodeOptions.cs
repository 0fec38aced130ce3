namespace OpenClosedDebate.Server.RoomHosts;

using System.ComponentModel.DataAnnotations;

/// <summary>
/// Running as one node of a cluster (docs/cluster.md): off by default, when the server holds every room itself and
/// opens no port but its web port. On, each debate's room lives in one Orleans grain somewhere in the cluster, and
/// the nodes find each other through the PostgreSQL database (Persistence:Provider must be postgres).
/// </summary>
internal sealed class ClusterNodeOptions
{
    public const string Section = "Cluster";

    public bool Enabled { get; set; }

    /// <summary>Which cluster this node joins: nodes with the same id and database form one cluster.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ClusterId { get; set; } = "openclosed";

    /// <summary>The address other nodes reach this one at. It must be this machine's own address on their network.</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>The TCP port nodes talk to each other on (Orleans' silo port). Keep it off the public network.</summary>
    [Range(1, 65535)]
    public int NodePort { get; set; } = 11111;

    /// <summary>
    /// The Redis server every node publishes broadcasts through (the SignalR Redis backplane), as a StackExchange.Redis
    /// configuration string, e.g. <c>redis:6379</c>. Required for a cluster: without it a room's broadcasts would reach
    /// only the connections on its own node.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>How long a node waits for another to answer a health probe before counting it missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest Orleans lets a probe's wait grow to (it adapts each node's to how fast that node answered), at least
    /// <see cref="ProbeTimeout"/>. It also sets how long a node that stopped answering but whose connection carried a
    /// message lately counts as alive: this times <see cref="MissedProbesLimit"/>. Orleans' own default (4 times the
    /// probe's wait) made that 16 s, and a frozen node was declared dead only after it; with 4 s it is 8 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:02:00")]
    public TimeSpan MaxProbeTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How many probes in a row a node may miss before the others declare it dead, move its debates and drop its
    /// students' connections from the rosters. With the defaults a node that died is declared dead in about 4 to 6 s.
    /// </summary>
    [Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>How often each node makes sure every debate in a lobby or under way is live somewhere, so one whose node died comes back without waiting for a call.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ReactivateEvery { get; set; } = TimeSpan.FromSeconds(2);
}
