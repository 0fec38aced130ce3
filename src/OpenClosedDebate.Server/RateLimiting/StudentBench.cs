namespace OpenClosedDebate.Server.RateLimiting;

using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

/// <summary>
/// Students who sit out <see cref="RateLimitOptions.RefusalCooldown"/> because one of their connections was closed
/// for refused calls. A room asks before it lets a connection speak for a student again (<c>Resume</c>, or a
/// <c>Join</c> that finds the student already there) and throws <see cref="BenchedException"/> while the student sits
/// out; the hub's flood filter holds the call until the time is up and then carries it out.
/// </summary>
/// <remarks>
/// Without it a script reopens each closed connection at once, and every reopening costs a handshake and a
/// snapshot; with it, each of its connections gets one turn per cooldown. Honest students are never closed for
/// refusals, so they never sit out. A bench is a one-token bucket: it holds only the students benched lately.
/// </remarks>
internal sealed class StudentBench(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly TokenBuckets _benched = new(1, options.Value.RefusalCooldown, time);

    /// <summary>Benches the student for the cooldown, unless they sit out already.</summary>
    public void Bench(Guid participantId) => _benched.TryTake(participantId.ToString());

    /// <summary>Throws <see cref="BenchedException"/> while the student sits out.</summary>
    public void ThrowIfBenched(Guid participantId)
    {
        if (_benched.TimeUntilToken(participantId.ToString()) is { Ticks: > 0 } wait)
        {
            throw new BenchedException(wait);
        }
    }
}

/// <summary>
/// A call that would speak for a benched student. It is a refusal with its own code if nobody holds it, and
/// it changes nothing.
/// </summary>
internal sealed class BenchedException(TimeSpan wait)
    : HubException($"rateLimited: This student's page was closed for sending calls that were refused. Try again in {Seconds(wait)}.")
{
    public TimeSpan Wait { get; } = wait;

    private static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) is var n && n == 1 ? "1 second" : $"{n} seconds";
}
