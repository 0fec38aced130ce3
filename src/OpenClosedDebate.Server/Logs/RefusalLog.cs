namespace OpenClosedDebate.Server.Logs;

using Microsoft.Extensions.Options;

/// <summary>
/// Refusals that someone else can repeat at will are logged here, each kind at most once per
/// <see cref="LogOptions.RepeatInterval"/> with a count of those held back, so a flood can't fill the disk
/// or bury what comes after it. Values from requests are cut short by the logger's own limit (<see cref="LogOptions.MaxValueLength"/>).
/// </summary>
internal sealed partial class RefusalLog(TimeProvider time, IOptions<LogOptions> options, ILogger<RefusalLog> log)
{
    private readonly LogSampler _origins = new(time, options.Value.RepeatInterval);
    private readonly LogSampler _closed = new(time, options.Value.RepeatInterval);

    public void ForeignOrigin(string origin)
    {
        if (_origins.TryTake(out var held))
        {
            LogForeignOrigin(origin, held);
        }
    }

    public void ClosedConnection(string reason)
    {
        if (_closed.TryTake(out var held))
        {
            LogClosed(reason, held);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a hub connection from origin {Origin} ({Held} more refused since the last such line)")]
    private partial void LogForeignOrigin(string origin, long held);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed a hub connection that {Reason} ({Held} more closed since the last such line)")]
    private partial void LogClosed(string reason, long held);
}
