namespace OpenClosedDebate.Server.Tests;

using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;

/// <summary>A student whose page was closed for refused calls sits out RateLimits:RefusalCooldown (protocol §7).</summary>
public sealed class RefusalCooldownTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_student_closed_for_refused_calls_is_held_on_reconnecting_until_the_cooldown_is_over_then_carries_on()
    {
        await using var server = new DebateServer(rateLimits: DebateServer.UnlimitedWith(new Dictionary<string, string?>
        {
            ["RateLimits:RefusalBurst"] = "3",
            ["RateLimits:RefusalRefill"] = "00:10:00",
            ["RateLimits:RefusalCooldown"] = "00:00:10",
        }));
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        await room.Console.ControlAsync("Start");
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await Scenario.WaitForPhaseAsync(ada, 0, Phase.Argue);

        // Ballots while voting isn't open: three are refused, and the fourth call closes the connection.
        for (var n = 0; n < 3; n++)
        {
            await Refused.WithAsync("wrongPhase", () => ada.VoteAsync(0, "x"));
        }

        await ClosedByAsync(server, ada.Connection, () => ada.VoteAsync(0, "x"));

        // Coming straight back is held, not refused: the class carries on meanwhile.
        await using var again = await server.ConnectAsync();
        var resume = again.ResumeAsync(ada.DebateId, ada.Token);
        await using var other = await server.ConnectAsync();
        await other.ResumeAsync(ben.DebateId, ben.Token);
        await ben.PostAsync("Open weights let a school audit the model it uses.");
        Assert.False(resume.IsCompleted, "Ada came back before her cooldown was over.");

        // A second of the cooldown went by while the connection closed.
        Assert.True(await AdvanceUntilDoneAsync(server, resume) >= TimeSpan.FromSeconds(9), "Ada came back before her cooldown was over.");
        var snapshot = await resume;

        // The snapshot is taken once the hold is over, so it already holds what was posted meanwhile.
        Assert.Equal(ada.ParticipantId, snapshot.You!.ParticipantId);
        Assert.Contains(snapshot.Arguments, a => a.AuthorId == ben.ParticipantId);
        await again.PostAsync("Back, and behaving.");
    }

    [Fact]
    public async Task A_student_closed_for_refused_calls_who_joins_again_with_the_same_secret_is_held_too()
    {
        await using var server = new DebateServer(rateLimits: DebateServer.UnlimitedWith(new Dictionary<string, string?>
        {
            ["RateLimits:RefusalBurst"] = "1",
            ["RateLimits:RefusalRefill"] = "00:10:00",
        }));
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        await using var pest = await server.ConnectAsync();
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var joined = await pest.JoinAsync(room.Debate.JoinCode, "Pest", secret);
        await Assert.ThrowsAsync<HubException>(() => pest.VoteAsync(0, "x"));
        await ClosedByAsync(server, pest.Connection, () => pest.VoteAsync(0, "x"));

        await using var again = await server.ConnectAsync();
        var join = again.JoinAsync(room.Debate.JoinCode, "Pest", secret);
        await using var other = await server.ConnectAsync();
        await other.ResumeAsync(room.Students[0].DebateId, room.Students[0].Token);
        Assert.False(join.IsCompleted, "The same student joined again before the cooldown (10 s by default) was over.");

        Assert.True(await AdvanceUntilDoneAsync(server, join) >= TimeSpan.FromSeconds(9), "The same student joined again before the cooldown was over.");
        Assert.Equal(joined.ParticipantId, (await join).ParticipantId);
    }

    /// <summary>
    /// Moves the clock on half a second at a time until the held call is answered; returns how far it moved. The server
    /// may begin the hold a step late, which only makes the answer later, never earlier.
    /// </summary>
    private static async Task<TimeSpan> AdvanceUntilDoneAsync(DebateServer server, Task held)
    {
        var moved = TimeSpan.Zero;
        while (!held.IsCompleted)
        {
            Assert.True(moved < TimeSpan.FromSeconds(30), "The held call was never answered.");
            server.Time.Advance(TimeSpan.FromMilliseconds(500));
            moved += TimeSpan.FromMilliseconds(500);
            await Task.WhenAny(held, Task.Delay(20, Ct));
        }

        return moved;
    }

    /// <summary>
    /// Makes a call the server answers with rateLimited and then closes the connection; waits a second on the clock,
    /// by when the connection is closed.
    /// </summary>
    private static async Task ClosedByAsync(DebateServer server, HubConnection connection, Func<Task> call)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        Assert.Contains("closed", await Refused.WithAsync("rateLimited", call), StringComparison.Ordinal);
        server.Time.Advance(TimeSpan.FromSeconds(1));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }
}
