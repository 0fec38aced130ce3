namespace OpenClosedDebate.Domain.Debates;

using System.Globalization;
using System.Text;
using OpenClosedDebate.Domain.Names;

/// <summary>How user text is cleaned and checked before it is kept.</summary>
internal static class TextRules
{
    /// <summary>
    /// Trims, drops control characters other than line breaks and tabs, and checks the length
    /// in user-perceived characters. Throws <see cref="DebateError.InvalidText"/> naming <paramref name="what"/>.
    /// </summary>
    public static string Require(string? text, int maxLength, string what, DebateError error = DebateError.InvalidText)
    {
        var clean = Clean(text, multiline: true);
        if (!HasVisible(clean))
        {
            throw new DebateRuleException(error, $"{what} can't be empty.");
        }

        // A text element can hold any number of combining marks, so code units are capped too: no
        // user text is ever larger than four UTF-16 units per allowed character.
        var length = new StringInfo(clean).LengthInTextElements;
        if (length > maxLength)
        {
            throw new DebateRuleException(error, $"{what} is {length} characters long; the limit is {maxLength}.");
        }

        if (clean.Length > maxLength * 4)
        {
            throw new DebateRuleException(error, $"{what} is too long; the limit is {maxLength} characters.");
        }

        return clean;
    }

    public static string? Optional(string? text, int maxLength, string what)
    {
        var clean = Clean(text, multiline: true);
        return clean.Length == 0 ? null : Require(clean, maxLength, what);
    }

    /// <summary>A display name: one line, inner runs of white space collapsed.</summary>
    public static string DisplayName(string? name)
    {
        var clean = Clean(name, multiline: false);
        return Require(clean, DebateLimits.DisplayNameMaxLength, "A display name", DebateError.InvalidName);
    }

    private static string Clean(string? text, bool multiline)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var rune in Normalized(Wellformed(text), NormalizationForm.FormC).EnumerateRunes())
        {
            // On one line, white space (tabs and line breaks included, though they are control
            // characters) separates words, so it collapses to a space rather than vanishing.
            if (!multiline && Rune.IsWhiteSpace(rune))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            var keep = multiline ? rune.Value is '\n' or '\t' || !Rune.IsControl(rune) : !Rune.IsControl(rune);
            if (!keep || rune.Value == '\r' || IsBidiControl(rune.Value) || (!multiline && IsInvisible(rune)))
            {
                continue;
            }

            lastWasSpace = false;
            builder.Append(rune);
        }

        return builder.ToString().Trim();
    }

    /// <summary>Whether anything in the text shows: white space, format characters and default-ignorables don't.</summary>
    private static bool HasVisible(string clean)
    {
        foreach (var rune in clean.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !IsInvisible(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every unpaired surrogate (which no screen can show) replaced by U+FFFD.</summary>
    /// <summary>
    /// Text in a normalisation form; text the normaliser refuses (it rejects some well-formed code points,
    /// such as noncharacters, which a fuzz sends) is kept as it is rather than failing the move.
    /// </summary>
    internal static string Normalized(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    private static string Wellformed(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(rune);
        }

        return builder.ToString();
    }

    // Embedding, override and isolate controls can make text display in a different order than it is
    // stored. Names also lose every other code point that shows nothing (format characters and Unicode's
    // default-ignorables, astral ones included), so two names that look the same are the same.
    private static bool IsBidiControl(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format || DefaultIgnorable.Contains(rune.Value);
}
