namespace OpenClosedDebate.Hardening.Tests;

using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>Refused calls cost nothing of a student's allowance, and a connection that keeps being refused is closed.</summary>
public sealed class RefusalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Posts_refused_for_bad_input_do_not_use_up_the_allowance_for_good_ones()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string> { ["RateLimits:ArgumentRefill"] = "00:10:00" });
        await using var room = await Classroom.OpenAsync(server, 1);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        var student = room.Students[0];
        for (var n = 0; n < 5; n++)
        {
            await Refused.WithAsync("invalidText", () => student.PostAsync($"empty-{n}", "   "));
        }

        // The whole burst of five is still there for arguments that are accepted, and then it is spent.
        for (var n = 0; n < 5; n++)
        {
            await student.PostAsync($"good-{n}", $"Good argument number {n}: open weights can be audited.");
        }

        await Refused.WithAsync("rateLimited", () => student.PostAsync("good-5", "One more, too soon."));
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 5, "five arguments");
    }

    [Fact]
    public async Task A_connection_that_keeps_being_refused_is_closed_and_its_student_can_come_back()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string> { ["RateLimits:RefusalBurst"] = "20", ["RateLimits:RefusalRefill"] = "00:10:00", ["RateLimits:RefusalCooldown"] = "00:00:01" });
        await using var room = await Classroom.OpenAsync(server, 2);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        var (pest, neighbour) = (room.Students[0], room.Students[1]);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pest.Client.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        // Ballots while voting isn't open: every one is refused, until a call is answered by closing the connection
        // (the client may see that as a last rateLimited answer or as the connection going away).
        var (refused, closing) = (0, "");
        var clock = Stopwatch.StartNew();
        while (refused < 1000)
        {
            try
            {
                await pest.Client.Connection.InvokeAsync<BallotAck>("SubmitBallot", new BallotRequest($"b-{refused}", 0, ["nothing"]), Ct);
            }
            catch (Microsoft.AspNetCore.SignalR.HubException e) when (e.Message.Contains("wrongPhase:", StringComparison.Ordinal))
            {
                refused++;
            }
            catch (Exception e) when (e is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or TaskCanceledException or IOException)
            {
                closing = e.Message;
                break;
            }
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"The connection was closed after {refused} refused calls in {clock.ElapsedMilliseconds} ms; the closing call got: {closing}");
        // Twenty refusals are answered; the next call is answered rateLimited and closes the connection.
        Assert.Equal(20, refused);
        Assert.Contains("rateLimited: This connection was closed", closing, StringComparison.Ordinal);

        // Nobody else noticed, and the student comes back on a new connection as before, once the cooldown
        // (a second here) is over (RefusalCooldownTests hold the clock to it).
        await neighbour.PostAsync("n-1", "Open weights let a school audit the model it uses.");
        await pest.ReconnectAsync();
        await pest.PostAsync("p-1", "Back, and behaving.");
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 2, "both arguments");
        Assert.Equal(HubConnectionState.Connected, neighbour.Client.Connection.State);
    }
}
