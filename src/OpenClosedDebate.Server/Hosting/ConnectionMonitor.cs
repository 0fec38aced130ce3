namespace OpenClosedDebate.Server.Hosting;

using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Logs;

/// <summary>
/// Watches Kestrel's own connection metrics: how many connections are open, how many of them are
/// WebSockets, and how many were refused at the limit. Kestrel refuses a plain connection over its limit
/// itself; a WebSocket over the upgraded limit would fail inside the upgrade, so <see cref="UseWebSocketLimit"/>
/// answers it with 503 first (SignalR clients then fall back to another transport or retry). Refusals are logged once per <see cref="LogOptions.RepeatInterval"/> with their count (Kestrel's
/// own line per refused connection is filtered out), and /healthz reports Degraded while the server is at
/// its limit or has refused connections lately.
/// </summary>
internal sealed partial class ConnectionMonitor : IHealthCheck, IDisposable
{
    private const string KestrelMeter = "Microsoft.AspNetCore.Server.Kestrel";

    private readonly MeterListener _listener = new();
    private readonly ConnectionLimits _limits;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<ConnectionMonitor> _log;
    private readonly Lock _lock = new();
    private long _active;
    private long _upgraded;
    private long _refused;
    private long _refusedSinceLogged;
    private DateTimeOffset _lastRefusal = DateTimeOffset.MinValue;
    private DateTimeOffset _nextLog = DateTimeOffset.MinValue;

    public ConnectionMonitor(ConnectionLimits limits, TimeProvider time, IOptions<LogOptions> logs, ILogger<ConnectionMonitor> log)
    {
        _limits = limits;
        _time = time;
        _interval = logs.Value.RepeatInterval;
        _log = log;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KestrelMeter && instrument.Name is "kestrel.active_connections" or "kestrel.upgraded_connections" or "kestrel.rejected_connections")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "kestrel.active_connections")
            {
                Interlocked.Add(ref _active, value);
            }
            else if (instrument.Name == "kestrel.upgraded_connections")
            {
                Interlocked.Add(ref _upgraded, value);
            }
            else
            {
                Refused(value);
            }
        });
        _listener.Start();
    }

    public long Active => Interlocked.Read(ref _active);

    public long Upgraded => Interlocked.Read(ref _upgraded);

    /// <summary>Refuses a WebSocket request with 503 while the server holds as many WebSockets as it may.</summary>
    public static IApplicationBuilder UseWebSocketLimit(IApplicationBuilder app, PathString hubs)
    {
        var monitor = app.ApplicationServices.GetRequiredService<ConnectionMonitor>();
        // Asked by header: at the limit Kestrel already says the request can't be upgraded, and it would
        // otherwise go on as a plain request that SignalR answers as if the transport were something else.
        return app.UseWhen(c => c.Request.Path.StartsWithSegments(hubs) && string.Equals(c.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase), branch => branch.Use((http, next) =>
        {
            if (monitor._limits.Upgraded is not { } limit || monitor.Upgraded < limit)
            {
                return next(http);
            }

            monitor.Refused(1);
            http.Response.Headers.RetryAfter = "5";
            http.Response.Headers.Connection = "close";
            return Problems.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "The server is full right now. Try again in a moment.", "serverFull");
        }));
    }

    public long RefusedTotal => Interlocked.Read(ref _refused);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["connections"] = Active, ["refused"] = RefusedTotal };
        if (_limits.Total is { } total)
        {
            data["limit"] = total;
        }

        DateTimeOffset last;
        lock (_lock)
        {
            last = _lastRefusal;
        }

        data["webSockets"] = Upgraded;
        var full = (_limits.Total is { } limit && Active >= limit * 0.9) || (_limits.Upgraded is { } sockets && Upgraded >= sockets * 0.9);
        var refusing = _time.GetUtcNow() - last < _interval;
        return Task.FromResult(full || refusing
            ? HealthCheckResult.Degraded($"At or near the connection limit ({Active} open, {Upgraded} of them WebSockets, of {_limits.Total}); new connections are being refused.", data: data)
            : HealthCheckResult.Healthy($"{Active} connections open.", data));
    }

    public void Dispose() => _listener.Dispose();

    private void Refused(long count)
    {
        Interlocked.Add(ref _refused, count);
        var now = _time.GetUtcNow();
        long held;
        lock (_lock)
        {
            _lastRefusal = now;
            _refusedSinceLogged += count;
            if (now < _nextLog)
            {
                return;
            }

            _nextLog = now + _interval;
            held = _refusedSinceLogged;
            _refusedSinceLogged = 0;
        }

        LogRefused(held, _limits.Total, Active);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Count} connection(s) at the limit of {Limit} connections ({Active} open); the next such line comes after a quiet interval at the earliest")]
    private partial void LogRefused(long count, int? limit, long active);
}
