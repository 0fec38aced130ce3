namespace OpenClosedDebate.Hardening.Tests;

using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Tests;

/// <summary>
/// A student as the browser plays one: joins, keeps its resume token, sends each submission with its
/// own request id, and remembers what it sent and what the server acknowledged.
/// </summary>
public sealed class Pupil : IAsyncDisposable
{
    private readonly RealServer _server;
    private readonly Uri? _through;

    private Pupil(RealServer server, RoomClient client, Uri? through, string name)
    {
        _server = server;
        _through = through;
        Client = client;
        Name = name;
    }

    public RoomClient Client { get; private set; }

    public string Name { get; }

    public Guid DebateId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public string Token { get; private set; } = string.Empty;

    /// <summary>Every argument sent, by request id, whether or not it was acknowledged.</summary>
    public ConcurrentDictionary<string, string> Sent { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, ArgumentAck> Acknowledged { get; } = new(StringComparer.Ordinal);

    /// <summary>Every ballot sent, in order, by request id.</summary>
    public ConcurrentQueue<(string RequestId, string[] Ranking)> BallotsSent { get; } = new();

    public ConcurrentDictionary<string, BallotAck> BallotsAcknowledged { get; } = new(StringComparer.Ordinal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Pupil> JoinAsync(RealServer server, string code, string name, Uri? through = null, IRetryPolicy? reconnect = null)
    {
        var client = new RoomClient(server.Connection(reconnect: reconnect, through: through));
        await client.Connection.StartAsync(Ct);
        var pupil = new Pupil(server, client, through, name);
        var joined = await client.JoinAsync(code, name);
        (pupil.DebateId, pupil.ParticipantId, pupil.Token) = (joined.DebateId, joined.ParticipantId, joined.ResumeToken);
        Ledger.Secret(joined.ResumeToken);
        return pupil;
    }

    /// <summary>Posts an argument; an acknowledgement is recorded, a failure is left for a retry.</summary>
    public async Task<ArgumentAck> PostAsync(string requestId, string text)
    {
        Sent.TryAdd(requestId, text);
        Ledger.Secret(text);
        var ack = await Client.Connection.InvokeAsync<ArgumentAck>("PostArgument", new PostArgumentRequest(requestId, text, null), Ct);
        Acknowledged[requestId] = ack;
        return ack;
    }

    public async Task<BallotAck> VoteAsync(string requestId, int round, string[] ranking)
    {
        if (!BallotsSent.Any(b => b.RequestId == requestId))
        {
            BallotsSent.Enqueue((requestId, ranking));
        }

        var ack = await Client.Connection.InvokeAsync<BallotAck>("SubmitBallot", new BallotRequest(requestId, round, ranking), Ct);
        BallotsAcknowledged[requestId] = ack;
        return ack;
    }

    /// <summary>A new connection resuming with the stored token, as a reloaded page does.</summary>
    public async Task<RoomSnapshot> ReconnectAsync()
    {
        await Client.DisposeAsync();
        Client = new RoomClient(_server.Connection(through: _through));
        await Client.Connection.StartAsync(Ct);
        return await Client.ResumeAsync(DebateId, Token);
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
