namespace OpenClosedDebate.Server.Rooms;

using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.RateLimiting;

/// <summary>What every room needs from the host.</summary>
internal sealed class RoomServices(
    TimeProvider time,
    EventWriter writer,
    IDbContextFactory<DebateDb> dbs,
    IHubClients<IDebateClient> clients,
    IGroupManager groups,
    IOptions<RoomOptions> options,
    StudentBench bench,
    WordFilter filter,
    ILoggerFactory logs)
{
    public TimeProvider Time { get; } = time;

    public EventWriter Writer { get; } = writer;

    public IDbContextFactory<DebateDb> Dbs { get; } = dbs;

    /// <summary>The debate hub's clients (registered from its hub context in Program.cs, so rooms don't depend on the hub).</summary>
    public IHubClients<IDebateClient> Clients { get; } = clients;

    /// <summary>The debate hub's groups.</summary>
    public IGroupManager Groups { get; } = groups;

    public RoomOptions Options { get; } = options.Value;

    public StudentBench Bench { get; } = bench;

    /// <summary>Holds arguments and names with listed words for the instructor (Moderation:WordFilter).</summary>
    public WordFilter Filter { get; } = filter;

    public ILogger Log { get; } = logs.CreateLogger<Room>();
}
