namespace OpenClosedDebate.LoadTest;

/// <summary>
/// The four scenarios, each run against our server (Release build, fresh SQLite file) and then
/// against the bare hub, in the same run, so every figure has a baseline beside it.
/// </summary>
internal sealed record Scenarios(
    int Students,
    TimeSpan PostWindow,
    int IdleStudents,
    int IdleRooms,
    TimeSpan Idle,
    int TemplateRooms,
    int TemplatePerRoom,
    (int Argue, int Vote, int Results) Phases)
{
    public async Task<(IReadOnlyList<Metric> Ours, IReadOnlyList<Metric> Bare)> IdleAsync(CancellationToken ct)
    {
        var scenario = new IdleScenario(IdleRooms, IdleStudents / IdleRooms, Idle);
        var ours = await OnServerAsync(host => scenario.RunAsync(host, ct));
        var bare = await OnBareAsync(host => scenario.RunAsync(host, ct));
        return (Report.Metrics(ours), Report.Metrics(bare));
    }

    public async Task<(IReadOnlyList<Metric> Ours, IReadOnlyList<Metric> Bare)> OneRoomAsync(CancellationToken ct)
    {
        var scenario = new OneRoomScenario(Students, PostWindow);
        var ours = await OnServerAsync(host => scenario.RunAsync(host, ct));
        var bare = await OnBareAsync(host => scenario.RunAsync(host, ct));
        return (Report.Metrics(ours), Report.Metrics(bare));
    }

    public async Task<(IReadOnlyList<Metric> Ours, IReadOnlyList<Metric> Bare)> TemplateAsync(CancellationToken ct)
    {
        TemplateScenario? scenario = null;
        var ours = await OnServerAsync(async host =>
        {
            var plan = TemplateScenario.Shorten(await ((DebateServerHost)host).TemplatePlanAsync("open-and-closed-models", ct), Phases.Argue, Phases.Vote, Phases.Results);
            scenario = new TemplateScenario(TemplateRooms, TemplatePerRoom, plan);
            return await scenario.RunAsync(host, ct);
        });
        var bare = await OnBareAsync(host => scenario!.RunAsync(host, ct));
        return (Report.Metrics(ours), Report.Metrics(bare));
    }

    public async Task<(IReadOnlyList<Metric> Ours, IReadOnlyList<Metric> Bare)> ReconnectAsync(CancellationToken ct)
    {
        var scenario = new ReconnectScenario(Students);
        Console.WriteLine("Debate server:");
        var ours = await scenario.RunAsync(
            async t => await DebateServerHost.StartAsync(t),
            previous => previous is null ? Target.StartServerAsync() : Target.StartServerAsync(previous.Folder, previous.Port),
            ct);
        Console.WriteLine("Bare hub:");
        var bare = await scenario.RunAsync(async t => await BareHost.StartAsync(t), previous => Target.StartBareAsync(previous?.Port), ct);
        return (Report.Metrics(ours), Report.Metrics(bare));
    }

    /// <summary>One room of <see cref="Students"/> on a cluster of <paramref name="nodes"/> (students spread over the nodes), then on one server, in the same run.</summary>
    public async Task<(IReadOnlyList<Metric> Cluster, IReadOnlyList<Metric> One)> OneRoomOnClusterAsync(int nodes, CancellationToken ct)
    {
        var scenario = new OneRoomScenario(Students, PostWindow);
        var cluster = await OnClusterAsync(nodes, host => scenario.RunAsync(host, ct));
        var one = await OnServerAsync(host => scenario.RunAsync(host, ct));
        return (Report.Metrics(cluster), Report.Metrics(one));
    }

    /// <summary>The template's rooms on a cluster of <paramref name="nodes"/>, then on one server, in the same run.</summary>
    public async Task<(IReadOnlyList<Metric> Cluster, IReadOnlyList<Metric> One)> TemplateOnClusterAsync(int nodes, CancellationToken ct)
    {
        TemplateScenario? scenario = null;
        var cluster = await OnClusterAsync(nodes, async host =>
        {
            var plan = TemplateScenario.Shorten(await ((DebateServerHost)host).TemplatePlanAsync("open-and-closed-models", ct), Phases.Argue, Phases.Vote, Phases.Results);
            scenario = new TemplateScenario(TemplateRooms, TemplatePerRoom, plan);
            return await scenario.RunAsync(host, ct);
        });
        var one = await OnServerAsync(host => scenario!.RunAsync(host, ct));
        return (Report.Metrics(cluster), Report.Metrics(one));
    }

    private static Task<T> OnClusterAsync<T>(int nodes, Func<IRoomHost, Task<T>> run) =>
        OnAsync($"Cluster of {nodes}", () => Target.StartClusterAsync(nodes), async t => await DebateServerHost.StartAsync(t), run);

    private static Task<T> OnServerAsync<T>(Func<IRoomHost, Task<T>> run) =>
        OnAsync("Debate server", () => Target.StartServerAsync(), async t => await DebateServerHost.StartAsync(t), run);

    private static Task<T> OnBareAsync<T>(Func<IRoomHost, Task<T>> run) =>
        OnAsync("Bare hub", () => Target.StartBareAsync(), async t => await BareHost.StartAsync(t), run);

    /// <summary>Runs a scenario on a fresh target, then stops it and deletes its folder.</summary>
    private static async Task<T> OnAsync<T>(string label, Func<Task<Target>> start, Func<Target, Task<IRoomHost>> connect, Func<IRoomHost, Task<T>> run)
    {
        await using var target = await start();
        T result;
        await using (var host = await connect(target))
        {
            Console.WriteLine($"{label}:");
            result = await run(host);
        }

        await target.DisposeAsync();
        target.DeleteFolder();
        return result;
    }
}
