namespace OpenClosedDebate.Domain.Debates;

using System.Globalization;
using System.Text;
using OpenClosedDebate.Domain.Names;

/// <summary>
/// Finds listed words and phrases in text, as whole words, so "Scunthorpe", "class" and "assessment" never match.
/// Both the list and the text are folded the same way first: compatibility forms (full-width, ligatures), case,
/// accents, look-alike letters from other scripts (<see cref="Lookalikes"/>), digits and signs standing for letters
/// (0 o, 1 ! i, 3 e, 4 @ a, 5 $ s, 7 t) and invisible characters inside a word. A word spelt out one letter at a
/// time ("f u c k", "f.u.c.k", three letters or more) is read as one word, a letter stretched three times or more
/// ("fuuuck") as one or two, and a word with letters masked by asterisks ("f*ck", "sh**"; four characters or more, two
/// of them letters) as any listed word of its length with those letters in place. Words run together ("fuckyou") are
/// not split. The lists come from the server, so the domain only matches.
/// </summary>
public sealed class WordFilter
{
    private const char Mask = '*';

    // "a*b" and "2*3" are arithmetic; masking starts at four characters ("sh*t").
    private const int MaskedMinLength = 4;

    private const int SpelledOutMinLetters = 3;

    private readonly Dictionary<string, List<string[]>> _byFirst = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];

    public WordFilter(IEnumerable<string> words, IEnumerable<string> allowed)
    {
        var allow = allowed.Select(Phrase).Where(p => p.Length > 0).Select(p => string.Join(' ', p)).ToHashSet(StringComparer.Ordinal);
        foreach (var phrase in words.Select(Phrase).Where(p => p.Length > 0).DistinctBy(p => string.Join(' ', p)))
        {
            if (allow.Contains(string.Join(' ', phrase)))
            {
                continue;
            }

            if (!_byFirst.TryGetValue(phrase[0], out var list))
            {
                _byFirst[phrase[0]] = list = [];
            }

            list.Add(phrase);
            if (phrase.Length == 1)
            {
                _words.Add(phrase[0]);
            }

            Count++;
        }
    }

    /// <summary>A filter that matches nothing.</summary>
    public static WordFilter None { get; } = new([], []);

    /// <summary>How many words and phrases it looks for.</summary>
    public int Count { get; }

    public bool Matches(string text) => FirstMatch(text) is not null;

    /// <summary>The first listed word or phrase in the text, folded, or null.</summary>
    public string? FirstMatch(string text)
    {
        if (Count == 0)
        {
            return null;
        }

        var tokens = Tokens(text);
        return Find(tokens.Select(Keys).ToList()) ?? Find(SpelledOut(tokens).Select(Keys).ToList()) ?? FindMasked(tokens);
    }

    /// <summary>The first listed word that a word masked with asterisks stands for: "f*ck" for "fuck".</summary>
    private string? FindMasked(List<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Length < MaskedMinLength || !token.Contains(Mask, StringComparison.Ordinal) || token.Count(c => c != Mask) < 2)
            {
                continue;
            }

            foreach (var key in Keys(token))
            {
                var match = _words.Find(w => w.Length == key.Length && w.Zip(key).All(p => p.Second == Mask || p.First == p.Second));
                if (match is not null)
                {
                    return match;
                }
            }
        }

        return null;
    }


    private string? Find(List<IReadOnlyList<string>> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            foreach (var key in keys[i])
            {
                if (!_byFirst.TryGetValue(key, out var phrases))
                {
                    continue;
                }

                foreach (var phrase in phrases)
                {
                    if (i + phrase.Length <= keys.Count && Enumerable.Range(1, phrase.Length - 1).All(j => keys[i + j].Contains(phrase[j], StringComparer.Ordinal)))
                    {
                        return string.Join(' ', phrase);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>A list entry as folded words (its first key each).</summary>
    private static string[] Phrase(string entry) => [.. Tokens(entry).Select(t => Keys(t)[0])];

    /// <summary>The text's words: runs of letters, digits, marks and the signs that stand for letters; a symbol (an emoji) is a word of its own.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        void End()
        {
            var t = word.ToString().Trim('!', '|', Mask);
            if (t.Length > 0)
            {
                tokens.Add(t);
            }

            word.Clear();
        }

        foreach (var rune in TextRules.Normalized(text, NormalizationForm.FormKC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.Format || DefaultIgnorable.Contains(rune.Value))
            {
                continue;
            }

            if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || rune.Value is '@' or '$' or '!' or '|' or Mask)
            {
                word.Append(rune.ToString());
            }
            else if (category == UnicodeCategory.OtherSymbol)
            {
                End();
                word.Append(rune.ToString());
                End();
            }
            else
            {
                End();
            }
        }

        End();
        return tokens;
    }

    /// <summary>
    /// The words again with every run of three or more one-letter words joined: "f u c k" reads as "fuck". Two are
    /// left apart, as in "x x" or a Markdown image's "![x](x", which are rarely a word spelt out.
    /// </summary>
    private static List<string> SpelledOut(List<string> tokens)
    {
        var joined = new List<string>();
        var run = new StringBuilder();
        var runLength = 0;
        foreach (var t in tokens.Append(string.Empty))
        {
            if (t.Length > 0 && new StringInfo(t).LengthInTextElements == 1 && Rune.GetUnicodeCategory(Rune.GetRuneAt(t, 0)) != UnicodeCategory.OtherSymbol)
            {
                run.Append(t);
                runLength++;
                continue;
            }

            if (runLength >= SpelledOutMinLetters)
            {
                joined.Add(run.ToString());
            }

            run.Clear();
            runLength = 0;
            if (t.Length > 0)
            {
                joined.Add(t);
            }
        }

        return joined;
    }

    /// <summary>A word's folded forms: as written and in lower case (which differ for "cIit" with a capital I), each also with stretched letters shortened.</summary>
    private static IReadOnlyList<string> Keys(string word)
    {
        var keys = new List<string>(4);
        foreach (var key in Lookalikes.Keys(Leet(word)))
        {
            var plain = WithoutMarks(key);
            Add(keys, plain);
            if (HasRun(plain, 3))
            {
                Add(keys, Squeeze(plain, 1));
                Add(keys, Squeeze(plain, 2));
            }
        }

        return keys;

        static void Add(List<string> keys, string key)
        {
            if (key.Length > 0 && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }
    }

    // Digits and signs only stand for letters; a word that is all digits ("2024") is left as it is, except
    // beside letters, where "sh1t" reads as "shit".
    private static string Leet(string word)
    {
        if (!word.Any(char.IsLetter))
        {
            return word;
        }

        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            builder.Append(c switch
            {
                '0' => 'o',
                '1' or '!' or '|' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static string WithoutMarks(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    private static bool HasRun(string text, int length)
    {
        for (int i = 0, run = 1; i + 1 < text.Length; i++)
        {
            run = text[i] == text[i + 1] ? run + 1 : 1;
            if (run >= length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every run of three or more of one letter cut to <paramref name="keep"/>.</summary>
    private static string Squeeze(string text, int keep)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var j = i;
            while (j < text.Length && text[j] == text[i])
            {
                j++;
            }

            builder.Append(text[i], j - i >= 3 ? keep : j - i);
            i = j;
        }

        return builder.ToString();
    }
}
