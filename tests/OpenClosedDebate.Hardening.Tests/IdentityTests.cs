namespace OpenClosedDebate.Hardening.Tests;

using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>Nobody can take another student's identity, learn real names from what is shared, or pass for someone else.</summary>
public sealed class IdentityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_join_is_bound_to_its_secret_not_to_a_request_id_and_a_retry_survives_kill_9()
    {
        await using var server = await RealServer.StartAsync();
        await using var room = await Classroom.OpenAsync(server, 0);
        const string Secret = "kV3nQ8wX1zR6tY0uI4oP7aS9";
        Ledger.Secret(Secret);

        await using var ada = server.Connection();
        await ada.StartAsync(Ct);
        var adas = await ada.InvokeAsync<JoinResult>("Join", new JoinRequest(room.Debate.JoinCode, "Ada Lovelace", "join-1", Secret), Ct);

        // Before, this returned Ada's participant, her token and her real name.
        await using var mallory = server.Connection();
        await mallory.StartAsync(Ct);
        var theirs = await mallory.InvokeAsync<JoinResult>("Join", new JoinRequest(room.Debate.JoinCode, "Mallory", "join-1"), Ct);
        Assert.NotEqual(adas.ParticipantId, theirs.ParticipantId);
        Assert.NotEqual(adas.ResumeToken, theirs.ResumeToken);
        Assert.Equal("Mallory", theirs.Snapshot.You!.DisplayName);

        server.Kill();
        await server.RestartAsync();
        await using var again = server.Connection();
        await again.StartAsync(Ct);
        var retried = await again.InvokeAsync<JoinResult>("Join", new JoinRequest(room.Debate.JoinCode, "Ada Lovelace", null, Secret), Ct);
        Assert.Equal(adas.ParticipantId, retried.ParticipantId);
        Assert.Equal(Secret, retried.ResumeToken);
        TestContext.Current.TestOutputHelper?.WriteLine("A join with another student's request id got its own participant; Ada's retry with her secret after kill -9 got her participant back.");
    }

    [Fact]
    public async Task Pseudonyms_differ_between_debates_and_the_shared_review_after_a_rename_holds_no_real_name()
    {
        await using var server = await RealServer.StartAsync();
        var anonymous = Classroom.OneArgumentRound() with { Settings = new DebateSettings { Anonymous = true, MaxRankedItems = 3 } };
        await using var first = await Classroom.OpenAsync(server, 3, anonymous);
        var second = await first.Teacher.CreateAsync(anonymous);
        await first.Console.Connection.InvokeAsync("OpenLobby", second.Id, Ct);
        var pseudonymsA = first.Students.Select(s => s.Client.Read(v => v.You!.Pseudonym)).ToList();
        var pseudonymsB = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await using var pupil = await Pupil.JoinAsync(server, second.JoinCode, $"Student {i:D3}");
            pseudonymsB.Add(pupil.Client.Read(v => v.You!.Pseudonym));
        }

        Assert.NotEqual(pseudonymsA, pseudonymsB);

        await first.Console.ControlAsync("Rename", first.Students[0].ParticipantId, "Renamed Person");
        var shared = await first.Teacher.Http.GetStringAsync($"/api/debates/{first.Debate.Id}/review?share=true", Ct);
        var transcript = await first.Teacher.Http.GetStringAsync($"/api/debates/{first.Debate.Id}/export/transcript.md?share=true", Ct);
        foreach (var text in new[] { shared, transcript })
        {
            Assert.DoesNotContain("Renamed Person", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Student 000", text, StringComparison.Ordinal);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"First three pseudonyms: {string.Join(", ", pseudonymsA)} in one debate, {string.Join(", ", pseudonymsB)} in the other.");
    }

    [Fact]
    public async Task Tricky_names_that_hide_characters_or_pass_for_a_classmate_or_the_app_are_refused()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string> { ["RateLimits:RefusalBurst"] = "1000" });
        await using var room = await Classroom.OpenAsync(server, 0);
        var client = await server.ConnectAsync();
        await client.JoinAsync(room.Debate.JoinCode, "Alice");
        var bob = await server.ConnectAsync();
        await bob.JoinAsync(room.Debate.JoinCode, "Bob");

        string[] tricky =
        [
            "\u0410lice", "Al\u0456ce", "\u0391lice", "Ali\u0441e", "Alic\u0435", "\uFF21\uFF4C\uFF49\uFF43\uFF45", "ALICE", "alice", "AIice", "A1ice",
            "A\u200Blice", "Al\u200Dice", "Ali\u2060ce", "A\uFEFFlice", "Alice\u00AD", "Al\U000E0041ice", "Alic\U0001D173e", "Ali\uFE0Fce", "A\u3164lice",
            "A\u034Flice", "\u202EAlice", "\U0001D400lice", "B\u043Eb", "\u0392ob", "BOB", "\u3164", "\u200B\u200D", "\U000E0041\U000E0042",
            "Instructor", "INSTRUCTOR", "\u0406nstructor", "Server", "Clock", "Cl\u043Eck", "Moderator",
        ];
        var accepted = new List<string>();
        foreach (var name in tricky)
        {
            await using var joiner = await server.ConnectAsync();
            try
            {
                await joiner.JoinAsync(room.Debate.JoinCode, name);
                accepted.Add(name);
            }
            catch (Microsoft.AspNetCore.SignalR.HubException e) when (e.Message.Contains("nameTaken", StringComparison.Ordinal) || e.Message.Contains("invalidName", StringComparison.Ordinal))
            {
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{accepted.Count} of {tricky.Length} tricky names accepted.");
        Assert.Empty(accepted);

        // Names that merely resemble a classmate's are fine.
        foreach (var name in new[] { "Alicia", "Алиса", "Bobby", "爱丽丝" })
        {
            await using var joiner = await server.ConnectAsync();
            await joiner.JoinAsync(room.Debate.JoinCode, name);
        }

        await client.DisposeAsync();
        await bob.DisposeAsync();
    }
}
