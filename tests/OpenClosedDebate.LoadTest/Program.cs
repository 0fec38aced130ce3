using OpenClosedDebate.LoadTest;

// dotnet tests/OpenClosedDebate.LoadTest/bin/Release/net10.0/OpenClosedDebate.LoadTest.dll one-room [--students 2000] [--post-window 60]
// (tests/load builds everything in Release and runs every scenario; this program is what it calls.)
if (args is ["bare-hub", .. var rest])
{
    return await BareHub.RunAsync(rest);
}

var (soft, hard) = Limits.RaiseOpenFiles();
Console.WriteLine($"Open-file limit: {soft} (hard {hard})");
var students = Option("--students", 2000);
var postWindow = TimeSpan.FromSeconds(Option("--post-window", 60));

// Whatever happens, the generator stops by itself.
using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(Option("--minutes", 20)));
var ct = bound.Token;

switch (args.FirstOrDefault())
{
    case "one-room":
    {
        var runs = new List<RunResult>();
        await using (var server = await Target.StartServerAsync())
        {
            await using var host = await DebateServerHost.StartAsync(server);
            Console.WriteLine("Debate server:");
            runs.Add(await new OneRoomScenario(students, postWindow).RunAsync(host, ct));
            server.DeleteFolder();
        }

        await using (var bare = await Target.StartBareAsync())
        {
            await using var host = await BareHost.StartAsync(bare);
            Console.WriteLine("Bare hub:");
            runs.Add(await new OneRoomScenario(students, postWindow).RunAsync(host, ct));
            bare.DeleteFolder();
        }

        Console.WriteLine(Report.Table(runs));
        return 0;
    }

    case "reconnect":
    {
        var scenario = new ReconnectScenario(students);
        Console.WriteLine("Debate server:");
        var ours = await scenario.RunAsync(
            async t => await DebateServerHost.StartAsync(t),
            previous => previous is null ? Target.StartServerAsync() : Target.StartServerAsync(previous.Folder, previous.Port),
            ct);
        Console.WriteLine("Bare hub:");
        var bare = await scenario.RunAsync(async t => await BareHost.StartAsync(t), previous => Target.StartBareAsync(previous?.Port), ct);
        Console.WriteLine(Report.Table([ours, bare]));
        return 0;
    }

    case "idle":
    {
        var scenario = new IdleScenario(Option("--rooms", 100), students / Option("--rooms", 100), TimeSpan.FromSeconds(Option("--idle", 30)));
        var results = new List<IdleResult>();
        await using (var server = await Target.StartServerAsync())
        {
            await using var host = await DebateServerHost.StartAsync(server);
            Console.WriteLine("Debate server:");
            results.Add(await scenario.RunAsync(host, ct));
            server.DeleteFolder();
        }

        await using (var bare = await Target.StartBareAsync())
        {
            await using var host = await BareHost.StartAsync(bare);
            Console.WriteLine("Bare hub:");
            results.Add(await scenario.RunAsync(host, ct));
            bare.DeleteFolder();
        }

        Console.WriteLine(Report.Table(results));
        return 0;
    }

    case "template":
    {
        var rooms = Option("--rooms", 100);
        var results = new List<TemplateResult>();
        TemplateScenario scenario;
        await using (var server = await Target.StartServerAsync())
        {
            await using var host = await DebateServerHost.StartAsync(server);
            var plan = TemplateScenario.Shorten(await host.TemplatePlanAsync("open-and-closed-models", ct), Option("--argue", 10), Option("--vote", 10), Option("--results", 10));
            scenario = new TemplateScenario(rooms, students / rooms, plan);
            Console.WriteLine($"Debate server ({scenario.PlanLength.TotalSeconds:F0} s of phases):");
            results.Add(await scenario.RunAsync(host, ct));
            server.DeleteFolder();
        }

        await using (var bare = await Target.StartBareAsync())
        {
            await using var host = await BareHost.StartAsync(bare);
            Console.WriteLine("Bare hub:");
            results.Add(await scenario.RunAsync(host, ct));
            bare.DeleteFolder();
        }

        Console.WriteLine(Report.Table(results));
        return 0;
    }

    default:
        Console.Error.WriteLine("Usage: OpenClosedDebate.LoadTest one-room|reconnect|idle|template [--students N] [--rooms N] [--post-window SECONDS] [--idle SECONDS] [--argue S --vote S --results S] [--minutes BOUND]");
        return 2;
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
