namespace OpenClosedDebate.Hardening.Tests;

using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// A student as the browser plays one: joins, keeps its resume token, sends each submission with its
/// own request id, and remembers what it sent and what the server acknowledged.
/// </summary>
public sealed class Pupil : IAsyncDisposable
{
    private readonly RealServer _server;
    private readonly Uri? _through;
    private TaskCompletionSource _ready = Completed();
    private int _resumes;
    private int _retries;

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

    /// <summary>How many times the connection came back on its own and resumed.</summary>
    public int Resumes => _resumes;

    /// <summary>
    /// Joins with a code, connecting directly or <paramref name="through"/> a proxy; with <paramref name="reconnect"/>
    /// the connection comes back on its own and resumes with the token, as the browser does.
    /// </summary>
    public static async Task<Pupil> JoinAsync(RealServer server, string code, string name, Uri? through = null, IRetryPolicy? reconnect = null)
    {
        var client = new RoomClient(server.Connection(reconnect: reconnect, through: through));
        var pupil = new Pupil(server, client, through, name);
        if (reconnect is not null)
        {
            client.Connection.Reconnecting += _ => pupil.Unready();
            client.Connection.Reconnected += _ => pupil.ResumeAfterReconnectAsync();
        }

        await client.Connection.StartAsync(Ct);
        var joined = await client.JoinAsync(code, name);
        (pupil.DebateId, pupil.ParticipantId, pupil.Token) = (joined.DebateId, joined.ParticipantId, joined.ResumeToken);
        Ledger.Secret(joined.ResumeToken);
        return pupil;
    }

    /// <summary>
    /// Sends a submission until it is acknowledged, as the browser does: a call cut off by the network
    /// waits for the connection to come back and resume, then goes again with the same request id.
    /// </summary>
    public async Task<T> UntilAcknowledgedAsync<T>(Func<Task<T>> submit)
    {
        for (var attempt = 1; ; attempt++)
        {
            await _ready.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            try
            {
                return await submit();
            }
            catch (Exception e) when (attempt < 50 && IsCutOff(e))
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(e is HubException ? 500 : 50, Ct);
            }
        }
    }

    /// <summary>How many submissions had to be sent again.</summary>
    public int Retries => _retries;

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

    private static TaskCompletionSource Completed()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ready.SetResult();
        return ready;
    }

    // A HubException is the server's answer; anything else (a reset socket, a closed or reconnecting connection) is the network.
    private static bool IsCutOff(Exception e) => e is not HubException || e.Message.Contains("rateLimited", StringComparison.Ordinal);

    private Task Unready()
    {
        if (_ready.Task.IsCompleted)
        {
            _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return Task.CompletedTask;
    }

    private async Task ResumeAfterReconnectAsync()
    {
        try
        {
            await Client.ResumeAsync(DebateId, Token);
            Interlocked.Increment(ref _resumes);
            _ready.TrySetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Cut off again while resuming: the next reconnect resumes.
        }
    }
}
