namespace OpenClosedDebate.Server.Transcripts;

using System.Globalization;

/// <summary>
/// The one way the review and its exports write a time: the server's clock in UTC, to the second, with the zone
/// named, e.g. "2026-11-26 14:23:51 UTC", whatever the server's culture. The review page writes it the same way
/// (client/src/ui/time.ts); the JSON export keeps full ISO 8601 instants.
/// </summary>
internal static class ReviewTime
{
    public static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
