namespace OpenClosedDebate.Server.Tests;

using System.Text;
using System.Text.Json;
using OpenClosedDebate.Server.Contract;

/// <summary>The server's JSON escapes only what JSON requires, and what it writes reads back exactly.</summary>
public sealed class MinimalJsonEscapingTests
{
    private static readonly JsonSerializerOptions Options = WireJson.Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    private static readonly string[] Mixed = ["🦜 open", "plain ascii 42", "a\"b"];

    [Theory]
    [InlineData("Ανοιχτά μοντέλα")]
    [InlineData("开放模型更好")]
    [InlineData("🦜🦜 open weights 🔓")]
    [InlineData("<b>&amp;</b> 'quoted'")]
    public void Text_in_any_script_is_written_as_utf8_with_nothing_escaped(string text)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(text, Options);
        Assert.Equal(Encoding.UTF8.GetByteCount(text) + 2, json.Length);
        Assert.Equal(text, JsonSerializer.Deserialize<string>(json, Options));
    }

    [Fact]
    public void A_writer_with_its_own_encoder_as_signalr_uses_still_writes_emoji_as_utf8()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, Mixed, Options);
        }

        Assert.Equal("[\"🦜 open\",\"plain ascii 42\",\"a\\\"b\"]", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Quotes_backslashes_and_control_characters_are_escaped_as_json_requires()
    {
        Assert.Equal("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u001F\"", JsonSerializer.Serialize("a\"b\\c\nd\te\u0001f\u001f", Options));
    }

    [Fact]
    public void An_unpaired_surrogate_becomes_the_replacement_character_and_the_json_stays_valid()
    {
        var json = JsonSerializer.Serialize("a\ud800b\udc00c", Options);
        Assert.Equal("a\ufffdb\ufffdc", JsonSerializer.Deserialize<string>(json, Options));
    }

    [Fact]
    public void Random_text_from_every_plane_reads_back_exactly_from_utf16_and_from_utf8()
    {
        var random = new Random(20261201);
        for (var n = 0; n < 2000; n++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 40); i > 0; i--)
            {
                var scalar = random.Next(4) switch
                {
                    0 => random.Next(0, 0x80),
                    1 => random.Next(0x80, 0xD800),
                    2 => random.Next(0xE000, 0x10000),
                    _ => random.Next(0x10000, 0x110000),
                };
                text.Append(char.ConvertFromUtf32(scalar));
            }

            var original = text.ToString();
            Assert.Equal(original, JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(original, Options), Options));

            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder }))
            {
                writer.WriteStringValue(Encoding.UTF8.GetBytes(original));
            }

            Assert.Equal(original, JsonSerializer.Deserialize<string>(buffer.WrittenSpan, Options));
        }
    }
}
