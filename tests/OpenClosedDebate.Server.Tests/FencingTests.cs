namespace OpenClosedDebate.Server.Tests;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// Two copies of one debate's room writing at once, as a stale grain activation and its successor can during a change
/// of the cluster's members. The unique index on (debate, sequence) lets only one of them store each event; the one
/// that loses reloads, resyncs its clients and runs its command again, so no student is refused for it. Each test runs on
/// both stores: a race between two writers is decided by each database's own unique index.
/// </summary>
public sealed class FencingTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task A_room_overtaken_by_another_copy_of_itself_reloads_runs_the_submission_again_and_resyncs_its_clients(string store)
    {
        using var stored = await TestStore.CreateAsync(store, postgres);
        await using var server = stored.Server();
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        var copy = await SecondCopyAsync(server, room.Debate.Id);

        // The copy stores the debate's next event; the server's own room doesn't know of it.
        var bens = await copy.PostArgumentAsync(ben.ParticipantId, new PostArgumentRequest("ben-1", "Closed labs can recall a model.", null));

        var adas = await ada.PostAsync("Weights enable audits.", requestId: "ada-1");
        Assert.Equal("ada-1", adas.RequestId);
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 2, "both arguments, the copy's among them, after the resync");
        await ada.WaitUntilAsync(v => v.Arguments.ContainsKey(bens.Argument.Id), "the copy's argument on Ada's screen");

        // Ben sends his argument again through the server's room, which now knows it: the copy's acknowledgement.
        var again = await ben.PostAsync("Closed labs can recall a model.", requestId: "ben-1");
        Assert.Equal(bens.Argument.Id, again.Argument.Id);

        // Now the copy is the stale one: it loses, reloads and stores Ben's second argument after Ada's.
        var second = await copy.PostArgumentAsync(ben.ParticipantId, new PostArgumentRequest("ben-2", "Recalls need a single owner.", null));
        await room.Console.WaitUntilAsync(v => v.Arguments.ContainsKey(second.Argument.Id), "the copy's second argument");

        // The server's room is stale again until it next writes; it loses once more and catches up.
        await ada.PostAsync("Audits need weights.", requestId: "ada-2");

        await using var db = server.OpenDatabase();
        var history = await db.Events.Where(e => e.DebateId == room.Debate.Id).OrderBy(e => e.Seq).Select(e => new { e.Seq, e.Type, e.RequestId }).ToListAsync(Ct);
        Assert.Equal(["ben-1", "ada-1", "ben-2", "ada-2"], history.Where(e => e.Type == "ArgumentPosted").Select(e => e.RequestId));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Seq));
        await using var fresh = await room.Teacher.ConnectAsync();
        var snapshot = await fresh.AttachAsync(room.Debate.Id);
        Assert.Equal(history[^1].Seq, snapshot.Version);
        await room.Console.WaitUntilAsync(v => v.Version == snapshot.Version, "the console at the stored version");
    }

    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task A_batch_in_which_one_debate_was_overtaken_stores_the_other_debates_writes_and_refuses_no_one(string store)
    {
        using var hold = new HeldInsert();
        using var stored = await TestStore.CreateAsync(store, postgres);
        await using var server = stored.Server(configure: hold.AddTo);
        await using var first = await RunningDebate.ArguingAsync(server);
        var otherDebate = await first.Teacher.CreateAsync(Scenario.OneArgumentRound());
        await using var otherConsole = await first.Teacher.ConnectAsync();
        await otherConsole.AttachAsync(otherDebate.Id);
        await otherConsole.ControlAsync("OpenLobby");
        await using var cy = await server.ConnectAsync();
        await cy.JoinAsync(otherDebate.JoinCode, "Cy");
        await otherConsole.ControlAsync("Start");
        await Scenario.WaitForPhaseAsync(cy, 0, Phase.Argue);
        var copy = await SecondCopyAsync(server, first.Debate.Id);
        var writer = server.Services.GetRequiredService<EventWriter>();

        // The writer is held inside the copy's commit, so Ada's and Cy's writes wait for it together: one batch.
        hold.Arm();
        Task<ArgumentAck> bens, adas, cys;
        try
        {
            bens = copy.PostArgumentAsync(first.Students[1].ParticipantId, new PostArgumentRequest("ben-1", "Closed labs can recall a model.", null));
            await hold.Held.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            adas = first.Students[0].PostAsync("Weights enable audits.", requestId: "ada-1");
            cys = cy.PostAsync("Open models can be studied.", requestId: "cy-1");
            var since = System.Diagnostics.Stopwatch.StartNew();
            while (writer.Waiting < 2)
            {
                Assert.True(since.Elapsed < TimeSpan.FromSeconds(10), $"Ada's and Cy's writes never reached the writer's queue ({writer.Waiting} did).");
                await Task.Yield();
            }
        }
        finally
        {
            hold.Release();
        }
        await bens;
        Assert.Equal("ada-1", (await adas).RequestId);
        Assert.Equal("cy-1", (await cys).RequestId);

        await using var db = server.OpenDatabase();
        var posted = await db.Events.Where(e => e.Type == "ArgumentPosted").Select(e => e.RequestId).ToListAsync(Ct);
        Assert.Equal(["ada-1", "ben-1", "cy-1"], posted.Order());
    }

    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task An_erase_overtaken_by_another_copy_of_the_room_is_made_again_on_what_the_copy_stored(string store)
    {
        using var stored = await TestStore.CreateAsync(store, postgres);
        await using var server = stored.Server();
        await using var room = await RunningDebate.ArguingAsync(server);
        var ada = room.Students[0];
        await ada.PostAsync("Weights enable audits.", requestId: "ada-1");
        var copy = await SecondCopyAsync(server, room.Debate.Id);
        await copy.PostArgumentAsync(ada.ParticipantId, new PostArgumentRequest("ada-2", "Audits need weights.", null));

        using var erased = await room.Teacher.Http.PostAsync($"/api/debates/{room.Debate.Id}/participants/{ada.ParticipantId}/erase", null, Ct);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, erased.StatusCode);

        await using var db = server.OpenDatabase();
        var events = await db.Events.Where(e => e.DebateId == room.Debate.Id).OrderBy(e => e.Seq).ToListAsync(Ct);
        Assert.Equal("ParticipantErased", events[^1].Type);
        var arguments = events.Where(e => e.Type == "ArgumentPosted").ToList();
        Assert.Equal(["ada-1", "ada-2"], arguments.Select(e => e.RequestId));
        Assert.All(arguments, e => Assert.DoesNotContain("Audits need weights.", e.Payload, StringComparison.Ordinal));
        Assert.All(arguments, e => Assert.DoesNotContain("Weights enable audits.", e.Payload, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task With_no_retries_allowed_an_overtaken_submission_is_refused_as_storage_unavailable_and_sent_again_is_stored_once(string store)
    {
        using var stored = await TestStore.CreateAsync(store, postgres);
        await using var server = stored.Server(rateLimits: DebateServer.UnlimitedWith(new Dictionary<string, string?> { ["Rooms:FencedRetries"] = "0" }));
        await using var room = await RunningDebate.ArguingAsync(server);
        var (ada, ben) = (room.Students[0], room.Students[1]);
        var copy = await SecondCopyAsync(server, room.Debate.Id);
        await copy.PostArgumentAsync(ben.ParticipantId, new PostArgumentRequest("ben-1", "Closed labs can recall a model.", null));

        await Refused.WithAsync("storageUnavailable", () => ada.PostAsync("Weights enable audits.", requestId: "ada-1"));
        await ada.PostAsync("Weights enable audits.", requestId: "ada-1");

        await using var db = server.OpenDatabase();
        var posted = await db.Events.Where(e => e.Type == "ArgumentPosted").OrderBy(e => e.Seq).Select(e => e.RequestId).ToListAsync(Ct);
        Assert.Equal(["ben-1", "ada-1"], posted);
    }

    [Theory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task An_overtaken_skip_is_refused_not_made_again_on_what_the_other_copy_stored_and_the_skip_after_the_resync_works(string store)
    {
        using var stored = await TestStore.CreateAsync(store, postgres);
        await using var server = stored.Server();
        await using var room = await RunningDebate.ArguingAsync(server);
        var copy = await SecondCopyAsync(server, room.Debate.Id);
        await copy.PostArgumentAsync(room.Students[1].ParticipantId, new PostArgumentRequest("ben-1", "Closed labs can recall a model.", null));

        // The instructor skipped the phase they saw; what the debate is now, after the copy's write, is theirs to judge.
        await Refused.WithAsync("storageUnavailable", () => room.Console.ControlAsync("Skip"));
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 1, "the copy's argument, after the resync");
        Assert.Equal(Phase.Argue, room.Console.Read(v => v.Clock!.Phase));

        await room.Console.ControlAsync("Skip");
        await Scenario.WaitForPhaseAsync(room.Console, 0, Phase.Vote);
        await using var db = server.OpenDatabase();
        Assert.Equal(1, await db.Events.CountAsync(e => e.DebateId == room.Debate.Id && e.Type == "PhaseStarted" && e.Payload.Contains("\"skip\""), Ct));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Another room for the debate, loaded from the database as a second activation would be, on the server's own writer.</summary>
    private static async Task<Room> SecondCopyAsync(DebateServer server, Guid debateId)
    {
        var services = server.Services.GetRequiredService<RoomServices>();
        var loaded = await DebateStore.LoadAsync(services.Dbs, debateId, Ct) ?? throw new InvalidOperationException("No such debate.");
        return new Room(loaded.Debate, loaded.Row.OwnerId, services);
    }

    /// <summary>Once armed, holds the next insert of debate events until released: the writer waits inside its commit.</summary>
    private sealed class HeldInsert : EventInsertInterceptor, IDisposable
    {
        private readonly SemaphoreSlim _release = new(0);
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Held => _held.Task;

        public void Arm() => Volatile.Write(ref _armed, 1);

        public void Release() => _release.Release();

        public void Dispose() => _release.Dispose();

        protected override void OnEventInsert()
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _held.TrySetResult();
                _release.Wait(TestContext.Current.CancellationToken);
            }
        }
    }
}
