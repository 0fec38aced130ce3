namespace OpenClosedDebate.Server.RoomHosts;

/// <summary>Sends a room's refusals between nodes as <see cref="RoomRefusal"/>: out of the grain, and back at the caller.</summary>
internal static class RefusalFilters
{
    /// <summary>On the node with the room: a refusal leaves as a <see cref="RoomRefusal"/>.</summary>
    public sealed class Outgoing : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            try
            {
                await context.Invoke();
            }
            catch (Exception e) when (RoomRefusal.Of(e) is { } refusal)
            {
                throw refusal;
            }
        }
    }

    /// <summary>On the node that asked: a <see cref="RoomRefusal"/> becomes the refusal the room made.</summary>
    public sealed class Incoming : IOutgoingGrainCallFilter
    {
        public async Task Invoke(IOutgoingGrainCallContext context)
        {
            try
            {
                await context.Invoke();
            }
            catch (RoomRefusal refusal)
            {
                throw refusal.Restore();
            }
        }
    }
}
