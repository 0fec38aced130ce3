namespace OpenClosedDebate.Server.Transcripts;

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Server.Auth;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// The instructor's review of their own debates, its exports, and removing one student's data.
/// Exports are written straight to the response, never built whole in memory. Add ?share=true for
/// the version to share with the class: every student name becomes a pseudonym.
/// </summary>
internal static class TranscriptsApi
{
    // Markdown goes without a byte order mark: some renderers would then miss a heading on the first line.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static RouteGroupBuilder MapTranscriptsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/debates/{id:guid}").RequireAuthorization(AuthSetup.InstructorPolicy).WithTags("Transcripts");
        group.MapGet("/review", async (Guid id, bool? share, IRooms rooms, HttpContext http) =>
            TypedResults.Ok(await BuildAsync(id, share, rooms, http)));
        group.MapGet("/export/transcript.md", (Guid id, bool? share, IRooms rooms, HttpContext http) =>
            ExportAsync(id, share, rooms, http, "transcript.md", "text/markdown; charset=utf-8", (review, stream) => WriteTextAsync(stream, Utf8, w => MarkdownExport.WriteAsync(review, w))));
        group.MapGet("/export/arguments.csv", (Guid id, bool? share, IRooms rooms, HttpContext http) =>
            ExportAsync(id, share, rooms, http, "arguments.csv", "text/csv; charset=utf-8", (review, stream) => WriteTextAsync(stream, Csv.Encoding, w => CsvExport.WriteArgumentsAsync(review, w))));
        group.MapGet("/export/ballots.csv", (Guid id, bool? share, IRooms rooms, HttpContext http) =>
            ExportAsync(id, share, rooms, http, "ballots.csv", "text/csv; charset=utf-8", (review, stream) => WriteTextAsync(stream, Csv.Encoding, w => CsvExport.WriteBallotsAsync(review, w))));
        group.MapGet("/export/debate.json", (Guid id, bool? share, IRooms rooms, IOptions<JsonOptions> json, HttpContext http) =>
            ExportAsync(id, share, rooms, http, "debate.json", "application/json; charset=utf-8", (review, stream) => JsonSerializer.SerializeAsync(stream, review, json.Value.SerializerOptions)));
        group.MapPost("/participants/{participantId:guid}/erase", Erase);
        return group;
    }

    private static Task<ReviewView> BuildAsync(Guid id, bool? share, IRooms rooms, HttpContext http) =>
        rooms[id].ReviewAsync(http.User.InstructorId(), share == true, http.RequestAborted);

    private static async Task<PushStreamHttpResult> ExportAsync(
        Guid id, bool? share, IRooms rooms, HttpContext http, string file, string contentType, Func<ReviewView, Stream, Task> write)
    {
        var review = await BuildAsync(id, share, rooms, http);
        var name = $"debate-{review.Debate.JoinCode}{(share == true ? "-shared" : string.Empty)}-{file}";
        return TypedResults.Stream(stream => write(review, stream), contentType, name);
    }

    private static async Task WriteTextAsync(Stream stream, Encoding encoding, Func<TextWriter, Task> write)
    {
        await using var writer = new StreamWriter(stream, encoding, bufferSize: 16 * 1024);
        await write(writer);
    }

    private static async Task<NoContent> Erase(Guid id, Guid participantId, IRooms rooms, HttpContext http)
    {
        await rooms[id].EraseAsync(http.User.InstructorId(), participantId);
        return TypedResults.NoContent();
    }
}
