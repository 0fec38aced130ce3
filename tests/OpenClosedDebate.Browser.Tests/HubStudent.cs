namespace OpenClosedDebate.Browser.Tests;

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// A student who joins, posts and votes over the hub from .NET, as a script would: many of them fill a
/// room cheaply, while real browsers look at what they wrote. Such a connection sends no Origin header.
/// </summary>
internal sealed class HubStudent : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly HubConnection _connection;

    private HubStudent(HubConnection connection, JoinResult joined)
    {
        _connection = connection;
        Joined = joined;
    }

    public JoinResult Joined { get; }

    /// <summary>The name as the server keeps it.</summary>
    public string Name => Joined.Snapshot.You!.DisplayName;

    public Side Side => Joined.Snapshot.You!.Side!.Value;

    public static async Task<HubStudent> JoinAsync(string baseUrl, string code, string name)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri($"{baseUrl}/hubs/debate"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions = Json)
            .Build();
        await connection.StartAsync(Ct);
        var joined = await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(code, name, Guid.NewGuid().ToString()), Ct);
        return new HubStudent(connection, joined);
    }

    public async Task<ArgumentView> PostAsync(string text) =>
        (await _connection.InvokeAsync<ArgumentAck>("PostArgument", new PostArgumentRequest(Guid.NewGuid().ToString(), text, null), Ct)).Argument;

    public Task<BallotAck> VoteAsync(int roundIndex, IReadOnlyList<string> ranking) =>
        _connection.InvokeAsync<BallotAck>("SubmitBallot", new BallotRequest(Guid.NewGuid().ToString(), roundIndex, ranking), Ct);

    public Task LeaveAsync() => _connection.InvokeAsync("Leave", Ct);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
