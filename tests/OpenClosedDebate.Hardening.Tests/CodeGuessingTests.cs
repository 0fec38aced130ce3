namespace OpenClosedDebate.Hardening.Tests;

using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Server.Contract;

/// <summary>Join codes can't be guessed at speed, and a kicked student can't watch instead.</summary>
public sealed class CodeGuessingTests
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Guessing_codes_from_one_address_is_held_to_its_allowance_and_guessing_connections_are_closed()
    {
        await using var server = await RealServer.StartAsync();
        await using var room = await Classroom.OpenAsync(server, 1);
        var random = new Random(11);
        string Guess()
        {
            while (true)
            {
                var code = new string([.. Enumerable.Range(0, 6).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
                if (code != room.Debate.JoinCode)
                {
                    return code;
                }
            }
        }

        // One connection: five wrong codes are answered, and trying a sixth closes it.
        var overall = Stopwatch.StartNew();
        var single = await server.ConnectAsync();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        single.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        for (var i = 0; i < 5; i++)
        {
            await Refused.WithAsync("notFound", () => single.JoinAsync(Guess(), "Guesser"));
        }

        await Assert.ThrowsAnyAsync<Exception>(() => single.JoinAsync(Guess(), "Guesser"));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // Many connections from the same address, each opened again as soon as it is closed, for ten seconds.
        var (answered, limited, connections) = (0, 0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await using var guesser = server.Connection();
                await guesser.StartAsync(Ct);
                Interlocked.Increment(ref connections);
                while (guesser.State == HubConnectionState.Connected && clock.Elapsed < TimeSpan.FromSeconds(10))
                {
                    try
                    {
                        await guesser.InvokeAsync<RoomSnapshot>("Watch", new WatchRequest(Guess()), Ct);
                    }
                    catch (Microsoft.AspNetCore.SignalR.HubException e) when (e.Message.Contains("notFound", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref answered);
                    }
                    catch (Microsoft.AspNetCore.SignalR.HubException e) when (e.Message.Contains("rateLimited", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref limited);
                    }
                    catch (Exception e) when (e is InvalidOperationException or TaskCanceledException or IOException)
                    {
                        break;
                    }
                }
            }
        }));

        var seconds = clock.Elapsed.TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"One connection was closed after 5 wrong codes. Then 20 guessers from one address, reconnecting whenever closed, for {seconds:F1} s: " +
            $"{connections} connections, {answered} codes answered as unknown, {limited} refused unanswered ({answered / seconds:F1} answered a second).");

        // The address's burst of 30 (the single connection used 5 of it), then one more every 5 s.
        Assert.InRange(5 + answered, 30, 30 + (int)(overall.Elapsed.TotalSeconds / 5) + 1);
        Assert.True(limited > answered, "The guessers were never held back.");
        Assert.True(server.IsRunning);
    }

    [Fact]
    public async Task A_class_of_sixty_behind_one_address_joins_at_once_even_with_a_few_typos()
    {
        await using var server = await RealServer.StartAsync();
        await using var room = await Classroom.OpenAsync(server, 0);
        var clock = Stopwatch.StartNew();
        var typos = 0;
        var students = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var client = await server.ConnectAsync();
            if (i % 6 == 0)
            {
                Interlocked.Increment(ref typos);
                await Refused.WithAsync("notFound", () => client.JoinAsync("ZZZZZ2", $"Student {i}"));
            }

            await client.JoinAsync(room.Debate.JoinCode, $"Student {i}");
            return client;
        }));
        var elapsed = clock.Elapsed;
        await room.Console.WaitUntilAsync(v => v.Roster.Count == 60, "sixty students");
        TestContext.Current.TestOutputHelper?.WriteLine($"60 students behind one address, {typos} of them mistyping the code first, all joined in {elapsed.TotalSeconds:F1} s.");
        foreach (var student in students)
        {
            await student.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_kicked_student_cannot_watch_the_debate_instead()
    {
        await using var server = await RealServer.StartAsync();
        await using var room = await Classroom.OpenAsync(server, 2);
        var kicked = room.Students[0];
        await room.Console.ControlAsync("Kick", kicked.ParticipantId);
        await kicked.Client.WaitUntilAsync(v => v.RemovedMessage is not null, "the removal notice");
        await Refused.WithAsync("kicked", () => kicked.Client.WatchAsync(room.Debate.JoinCode));
        await Refused.WithAsync("kicked", () => kicked.Client.ResumeAsync(kicked.DebateId, kicked.Token));
    }
}
