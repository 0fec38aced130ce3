namespace OpenClosedDebate.Server.Security;

using System.ComponentModel.DataAnnotations;

/// <summary>Limits on how fast one student, connection or address may act. Refusals say to wait and try again.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Arguments a student may post in a burst; one more every <see cref="ArgumentRefill"/>.</summary>
    [Range(1, 1000)]
    public int ArgumentBurst { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ArgumentRefill { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Ballots (and revisions) a student may send in a burst; one more every <see cref="BallotRefill"/>.</summary>
    [Range(1, 1000)]
    public int BallotBurst { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan BallotRefill { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Hub calls of any kind one connection may make per second, to blunt floods of bad calls.</summary>
    [Range(1, 100_000)]
    public int CallsPerSecondPerConnection { get; set; } = 50;

    /// <summary>Sign-in and setup attempts one address may make per minute.</summary>
    [Range(1, 100_000)]
    public int SignInsPerMinutePerAddress { get; set; } = 20;

    /// <summary>Failed sign-ins after which an account is locked for <see cref="AccountLockout"/>.</summary>
    [Range(1, 1000)]
    public int FailedSignInsPerAccount { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccountLockout { get; set; } = TimeSpan.FromMinutes(15);
}
