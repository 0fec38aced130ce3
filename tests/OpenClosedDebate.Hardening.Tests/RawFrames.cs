namespace OpenClosedDebate.Hardening.Tests;

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

/// <summary>
/// What the raw framing fuzz sends the hub: named cases of broken framing, JSON and handshakes, and valid
/// messages to mutate a character at a time.
/// </summary>
internal static class RawFrames
{
    // What a mutation inserts: JSON's own punctuation, escapes, separators and bytes out of place.
    private static readonly string[] Splinters =
    [
        "{", "}", "[", "]", "\"", ":", ",", "\\", "0", "-", "1e9", "null", "true", "\\ud800", "\\u0000", " ", RawHubSocket.Separator, "\u0000", "é", "\uFFFF",
    ];

    /// <summary>What the probe sent after a piece of junk should meet.</summary>
    public enum Expected
    {
        Answer,
        Close,
        Either,
    }

    // True when a message in the frame has a type SignalR's JSON protocol doesn't know, as an integer (1 to 9 are known).
    public static bool OfUnknownType(string frame) => frame.Split(RawHubSocket.Separator).Any(message =>
    {
        try
        {
            using var json = JsonDocument.Parse(message);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.EnumerateObject()
                .Any(p => p.NameEquals("type") && p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var type) && type is < 1 or > 9);
        }
        catch (JsonException)
        {
            return false;
        }
    });

    public static string Invocation(string id, string target, params string[] args) =>
        $"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{target}\",\"arguments\":[{string.Join(",", args)}]}}{RawHubSocket.Separator}";

    public static IEnumerable<Junk> Cases(Classroom room)
    {
        var (code, debate, student) = (room.Debate.JoinCode, room.Debate.Id, room.Students[1].ParticipantId);
        var watch = Invocation("w", "Watch", $"{{\"code\":\"{code}\"}}");
        (string, Expected, string) Text(string name, Expected expect, string frame) => (name, expect, frame);
        (string Name, Expected Expected, string Frame)[] texts =
        [
            Text("garbage", Expected.Either, "garbage!@#$%^&*()" + RawHubSocket.Separator),
            Text("invalid JSON", Expected.Either, "{\"type\":1,\"target\":" + RawHubSocket.Separator),
            Text("truncated invocation", Expected.Either, watch[..25] + RawHubSocket.Separator),
            Text("no separator", Expected.Either, watch[..^1]),
            Text("empty message", Expected.Either, RawHubSocket.Separator + RawHubSocket.Separator),
            Text("JSON that isn't an object", Expected.Either, "[1,2,3]" + RawHubSocket.Separator),
            Text("a string", Expected.Either, "\"hello\"" + RawHubSocket.Separator),
            Text("null", Expected.Either, "null" + RawHubSocket.Separator),
            Text("no type", Expected.Either, "{\"target\":\"Watch\"}" + RawHubSocket.Separator),
            Text("type 99", Expected.Either, "{\"type\":99}" + RawHubSocket.Separator),
            Text("type -1", Expected.Either, "{\"type\":-1}" + RawHubSocket.Separator),
            Text("type as a string", Expected.Either, "{\"type\":\"1\",\"target\":\"Watch\",\"arguments\":[]}" + RawHubSocket.Separator),
            Text("type null", Expected.Either, "{\"type\":null}" + RawHubSocket.Separator),
            Text("type 1e400", Expected.Either, "{\"type\":1e400}" + RawHubSocket.Separator),
            Text("invocation without a target", Expected.Either, "{\"type\":1,\"invocationId\":\"x\",\"arguments\":[]}" + RawHubSocket.Separator),
            Text("target a number", Expected.Either, "{\"type\":1,\"invocationId\":\"x\",\"target\":5,\"arguments\":[]}" + RawHubSocket.Separator),
            Text("arguments an object", Expected.Either, "{\"type\":1,\"invocationId\":\"x\",\"target\":\"Watch\",\"arguments\":{}}" + RawHubSocket.Separator),
            Text("arguments null", Expected.Either, "{\"type\":1,\"invocationId\":\"x\",\"target\":\"Watch\",\"arguments\":null}" + RawHubSocket.Separator),
            Text("invocation id a number", Expected.Either, "{\"type\":1,\"invocationId\":5,\"target\":\"Watch\",\"arguments\":[]}" + RawHubSocket.Separator),
            Text("unknown stream ids", Expected.Either, "{\"type\":1,\"invocationId\":\"x\",\"target\":\"Watch\",\"arguments\":[],\"streamIds\":[\"s1\"]}" + RawHubSocket.Separator),
            Text("headers nested", Expected.Either, "{\"type\":1,\"invocationId\":\"x\",\"target\":\"Watch\",\"arguments\":[],\"headers\":{\"a\":{\"b\":1}}}" + RawHubSocket.Separator),
            Text("lone surrogate target", Expected.Either, "{\"type\":1,\"invocationId\":\"x\",\"target\":\"\\ud800\",\"arguments\":[]}" + RawHubSocket.Separator),
            Text("lone surrogate invocation id", Expected.Either, "{\"type\":1,\"invocationId\":\"\\udfff\",\"target\":\"Watch\",\"arguments\":[]}" + RawHubSocket.Separator),
            Text("stream item for no stream", Expected.Either, "{\"type\":2,\"invocationId\":\"zz\",\"item\":1}" + RawHubSocket.Separator),
            Text("completion from the client", Expected.Either, "{\"type\":3,\"invocationId\":\"zz\",\"result\":1}" + RawHubSocket.Separator),
            Text("streaming a plain method", Expected.Either, "{\"type\":4,\"invocationId\":\"s\",\"target\":\"Watch\",\"arguments\":[{\"code\":\"" + code + "\"}]}" + RawHubSocket.Separator),
            Text("close message from the client", Expected.Close, "{\"type\":7,\"error\":\"bye\"}" + RawHubSocket.Separator),
            Text("ack without stateful reconnect", Expected.Either, "{\"type\":8,\"sequenceId\":1}" + RawHubSocket.Separator),
            Text("sequence without stateful reconnect", Expected.Either, "{\"type\":9,\"sequenceId\":5}" + RawHubSocket.Separator),
            Text("comments and trailing commas", Expected.Either, "{/* hi */\"type\":6,}" + RawHubSocket.Separator),
            Text("byte order mark", Expected.Either, "\uFEFF{\"type\":6}" + RawHubSocket.Separator),
            Text("nested 10,000 deep", Expected.Either, Invocation("x", "Watch", new string('[', 10_000) + new string(']', 10_000))),
            Text("over the 64 KB limit", Expected.Close, Invocation("x", "Watch", $"{{\"code\":\"{new string('A', 70_000)}\"}}")),
            Text("ping", Expected.Answer, "{\"type\":6}" + RawHubSocket.Separator),
            Text("cancel of an unknown invocation", Expected.Answer, "{\"type\":5,\"invocationId\":\"nope\"}" + RawHubSocket.Separator),
            Text("invocation without an id", Expected.Answer, "{\"type\":1,\"target\":\"Watch\",\"arguments\":[{\"code\":\"" + code + "\"}]}" + RawHubSocket.Separator),
            Text("arguments before the target", Expected.Answer, "{\"arguments\":[{\"code\":\"" + code + "\"}],\"invocationId\":\"a\",\"type\":1,\"target\":\"Watch\"}" + RawHubSocket.Separator),
            Text("an invocation id of 60,000 characters", Expected.Answer, Invocation(new string('i', 60_000), "Watch", $"{{\"code\":\"{code}\"}}")),
            Text("lone surrogate in a name", Expected.Answer, Invocation("x", "Join", $"{{\"code\":\"{code}\",\"name\":\"\\ud800\"}}")),
            Text("lone surrogate in a code", Expected.Answer, Invocation("x", "Watch", "{\"code\":\"\\udc00ABCDE\"}")),
            Text("escaped NUL in a name", Expected.Answer, Invocation("x", "Join", $"{{\"code\":\"{code}\",\"name\":\"\\u0000\\u0000\"}}")),
            Text("300 invocations in one frame", Expected.Answer, string.Concat(Enumerable.Range(0, 300).Select(i => Invocation($"many{i}", "Watch", $"{{\"code\":\"{code}\"}}")))),
        ];
        foreach (var (name, expect, frame) in texts)
        {
            yield return new Junk(name, expect, null, true, s => s.SendAsync(frame), OfUnknownType(frame));
        }

        // As the debate's instructor, numbers no int or GUID holds.
        foreach (var seconds in new[] { "1e999", "-0", "0.5e1", "2e9", "1E+1", "\"30\"", "30.0000000000000001" })
        {
            yield return new Junk($"Extend by {seconds}", Expected.Answer, room.Teacher.Cookie, true, s => s.SendAsync(Invocation("x", "Extend", $"\"{debate}\"", seconds)));
        }

        yield return new Junk("MoveStudent to side 1e999", Expected.Answer, room.Teacher.Cookie, true, s => s.SendAsync(Invocation("x", "MoveStudent", $"\"{debate}\"", $"\"{student}\"", "1e999")));

        // Handshakes gone wrong, and ones split oddly that must still work.
        yield return new Junk("no handshake", Expected.Either, null, false, _ => Task.CompletedTask);
        yield return new Junk("MessagePack handshake", Expected.Close, null, false, s => s.SendAsync("{\"protocol\":\"messagepack\",\"version\":1}" + RawHubSocket.Separator));
        yield return new Junk("version 99 handshake", Expected.Close, null, false, s => s.SendAsync("{\"protocol\":\"json\",\"version\":99}" + RawHubSocket.Separator));
        yield return new Junk("garbage handshake", Expected.Close, null, false, s => s.SendAsync("hello" + RawHubSocket.Separator));
        yield return new Junk("two handshakes", Expected.Either, null, false, s => s.SendAsync(RawHubSocket.Handshake + RawHubSocket.Handshake));
        yield return new Junk("handshake and invocation in one frame", Expected.Answer, null, false, s => s.SendAsync(RawHubSocket.Handshake + watch));
        yield return new Junk("handshake over two frames", Expected.Answer, null, false, async s =>
        {
            await s.SendAsync(RawHubSocket.Handshake[..10]);
            await s.SendAsync(RawHubSocket.Handshake[10..]);
        });

        // Framing below the JSON: a message split over WebSocket messages and fragments, binary frames, bytes that aren't UTF-8.
        yield return new Junk("one message over two WebSocket messages", Expected.Answer, null, true, async s =>
        {
            await s.SendAsync(watch[..20]);
            await s.SendAsync(watch[20..]);
        });
        yield return new Junk("one message in two fragments", Expected.Answer, null, true, async s =>
        {
            await s.SendAsync(Encoding.UTF8.GetBytes(watch[..20]), WebSocketMessageType.Text, last: false);
            await s.SendAsync(Encoding.UTF8.GetBytes(watch[20..]), WebSocketMessageType.Text);
        });
        yield return new Junk("invocation in a binary frame", Expected.Either, null, true, s => s.SendAsync(Encoding.UTF8.GetBytes(watch), WebSocketMessageType.Binary));
        yield return new Junk("random binary frame", Expected.Either, null, true, s => s.SendAsync([.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 131 % 256))], WebSocketMessageType.Binary));
        yield return new Junk("text frame that isn't UTF-8", Expected.Either, null, true, s => s.SendAsync([0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0x1E], WebSocketMessageType.Text));
        yield return new Junk("half a message, then the socket dropped", Expected.Either, null, true, async s =>
        {
            await s.SendAsync(watch[..20]);
            s.Abort();
        });
    }

    public static IEnumerable<string> Templates(Classroom room)
    {
        var (code, debate, student) = (room.Debate.JoinCode, room.Debate.Id, room.Students[1].ParticipantId);
        Ledger.Secret("Open weights let anyone check the work.");
        string[] invocations =
        [
            Invocation("t", "Watch", $"{{\"code\":\"{code}\"}}"),
            Invocation("t", "Join", $"{{\"code\":\"{code}\",\"name\":\"Mutant\",\"requestId\":\"r\"}}"),
            Invocation("t", "Resume", $"{{\"debateId\":\"{debate}\",\"token\":\"abc\"}}"),
            Invocation("t", "PostArgument", "{\"requestId\":\"r\",\"text\":\"Open weights let anyone check the work.\",\"replyToId\":null}"),
            Invocation("t", "SubmitBallot", "{\"requestId\":\"b\",\"roundIndex\":0,\"ranking\":[\"for\"]}"),
            Invocation("t", "Extend", $"\"{debate}\"", "30"),
            Invocation("t", "MoveStudent", $"\"{debate}\"", $"\"{student}\"", "\"open\""),
            Invocation("t", "Rename", $"\"{debate}\"", $"\"{student}\"", "\"Renamed\""),
            Invocation("t", "SetLocked", $"\"{debate}\"", "false"),
            "{\"type\":6}",
            "{\"type\":5,\"invocationId\":\"t\"}",
            $"{{\"type\":4,\"invocationId\":\"t\",\"target\":\"Watch\",\"arguments\":[{{\"code\":\"{code}\"}}],\"streamIds\":[]}}",
        ];
        return invocations.Select(i => i.TrimEnd(RawHubSocket.Separator[0]));
    }

    // One to four edits: a character dropped, inserted or replaced, a run repeated, or the rest cut off.
    public static string Mutate(Random random, string message)
    {
        var text = new StringBuilder(message);
        for (var edits = random.Next(1, 5); edits > 0 && text.Length > 0; edits--)
        {
            var at = random.Next(text.Length);
            _ = random.Next(5) switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, Splinters[random.Next(Splinters.Length)]),
                2 => text.Remove(at, 1).Insert(at, Splinters[random.Next(Splinters.Length)]),
                3 => text.Insert(at, text.ToString(at, Math.Min(random.Next(1, 20), text.Length - at))),
                _ => text.Remove(at, text.Length - at - 1),
            };
        }

        return text.ToString();
    }

    public static string Garbage(Random random) =>
        new([.. Enumerable.Range(0, random.Next(1, 2000)).Select(_ => (char)random.Next(1, 0xD800))]);

    /// <summary>One thing to send: what to call it, what the probe after it should meet, and how to connect first.</summary>
    public sealed record Junk(string Name, Expected Expected, string? Cookie, bool Handshake, Func<RawHubSocket, Task> Send, bool UnknownType = false);
}
