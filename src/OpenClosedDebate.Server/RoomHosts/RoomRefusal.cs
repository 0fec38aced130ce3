namespace OpenClosedDebate.Server.RoomHosts;

using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.RateLimiting;

/// <summary>
/// A room's refusal on its way from the node that holds the room to the node that asked. The domain's
/// <see cref="DebateRuleException"/> (and a <see cref="HubException"/> or <see cref="StorageUnavailableException"/>)
/// can't be sent between nodes as they are: the domain references no serializer. A <see cref="BenchedException"/>
/// keeps its wait, so the hub holds the call on the student's node just as it would with the room at hand. So the node with the room turns the
/// refusal into this, and the node that asked turns it back (<see cref="RefusalFilters"/>), and the hub's error filter
/// sees what it would have seen on one server.
/// </summary>
[GenerateSerializer]
[Alias("room-refusal")]
internal sealed class RoomRefusal : Exception
{
    public RoomRefusal()
    {
    }

    public RoomRefusal(string message)
        : base(message)
    {
    }

    public RoomRefusal(string message, Exception inner)
        : base(message, inner)
    {
    }

    private RoomRefusal(Kinds kind, string? error, string sentence, IReadOnlyList<FieldError>? fields = null)
        : base(sentence)
    {
        (Kind, Error, Sentence, FieldErrors) = (kind, error, sentence, [.. fields ?? []]);
    }

    public enum Kinds
    {
        Rule,
        Hub,
        Storage,
        Benched,
    }

    [Id(0)]
    public Kinds Kind { get; private set; }

    /// <summary>The <see cref="DebateError"/> of a rule's refusal, by name.</summary>
    [Id(1)]
    public string? Error { get; private set; }

    [Id(2)]
    public string Sentence { get; private set; } = string.Empty;

    /// <summary>The fields a plan got wrong, for a rule's refusal of one.</summary>
    [Id(3)]
    public List<FieldError> FieldErrors { get; private set; } = [];

    /// <summary>How long a benched student still sits out.</summary>
    [Id(4)]
    public TimeSpan Wait { get; private set; }

    /// <summary>The refusal to send back for <paramref name="e"/>, or null if it isn't one (a bug stays a bug).</summary>
    public static RoomRefusal? Of(Exception e) => e switch
    {
        DebateRuleException rule => new(Kinds.Rule, rule.Error.ToString(), rule.Message, rule.FieldErrors),
        BenchedException benched => new(Kinds.Benched, null, benched.Message) { Wait = benched.Wait },
        HubException hub => new(Kinds.Hub, null, hub.Message),
        StorageUnavailableException storage => new(Kinds.Storage, null, storage.Message),
        _ => null,
    };

    /// <summary>The exception the room threw, as the node that asked should see it.</summary>
    public Exception Restore() => Kind switch
    {
        Kinds.Rule => new DebateRuleException(Enum.Parse<DebateError>(Error!), Sentence) { FieldErrors = FieldErrors },
        Kinds.Hub => new HubException(Sentence),
        Kinds.Benched => new BenchedException(Wait),
        _ => new StorageUnavailableException(Sentence, this),
    };
}
