namespace OpenClosedDebate.Server.Rooms;

using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Hubs;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.Security;

/// <summary>What every room needs from the host.</summary>
internal sealed class RoomServices(
    TimeProvider time,
    EventWriter writer,
    IDbContextFactory<DebateDb> dbs,
    IHubContext<DebateHub, IDebateClient> hub,
    IOptions<RoomOptions> options,
    StudentBench bench,
    WordFilter filter,
    ILoggerFactory logs)
{
    public TimeProvider Time { get; } = time;

    public EventWriter Writer { get; } = writer;

    public IDbContextFactory<DebateDb> Dbs { get; } = dbs;

    public IHubContext<DebateHub, IDebateClient> Hub { get; } = hub;

    public RoomOptions Options { get; } = options.Value;

    public StudentBench Bench { get; } = bench;

    /// <summary>Holds arguments and names with listed words for the instructor (Moderation:WordFilter).</summary>
    public WordFilter Filter { get; } = filter;

    public ILogger Log { get; } = logs.CreateLogger<Room>();
}
