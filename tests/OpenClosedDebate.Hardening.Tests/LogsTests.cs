namespace OpenClosedDebate.Hardening.Tests;

using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>The collection that runs after every other test in this assembly.</summary>
[CollectionDefinition(LastOrderer.Last)]
public sealed class LogsCollection;

/// <summary>
/// After every other test here has run its servers, and after a workload of its own with the
/// server's own logging turned up to Debug, no log file or console output holds a resume token,
/// a password, a cookie value or an argument's text.
/// </summary>
[Collection(LastOrderer.Last)]
public sealed class LogsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_log_of_any_server_in_this_run_holds_a_token_password_cookie_or_argument_text()
    {
        await RunWorkloadAsync();

        var secrets = Ledger.AllSecrets;
        var files = Ledger.ServerFolders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(f, "logs"), "*", SearchOption.AllDirectories))
            .ToList();
        var leaks = new List<string>();
        long bytes = 0;
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, Ct);
            bytes += text.Length;

            // Serilog's JSON escapes some characters; compare against both the raw and the escaped form.
            foreach (var secret in secrets)
            {
                if (text.Contains(secret, StringComparison.Ordinal) || text.Contains(Escaped(secret), StringComparison.Ordinal))
                {
                    leaks.Add($"{file}: {secret[..Math.Min(secret.Length, 40)]}…");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Checked {secrets.Count} secrets against {files.Count} log files ({bytes / 1024} KB) from {Ledger.ServerFolders.Count} servers.");
        Assert.True(files.Count > 0, "No logs were written.");
        Assert.True(bytes > 0, "The logs are empty.");
        Assert.Empty(leaks);
        Directory.Delete(Ledger.Root, recursive: true);
    }

    private static string Escaped(string secret) => System.Text.Json.JsonSerializer.Serialize(secret)[1..^1];

    /// <summary>Everything that handles a secret: sign-ins right and wrong, joins, resumes good and bad, posts good and bad, kicks and exports.</summary>
    private static async Task RunWorkloadAsync()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string>
        {
            ["Serilog:MinimumLevel:Override:OpenClosedDebate"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Authentication"] = "Debug",
        });
        using var http = server.Http();
        foreach (var wrong in new[] { "wrong password one", "Tr0ub4dor&3 wrong" })
        {
            Ledger.Secret(wrong);
            await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials("teacher@example.edu", wrong), Wire.Json, Ct);
        }

        await using var room = await Classroom.OpenAsync(server, 3);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        var side = room.Console.Read(v => room.Students.ToDictionary(s => s, s => v.Roster[s.ParticipantId].Side));
        var ada = room.Students[0];
        var ben = room.Students.First(s => side[s] != side[ada]);
        var cy = room.Students.First(s => s != ada && s != ben);
        var first = await ada.PostAsync("ada-1", "Secret-ish argument text: open weights let anyone audit bias in a model.");
        await ben.Client.Connection.InvokeAsync<ArgumentAck>(
            "PostArgument", new PostArgumentRequest("ben-1", RecordedText("Rebuttal text that must not be logged: closed labs can recall a model."), first.Argument.Id), Ct);
        await Refused.WithAsync("invalidText", () => cy.PostAsync("cy-1", new string('y', 1001)));
        await Refused.WithAsync("invalidRebuttal", () => ada.Client.Connection.InvokeAsync<ArgumentAck>(
            "PostArgument", new PostArgumentRequest("ada-2", RecordedText("A rebuttal of my own side, which the rules refuse."), first.Argument.Id), Ct));

        var forged = RecordedText(Convert.ToBase64String(Encoding.UTF8.GetBytes("a forged resume token for this debate")));
        await using (var stranger = await server.ConnectAsync())
        {
            await Refused.WithAsync("invalidToken", () => stranger.ResumeAsync(room.Debate.Id, forged));
        }

        await cy.ReconnectAsync();
        await room.Console.ControlAsync("Kick", cy.ParticipantId);
        await Refused.WithAsync("kicked", () => cy.ReconnectAsync());
        await room.Console.ControlAsync("Skip");
        await room.WaitForPhaseAsync(0, Phase.Vote);
        await ben.VoteAsync("ben-b", 0, [first.Argument.Id.ToString()]);
        var transcript = await room.Teacher.Http.GetStringAsync($"/api/debates/{room.Debate.Id}/export/transcript.md", Ct);
        Assert.Contains("open weights let anyone audit bias", transcript, StringComparison.Ordinal);
        await room.Teacher.Http.PostAsync("/api/auth/sign-out", null, Ct);
    }

    private static string RecordedText(string text)
    {
        Ledger.Secret(text);
        return text;
    }
}
