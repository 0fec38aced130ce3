namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Server.Contract;

/// <summary>Which connections are in a room, whom each speaks for, and which student each belongs to. Thread-safe.</summary>
internal sealed class RoomPresence
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (Audience Audience, Guid? Participant, string Node)> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, List<string>> _byParticipant = [];

    /// <summary>Adds a connection, held by the server <paramref name="node"/>; returns true when it is a student's first.</summary>
    public bool Add(string connectionId, string node, Audience audience, Guid? participantId)
    {
        lock (_lock)
        {
            Forget(connectionId);
            _connections[connectionId] = (audience, participantId, node);
            if (participantId is not { } id)
            {
                return false;
            }

            if (!_byParticipant.TryGetValue(id, out var list))
            {
                _byParticipant[id] = list = [];
            }

            list.Add(connectionId);
            return list.Count == 1;
        }
    }

    /// <summary>Removes a connection; returns the student whose last connection it was, if any.</summary>
    public Guid? Remove(string connectionId)
    {
        lock (_lock)
        {
            return Forget(connectionId);
        }
    }

    /// <summary>Removes every connection held by a server that <paramref name="isGone"/> names; returns the students who have no connection left.</summary>
    public List<Guid> RemoveNodes(Func<string, bool> isGone)
    {
        lock (_lock)
        {
            var gone = _connections.Where(c => isGone(c.Value.Node)).Select(c => c.Key).ToList();
            var left = new List<Guid>();
            foreach (var connection in gone)
            {
                if (Forget(connection) is { } id)
                {
                    left.Add(id);
                }
            }

            return left;
        }
    }

    /// <summary>Drops every connection of a student; returns them.</summary>
    public IReadOnlyList<string> RemoveParticipant(Guid participantId)
    {
        lock (_lock)
        {
            if (!_byParticipant.Remove(participantId, out var list))
            {
                return [];
            }

            foreach (var c in list)
            {
                _connections.Remove(c);
            }

            return list;
        }
    }

    public bool IsConnected(Guid participantId)
    {
        lock (_lock)
        {
            return _byParticipant.ContainsKey(participantId);
        }
    }

    public IReadOnlyList<string> ConnectionsOf(Guid participantId)
    {
        lock (_lock)
        {
            return _byParticipant.TryGetValue(participantId, out var list) ? [.. list] : [];
        }
    }

    public List<string> ConnectionsOf(IEnumerable<Guid> participantIds)
    {
        lock (_lock)
        {
            var result = new List<string>();
            foreach (var id in participantIds)
            {
                if (_byParticipant.TryGetValue(id, out var list))
                {
                    result.AddRange(list);
                }
            }

            return result;
        }
    }

    /// <summary>Every connection that speaks for a student (not a projector or the instructor).</summary>
    public List<string> StudentConnections()
    {
        lock (_lock)
        {
            return [.. _connections.Where(c => c.Value.Audience == Audience.Student).Select(c => c.Key)];
        }
    }

    /// <summary>Whether any connection is in the room.</summary>
    public bool Any()
    {
        lock (_lock)
        {
            return _connections.Count > 0;
        }
    }

    /// <summary>Every connection with whom it speaks for, e.g. to resend snapshots to all.</summary>
    public IReadOnlyList<(string Connection, Audience Audience, Guid? Participant)> All()
    {
        lock (_lock)
        {
            return [.. _connections.Select(c => (c.Key, c.Value.Audience, c.Value.Participant))];
        }
    }

    private Guid? Forget(string connectionId)
    {
        if (!_connections.Remove(connectionId, out var entry) || entry.Participant is not { } id)
        {
            return null;
        }

        var list = _byParticipant[id];
        list.Remove(connectionId);
        if (list.Count > 0)
        {
            return null;
        }

        _byParticipant.Remove(id);
        return id;
    }
}
