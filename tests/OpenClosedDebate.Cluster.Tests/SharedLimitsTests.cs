namespace OpenClosedDebate.Cluster.Tests;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.RateLimiting;
using StackExchange.Redis;

/// <summary>
/// What a cluster's nodes count together (docs/cluster.md): a student's allowances, an address's sign-in attempts and
/// code lookups, an account's lockout, a student's sit-out after a closed connection, and the setup link. First the
/// stores themselves against a real Redis, on a fake clock; then two real nodes.
/// </summary>
public sealed class SharedLimitsTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private RedisServer _redis = null!;
    private readonly List<ConnectionMultiplexer> _connections = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        _redis.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("this process")]
    [InlineData("Redis")]
    public async Task Both_stores_keep_the_same_buckets_a_burst_then_one_token_a_period_and_a_given_back_token_never_past_the_burst(string where)
    {
        var store = Store(where);
        var buckets = store.Create("test", 3, TimeSpan.FromSeconds(4));
        Assert.Equal("+++-", await TakeAsync(buckets, "ada", 4));
        Assert.Equal(TimeSpan.FromSeconds(4), await buckets.TimeUntilTokenAsync("ada"));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(await buckets.TryTakeAsync("ada"));
        Assert.Equal(TimeSpan.FromSeconds(1), await buckets.TimeUntilTokenAsync("ada"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await buckets.TryTakeAsync("ada"));
        Assert.True(await buckets.TryTakeAsync("ben"));
        Assert.Equal(TimeSpan.Zero, await buckets.TimeUntilTokenAsync("cy"));

        // A token given back can be taken again, but giving back more than was taken never passes the burst.
        var slow = store.Create("slow", 2, TimeSpan.FromMinutes(10));
        Assert.True(await slow.TryTakeAsync("ada"));
        await slow.ReturnAsync("ada");
        await slow.ReturnAsync("ada");
        Assert.Equal("++-", await TakeAsync(slow, "ada", 3));

        // Kinds are kept apart: the same key of another kind has its own bucket.
        Assert.True(await store.Create("other", 1, TimeSpan.FromMinutes(10)).TryTakeAsync("ada"));
    }

    [Fact]
    public async Task Two_nodes_taking_from_one_bucket_at_once_never_take_more_than_its_burst()
    {
        var nodes = new[] { Store("Redis").Create("arguments", 10, TimeSpan.FromMinutes(1)), Store("Redis").Create("arguments", 10, TimeSpan.FromMinutes(1)) };
        var takes = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i => await nodes[i % 2].TryTakeAsync("ada")));
        Assert.Equal(10, takes.Count(t => t));
    }

    [Fact]
    public async Task Redis_holds_a_bucket_only_until_it_is_full_again()
    {
        var redis = Shared();
        var buckets = new RedisBucketStore(redis, _time).Create("arguments", 2, TimeSpan.FromSeconds(30));
        Assert.True(await buckets.TryTakeAsync("ada"));
        var key = redis.Key("bucket:arguments:ada");
        var expiry = await redis.Database.KeyTimeToLiveAsync(key);
        Assert.InRange(expiry!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));

        // Given back, the bucket is full: Redis forgets it at once.
        await buckets.ReturnAsync("ada");
        Assert.False(await redis.Database.KeyExistsAsync(key));
    }

    [Fact]
    public async Task While_Redis_is_down_a_node_counts_on_its_own_and_answers_at_once_and_shares_again_when_it_is_back()
    {
        var redis = Shared();
        var buckets = new RedisBucketStore(redis, _time).Create("arguments", 2, TimeSpan.FromMinutes(1));
        Assert.True(await buckets.TryTakeAsync("ada"));
        _redis.Stop();

        var clock = Stopwatch.StartNew();
        Assert.Equal("++-", await TakeAsync(buckets, "ada", 3));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Three takes with Redis down took {clock.Elapsed.TotalSeconds:0.0} s.");

        // Back (empty, as a restarted Redis without a disk is), the shared buckets count again.
        await _redis.RestartAsync();
        var other = Store("Redis").Create("arguments", 2, TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => Task.FromResult(redis.Connection.IsConnected), "the node connected to Redis again");
        Assert.True(await buckets.TryTakeAsync("ben"));
        Assert.True(await other.TryTakeAsync("ben"));
        Assert.False(await buckets.TryTakeAsync("ben"));
    }

    [Fact]
    public async Task A_lockout_made_through_one_node_holds_on_another_until_it_runs_out()
    {
        var options = Options.Create(new RateLimitOptions());
        var one = new SignInThrottle(new RedisSignInFailures(Shared(), options, _time), options, _time);
        var two = new SignInThrottle(new RedisSignInFailures(Shared(), options, _time), options, _time);
        for (var i = 0; i < 4; i++)
        {
            await one.FailedAsync("ada@example.edu");
        }

        Assert.Null(await two.LockedForAsync("ada@example.edu"));
        await two.FailedAsync("ADA@example.edu ");
        Assert.Equal(TimeSpan.FromMinutes(15), await one.LockedForAsync("ada@example.edu"));

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.FromMinutes(5), await two.LockedForAsync("ada@example.edu"));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await two.LockedForAsync("ada@example.edu"));

        // A success clears the count everywhere.
        await one.FailedAsync("ben@example.edu");
        await two.SucceededAsync("ben@example.edu");
        for (var i = 0; i < 4; i++)
        {
            await one.FailedAsync("ben@example.edu");
        }

        Assert.Null(await two.LockedForAsync("ben@example.edu"));
    }

    [Fact]
    public async Task Redis_keeps_at_most_the_tracked_number_of_addresses_however_many_are_guessed()
    {
        var redis = Shared();
        var options = Options.Create(new RateLimitOptions { TrackedSignInAddresses = 50 });
        var throttle = new SignInThrottle(new RedisSignInFailures(redis, options, _time), options, _time);
        for (var i = 0; i < 300; i++)
        {
            await throttle.FailedAsync($"guess{i}@example.edu");
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var server = _connections[^1].GetServer(_connections[^1].GetEndPoints()[0]);
        var keys = server.Keys(pattern: $"{redis.Key("sign-in:")}*").Count();
        Assert.Equal(50 + 1, keys); // the addresses and the index
        Assert.Equal(50, await redis.Database.SortedSetLengthAsync(redis.Key("sign-in:index")));
    }

    [Fact]
    public async Task A_lecture_hall_of_200_behind_one_address_joining_at_once_through_two_nodes_all_get_in_with_the_default_code_allowance()
    {
        // A found code holds none of the address's 30 code lookups. When each was taken before its code was looked up
        // and given back after, through Redis and PostgreSQL 200 joins at once held them all, and the rest were refused.
        await using var cluster = await TestCluster.StartAsync(postgres, new Dictionary<string, string> { ["Rooms:JoinBurst"] = "1000" });
        var teacher = await cluster.A.TeacherAsync();
        var debate = await teacher.CreateAsync(TestCluster.OneRound());
        await using var console = await cluster.A.ConnectAsync(teacher.Cookie);
        await console.AttachAsync(debate.Id);
        await console.ControlAsync("SetCapacity", 200);
        await console.ControlAsync("OpenLobby");

        var students = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var student = await cluster.Nodes[i % 2].ConnectAsync();
            await student.JoinAsync(debate.JoinCode, $"Student {i + 1}");
            return student;
        }));

        await console.WaitUntilAsync(v => v.Roster.Count == 200, "all 200 on the roster");
        foreach (var student in students)
        {
            await student.DisposeAsync();
        }
    }

    [Fact]
    public async Task Through_two_real_nodes_the_setup_link_a_lockout_an_address_window_a_students_allowance_and_a_sit_out_each_hold_once()
    {
        await using var cluster = await TestCluster.StartAsync(postgres, new Dictionary<string, string>
        {
            ["RateLimits:SignInsPerMinutePerAddress"] = "12",
            ["RateLimits:ArgumentRefill"] = "00:01:00",
            ["RateLimits:RefusalBurst"] = "3",
            ["RateLimits:RefusalCooldown"] = "00:00:05",
        });
        var (a, b) = (cluster.A, cluster.B);
        var attempts = 0;

        // The link node A logged creates the first instructor through node B.
        await a.PollLogsAsync(text => text.Contains("SetupUrl", StringComparison.Ordinal), "node A's setup link");
        var token = SetupToken(a.LogText());
        using var http = b.Http();
        attempts++;
        using (var setup = await http.PostAsJsonAsync("/api/auth/setup", new SetupRequest(token, "teacher@example.edu", RealServer.Password), Wire.Json, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, setup.StatusCode);
        }

        attempts++;
        var teacher = await a.SignInAsync("teacher@example.edu", RealServer.Password);

        // A student's allowance for arguments is one, whichever node each of her connections is on.
        var (debate, home, other) = await cluster.PlaceAsync(teacher);
        await using var console = await TestCluster.LobbyAsync(b, teacher, debate.Id);
        await using var ada = await a.ConnectAsync();
        var joined = await ada.JoinAsync(debate.JoinCode, "Ada");
        await using var ben = await other.ConnectAsync();
        var benJoined = await ben.JoinAsync(debate.JoinCode, "Ben");
        await console.ControlAsync("Start");
        await ada.WaitUntilAsync(v => v.Clock?.Phase == Phase.Argue, "the argue phase");
        for (var i = 0; i < new RateLimitOptions().ArgumentBurst; i++)
        {
            await ada.PostAsync($"Argument number {i + 1}: open weights let anyone audit a model.");
        }

        await using var adaOnB = await b.ConnectAsync();
        await adaOnB.ResumeAsync(debate.Id, joined.ResumeToken);
        Assert.StartsWith("rateLimited:", await TestCluster.RefusedAsync(() => adaOnB.PostAsync("One more, through the other node.")), StringComparison.Ordinal);

        // Ben's connection on the node that doesn't hold the room is closed for refused calls; he sits out where the
        // room is, so coming back through that node again is held for the cooldown.
        for (var i = 0; i < 3; i++)
        {
            Assert.StartsWith("wrongPhase:", await TestCluster.RefusedAsync(() => ben.VoteAsync(0, "x")), StringComparison.Ordinal);
        }

        Assert.StartsWith("rateLimited:", await TestCluster.RefusedAsync(() => ben.VoteAsync(0, "x")), StringComparison.Ordinal);
        var benched = Stopwatch.StartNew();
        await using var benAgain = await other.ConnectAsync();
        await benAgain.ResumeAsync(debate.Id, benJoined.ResumeToken);
        Assert.True(benched.Elapsed > TimeSpan.FromSeconds(3), $"Ben came back after {benched.Elapsed.TotalSeconds:0.0} s, before his 5 s sit-out.");
        Assert.NotEqual(home, other);

        // Wrong passwords through node A lock the account through node B too.
        using var guesser = a.Http();
        for (var i = 0; i < new RateLimitOptions().FailedSignInsPerAccount; i++)
        {
            attempts++;
            using var wrong = await guesser.PostAsJsonAsync("/api/auth/sign-in", new Credentials("teacher@example.edu", "not the password"), Wire.Json, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        attempts++;
        using (var locked = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials("teacher@example.edu", RealServer.Password), Wire.Json, Ct))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            Assert.Equal("accountLocked", await CodeAsync(locked));
        }

        // The address has its 12 attempts a minute once, not once per node: the 13th, through either node, is refused.
        while (attempts < 12)
        {
            attempts++;
            using var tried = await (attempts % 2 == 0 ? http : guesser).PostAsJsonAsync("/api/auth/sign-in", new Credentials($"nobody{attempts}@example.edu", "a guess"), Wire.Json, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, tried.StatusCode);
        }

        foreach (var client in new[] { http, guesser })
        {
            using var refused = await client.PostAsJsonAsync("/api/auth/sign-in", new Credentials("nobody@example.edu", "a guess"), Wire.Json, Ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("tooManyAttempts", await CodeAsync(refused));
        }
    }

    private IBucketStore Store(string where) => where == "Redis" ? new RedisBucketStore(Shared(), _time) : new LocalBucketStore(_time);

    /// <summary>One node's connection to the test's Redis, as a node makes it, under a prefix of the test's own.</summary>
    private SharedRedis Shared()
    {
        var connection = ConnectionMultiplexer.Connect(SharedRedis.Options(_redis.Configuration));
        _connections.Add(connection);
        return new SharedRedis(connection, "test:", _time, NullLogger<SharedRedis>.Instance);
    }

    /// <summary>Takes <paramref name="times"/> tokens one after another: "+" for each taken, "-" for each refused.</summary>
    private static async Task<string> TakeAsync(IBuckets buckets, string key, int times)
    {
        var taken = new System.Text.StringBuilder();
        for (var i = 0; i < times; i++)
        {
            taken.Append(await buckets.TryTakeAsync(key) ? '+' : '-');
        }

        return taken.ToString();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Never saw: {what}.");
            await Task.Delay(100, Ct);
        }
    }

    private static string SetupToken(string log)
    {
        foreach (var line in log.Split('\n').Where(l => l.Contains("SetupUrl", StringComparison.Ordinal)))
        {
            using var entry = JsonDocument.Parse(line);
            var url = new Uri(entry.RootElement.GetProperty("SetupUrl").GetString()!);
            return System.Web.HttpUtility.ParseQueryString(url.Query)["token"]!;
        }

        throw new InvalidOperationException("No setup link in the log.");
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString();
}
