namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Domain.Debates;

/// <summary>The room's clock: one timer, armed for the running debate's next deadline, whose tick is a command like any other.</summary>
internal sealed partial class Room
{
    private void ArmTimer(DateTimeOffset now)
    {
        var deadline = _debate.Status == DebateStatus.Running ? _debate.Deadline : null;
        if (deadline == _armedFor && (_timer is not null || deadline is null))
        {
            return;
        }

        _timer?.Dispose();
        _timer = null;
        _armedFor = deadline;
        if (deadline is { } d)
        {
            var due = d > now ? d - now : TimeSpan.Zero;
            _timer = _services.Time.CreateTimer(_ => _ = TickAsync(), null, due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task TickAsync()
    {
        try
        {
            await ExecuteAsync((d, now) => new Step<bool>(true, d.Tick(now)), rearm: true);
        }
        catch (Exception e)
        {
            LogTickFailed(Id, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Debate {DebateId}: the clock tick failed")]
    private partial void LogTickFailed(Guid debateId, Exception exception);
}
