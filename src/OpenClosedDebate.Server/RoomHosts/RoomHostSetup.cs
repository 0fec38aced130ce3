namespace OpenClosedDebate.Server.RoomHosts;

using System.Net;
using System.Text.Json;
using Orleans.Configuration;
using Orleans.Runtime;
using StackExchange.Redis;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Configuration;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.RateLimiting;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// What holds the rooms, chosen by Cluster:Enabled. Off (the default): this server, with <see cref="LocalRooms"/>, and
/// no port but the web port. On: an Orleans silo in this process, one grain per debate (<see cref="RoomGrain"/>),
/// membership through Orleans' ADO.NET clustering on the same PostgreSQL database as the debates, and broadcasts to
/// every node's connections through the SignalR Redis backplane.
/// </summary>
internal static class RoomHostSetup
{
    public static void AddRoomHosts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClusterNodeOptions>().BindConfiguration(ClusterNodeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ActiveRooms>();
        var cluster = builder.Configuration.GetSection(ClusterNodeOptions.Section).Get<ClusterNodeOptions>() ?? new();
        if (!cluster.Enabled)
        {
            builder.Services.AddSingleton(ThisNode.Single);
            builder.Services.AddSingleton<RoomRegistry>();
            builder.Services.AddSingleton<IRooms, LocalRooms>();
            builder.Services.AddHostedService<RoomEviction>();
            builder.Services.AddLocalLimits();
            return;
        }

        if (!DatabaseSetup.IsPostgres(builder.Configuration))
        {
            throw new InvalidOperationException("Cluster:Enabled needs a database every node shares: set Persistence:Provider to postgres and ConnectionStrings:Debates.");
        }

        if (!IPAddress.TryParse(cluster.AdvertisedAddress, out var advertised))
        {
            throw new InvalidOperationException($"Cluster:AdvertisedAddress is '{cluster.AdvertisedAddress}': give this node's IP address, as other nodes reach it.");
        }

        if (string.IsNullOrWhiteSpace(cluster.Redis))
        {
            throw new InvalidOperationException("Cluster:Enabled needs Cluster:Redis, the Redis server every node sends broadcasts through (e.g. redis:6379).");
        }

        // Broadcasts go through Redis to every node's connections; the channels carry the cluster's id, so clusters sharing a Redis stay apart.
        var prefix = $"openclosed:{cluster.ClusterId}:";
        builder.Services.AddSignalR().AddStackExchangeRedis(cluster.Redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix));

        // Limits, lockouts and the setup link are shared through the same Redis, under the same prefix.
        builder.Services.AddSharedLimits(cluster.Redis, prefix);

        var connection = builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionName)!;
        builder.UseOrleans(silo =>
        {
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connection));
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, "openclosed"));

            // A node that stops answering is declared dead after MissedProbesLimit probes of ProbeTimeout each (a wait
            // Orleans adapts, up to MaxProbeTimeout), or once its connection has been quiet for MaxProbeTimeout times
            // MissedProbesLimit if that is later.
            silo.Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.MaxProbeTimeout, o.NumMissedProbesLimit) =
                (cluster.ProbeTimeout, TimeSpan.FromTicks(Math.Max(cluster.ProbeTimeout.Ticks, cluster.MaxProbeTimeout.Ticks)), cluster.MissedProbesLimit));

            // Nodes talk on NodePort only; there are no outside Orleans clients, so no gateway port.
            silo.ConfigureEndpoints(advertised, cluster.NodePort, gatewayPort: 0, listenOnAnyHostAddress: true);
            silo.AddIncomingGrainCallFilter<RefusalFilters.Outgoing>();
            silo.AddOutgoingGrainCallFilter<RefusalFilters.Incoming>();
            silo.Services.AddSerializer(s => s.AddJsonSerializer(IsOurs, null, o => o.Configure(c => c.SerializerOptions = WireJson.Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web)))));
            silo.Services.AddSingleton<IGeneralizedCopier, UnchangedCopier>();
            silo.Services.Configure<TypeManifestOptions>(o =>
            {
                o.AllowedAssemblies.Add(typeof(Domain.Debates.Debate).Assembly.GetName().Name!);
                o.AllowedAssemblies.Add(typeof(RoomHostSetup).Assembly.GetName().Name!);
            });
        });
        builder.Services.AddSingleton<IRooms, GrainRooms>();
        builder.Services.AddSingleton(sp => new ThisNode(sp.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString()));
        builder.Services.AddHostedService<ActiveRoomsWatch>();
    }

    /// <summary>The debate's own types (contract, domain, room commands) cross between nodes as JSON, with the wire's options.</summary>
    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("OpenClosedDebate.", StringComparison.Ordinal) == true && !typeof(Exception).IsAssignableFrom(type);

    /// <summary>
    /// Our types are immutable records, made for the one call and never changed after, so a call to a grain on the same
    /// node passes them as they are instead of copying them through JSON (which doubled a call's cost when measured).
    /// </summary>
    private sealed class UnchangedCopier : IGeneralizedCopier
    {
        public bool IsSupportedType(Type type) => IsOurs(type);

        public object? DeepCopy(object? input, CopyContext context) => input;
    }
}
