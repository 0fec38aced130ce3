namespace OpenClosedDebate.Server.Logs;

using Serilog.Core;
using Serilog.Events;

/// <summary>
/// Cuts every text property of a log event to <paramref name="maxLength"/> characters before any sink sees
/// it, so a 30 KB header or an 8 KB path costs a log line no more than any other value.
/// </summary>
internal sealed class TruncatingEnricher(int maxLength) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? cut = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && text.Length > maxLength)
            {
                (cut ??= []).Add(new LogEventProperty(name, new ScalarValue(string.Concat(text.AsSpan(0, maxLength), "…"))));
            }
        }

        foreach (var property in cut ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }
}
