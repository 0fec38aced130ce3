namespace OpenClosedDebate.Server.Tests;

using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

public sealed class RetryTests
{
    [Fact]
    public async Task A_retried_argument_gets_the_original_acknowledgement_and_is_stored_once()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        await room.Console.ControlAsync("Start");
        var ada = room.Students[0];
        await Scenario.WaitForPhaseAsync(ada, 0, Phase.Argue);

        var first = await ada.PostAsync("Reproducibility needs weights.", requestId: "req-1");
        var second = await ada.PostAsync("Reproducibility needs weights.", requestId: "req-1");

        Assert.Equal(first, second);
        await using var db = server.OpenDatabase();
        var stored = await db.Events.Where(e => e.RequestId == "req-1").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Single(stored);
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 1, "one argument");
        Assert.Single(room.Console.Read(v => v.Arguments));
    }

    [Fact]
    public async Task A_retried_ballot_keeps_its_first_receipt_and_does_not_become_a_revision()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada", "Ben");
        await room.Console.ControlAsync("Start");
        var (ada, ben) = (room.Students[0], room.Students[1]);
        await Scenario.WaitForPhaseAsync(ben, 0, Phase.Argue);
        var argument = await ben.PostAsync("Closed models can be recalled.");
        server.Time.Advance(TimeSpan.FromSeconds(120));
        await Scenario.WaitForPhaseAsync(ada, 0, Phase.Vote);
        var request = new BallotRequest("ballot-1", 0, [argument.Argument.Id.ToString()]);

        var first = await ada.Connection.InvokeAsync<BallotAck>("SubmitBallot", request, TestContext.Current.CancellationToken);
        var second = await ada.Connection.InvokeAsync<BallotAck>("SubmitBallot", request, TestContext.Current.CancellationToken);

        Assert.Equal(first.Ballot.Receipt, second.Ballot.Receipt);
        Assert.Equal(1, second.Ballot.Revision);
        await using var db = server.OpenDatabase();
        Assert.Equal(1, await db.Events.CountAsync(e => e.Type == "BallotCast", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_join_retried_with_its_secret_returns_the_same_participant_and_the_secret_is_the_token()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound());
        await using var student = await server.ConnectAsync();
        const string Secret = "Qk3xW9v0b2nR5tYp8LmZs1Dc";

        var first = await student.JoinAsync(room.Debate.JoinCode, "Ada", Secret);
        var second = await student.JoinAsync(room.Debate.JoinCode, "Ada", Secret);

        Assert.Equal(first.ParticipantId, second.ParticipantId);
        Assert.Equal(Secret, first.ResumeToken);
        Assert.Equal(Secret, second.ResumeToken);
        server.Time.Advance(server.BroadcastInterval);
        await room.Console.WaitUntilAsync(v => v.Roster.Count == 1, "one student");
        Assert.Equal(1, second.Snapshot.Counts.Open + second.Snapshot.Counts.Closed);
    }

    [Fact]
    public async Task A_join_with_another_students_request_id_gets_a_participant_of_its_own()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound());
        await using var ada = await server.ConnectAsync();
        await using var mallory = await server.ConnectAsync();

        var adas = await ada.Connection.InvokeAsync<JoinResult>("Join", new JoinRequest(room.Debate.JoinCode, "Ada", "join-1"), TestContext.Current.CancellationToken);
        var theirs = await mallory.Connection.InvokeAsync<JoinResult>("Join", new JoinRequest(room.Debate.JoinCode, "Mallory", "join-1"), TestContext.Current.CancellationToken);

        Assert.NotEqual(adas.ParticipantId, theirs.ParticipantId);
        Assert.NotEqual(adas.ResumeToken, theirs.ResumeToken);
        Assert.Equal("Mallory", theirs.Snapshot.You!.DisplayName);
    }

    [Fact]
    public async Task A_join_retried_with_its_secret_after_a_restart_returns_the_same_participant()
    {
        using var database = new TempDatabase();
        var file = database.Path;
        const string Secret = "Yt7uI9oP0aS2dF4gH6jK8lZx";
        JoinResult first;
        DebateDetail debate;
        await using (var before = new DebateServer(databaseFile: file))
        {
            await using var room = await Scenario.LobbyAsync(before, Scenario.OneArgumentRound());
            debate = room.Debate;
            await using var student = await before.ConnectAsync();
            first = await student.JoinAsync(debate.JoinCode, "Ada", Secret);
        }

        await using var after = new DebateServer(databaseFile: file);
        await using var again = await after.ConnectAsync();
        var second = await again.JoinAsync(debate.JoinCode, "Ada", Secret);

        Assert.Equal(first.ParticipantId, second.ParticipantId);
        Assert.Equal(Secret, second.ResumeToken);
        Assert.Equal("Ada", second.Snapshot.You!.DisplayName);
    }
}
