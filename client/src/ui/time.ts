/**
 * The one way the review writes a time: the server's clock in UTC, to the second, with the zone named, e.g.
 * "2026-11-26 14:23:51 UTC", whatever the browser's language or zone. The server's exports write it the same way
 * (src/OpenClosedDebate.Server/Transcripts/ReviewTime.cs), so a time on the page can be found in a file.
 */
export function utcTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
