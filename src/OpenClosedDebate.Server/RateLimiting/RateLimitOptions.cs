namespace OpenClosedDebate.Server.RateLimiting;

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

    /// <summary>
    /// Pages of older arguments (<c>Arguments</c>) a student, or a connection that isn't a student's, may fetch in a
    /// burst; one more every <see cref="ArgumentPageRefill"/>. A page is at most 50 arguments.
    /// </summary>
    [Range(1, 100_000)]
    public int ArgumentPageBurst { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ArgumentPageRefill { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Hub calls of any kind one connection may make per second, to blunt floods of bad calls.</summary>
    [Range(1, 100_000)]
    public int CallsPerSecondPerConnection { get; set; } = 50;

    /// <summary>
    /// Refused hub calls (bad input, wrong phase, rate limits) one connection may get in a burst; one more
    /// every <see cref="RefusalRefill"/>. A connection refused past that is closed. Refusals never spend a
    /// student's allowance for arguments or ballots.
    /// </summary>
    [Range(1, 100_000)]
    public int RefusalBurst { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RefusalRefill { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a student sits out once one of their connections was closed for refused calls: until then, a
    /// <c>Resume</c> or repeated <c>Join</c> that would speak for them again is held (not refused), then carried out.
    /// A script that reopens its connections as soon as they close gets one turn each per this interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RefusalCooldown { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Join and Watch calls with a code that matches no debate, per address (IPv6 by /64), in a burst;
    /// one more every <see cref="FailedCodeLookupRefill"/>. Past it, lookups from that address are refused.
    /// </summary>
    [Range(1, 100_000)]
    public int FailedCodeLookupBurst { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FailedCodeLookupRefill { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failed code lookups after which a connection is closed.</summary>
    [Range(1, 100_000)]
    public int FailedCodeLookupsPerConnection { get; set; } = 5;

    /// <summary>Sign-in and setup attempts one address may make per minute.</summary>
    [Range(1, 100_000)]
    public int SignInsPerMinutePerAddress { get; set; } = 20;

    /// <summary>Failed sign-ins after which an account is locked for <see cref="AccountLockout"/>.</summary>
    [Range(1, 1000)]
    public int FailedSignInsPerAccount { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccountLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// E-mail addresses whose failed sign-ins are remembered at once; past it the oldest is forgotten.
    /// Each costs about 100 bytes, whatever was sent.
    /// </summary>
    [Range(10, 10_000_000)]
    public int TrackedSignInAddresses { get; set; } = 10_000;
}
