namespace OpenClosedDebate.Domain.Debates;

using System.Globalization;
using System.Text;

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
        if (clean.Length == 0)
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
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            // On one line, white space (tabs and line breaks included, though they are control
            // characters) separates words, so it collapses to a space rather than vanishing.
            if (!multiline && char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            var keep = multiline ? c is '\n' or '\t' || !char.IsControl(c) : !char.IsControl(c);
            if (!keep || c == '\r' || IsBidiControl(c) || (!multiline && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
            {
                continue;
            }

            lastWasSpace = false;
            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    // Embedding, override and isolate controls can make text display in a different order than it
    // is stored; names also lose every other invisible format character (zero-width spaces and
    // joiners), so two names that look the same are the same.
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
