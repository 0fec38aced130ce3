namespace OpenClosedDebate.Server.Json;

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

/// <summary>
/// Escapes only what JSON requires (quotation mark, reverse solidus, control characters below U+0020),
/// so text in any script travels and is stored as UTF-8, not as six-byte <c>\uXXXX</c> escapes: a Greek
/// or CJK argument is two to three times smaller, an emoji a third. An unpaired surrogate, which UTF-8
/// can't carry, becomes U+FFFD.
/// </summary>
/// <remarks>
/// The framework's encoders also escape HTML-sensitive characters and everything outside the Basic
/// Multilingual Plane, which protects JSON pasted into HTML. Nothing here is: the client renders user text
/// only as text, and exports are attachments under a sandboxing CSP.
/// </remarks>
internal sealed class MinimalJsonEscaping : JavaScriptEncoder
{
    public static readonly MinimalJsonEscaping Instance = new();

    // What may start an escape: control characters, '"', '\' and, in UTF-16, surrogates (checked for a pair).
    private static readonly SearchValues<char> Special = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), '"', '\\', .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]);

    // In UTF-8: the same characters, and any non-ASCII byte (checked for a well-formed sequence).
    private static readonly SearchValues<byte> SpecialUtf8 = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private MinimalJsonEscaping()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        var offset = 0;
        while (true)
        {
            var i = span[offset..].IndexOfAny(Special);
            if (i < 0)
            {
                return -1;
            }

            i += offset;
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                offset = i + 2;
                continue;
            }

            return i;
        }
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var offset = 0;
        while (true)
        {
            var i = utf8Text[offset..].IndexOfAny(SpecialUtf8);
            if (i < 0)
            {
                return -1;
            }

            i += offset;
            if (utf8Text[i] < 0x80 || Rune.DecodeFromUtf8(utf8Text[i..], out _, out var length) != OperationStatus.Done)
            {
                return i;
            }

            offset = i + length;
        }
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            numberOfCharactersWritten = 0;
            return Rune.TryCreate(unicodeScalar, out var rune) && rune.TryEncodeToUtf16(destination, out numberOfCharactersWritten);
        }

        var escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => "\\u" + unicodeScalar.ToString("X4", CultureInfo.InvariantCulture),
        };
        var fits = escape.TryCopyTo(destination);
        numberOfCharactersWritten = fits ? escape.Length : 0;
        return fits;
    }
}
