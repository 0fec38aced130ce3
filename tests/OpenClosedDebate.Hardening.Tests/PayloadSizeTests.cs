namespace OpenClosedDebate.Hardening.Tests;

using System.Text;
using System.Text.Json;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>Text in any script costs its UTF-8 size on the wire and on disk, not six bytes a character.</summary>
public sealed class PayloadSizeTests
{
    [Fact]
    public async Task An_argument_in_greek_chinese_or_emoji_is_sent_and_stored_as_utf8_not_escaped()
    {
        await using var server = await RealServer.StartAsync();
        await using var room = await Classroom.OpenAsync(server, 1);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        var student = room.Students[0];
        using var socket = await RawHubSocket.ConnectAsync(server);
        await socket.SendAsync(Invocation("r", "Resume", new ResumeRequest(student.DebateId, student.Token)));
        Assert.NotNull(await socket.CompletionAsync("r", TimeSpan.FromSeconds(10)));

        var texts = new (string Script, string Text)[]
        {
            ("Greek", string.Concat(Enumerable.Repeat("Ανοιχτά μοντέλα ", 62)).Trim()),
            ("Chinese", string.Concat(Enumerable.Repeat("开放的模型让学校保留数据", 83))),
            ("emoji", string.Concat(Enumerable.Repeat("🔓🦜", 500))),
        };
        foreach (var (script, text) in texts)
        {
            var id = $"post-{script}";
            await socket.SendAsync(Invocation(id, "PostArgument", new PostArgumentRequest(id, text, null)));
            var message = await socket.CompletionAsync(id, TimeSpan.FromSeconds(10));
            var onWire = Encoding.UTF8.GetByteCount(message!.Value.GetRawText());
            var utf8 = Encoding.UTF8.GetByteCount(text);
            var stored = server.Store.Events("ArgumentPosted").Single(e => e.RequestId == id).PayloadBytes;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{script}: {text.Length} UTF-16 units, {utf8:N0} bytes of UTF-8; acknowledgement {onWire:N0} bytes on the wire, stored event {stored:N0} bytes.");

            // Six-byte escapes would make both at least twice the UTF-8 size; what's left is the message's own fields.
            Assert.InRange(onWire, utf8, utf8 + 700);
            Assert.InRange(stored, utf8, utf8 + 400);
            Assert.Equal(text, message.Value.GetProperty("result").GetProperty("argument").GetProperty("text").GetString());
        }
    }

    private static string Invocation<T>(string id, string method, T argument) =>
        JsonSerializer.Serialize(new { type = 1, invocationId = id, target = method, arguments = new object?[] { argument } }, Wire.Json) + RawHubSocket.Separator;
}
