namespace OpenClosedDebate.Domain.Names;

using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// What a name looks like: two names that share a key would be mistaken for each other on a screen.
/// A key is a Unicode confusable skeleton (UTS #39: decompose, map every character to its prototype,
/// decompose again), lower-cased. A name has two: the skeleton of the name as written, which catches
/// "AIice" with a capital I for the l, and the skeleton of the name in lower case, which catches "ALICE";
/// both catch "Аlice" with a Cyrillic А and "ＡＬＩＣＥ" in full-width letters.
/// </summary>
internal static class Lookalikes
{
    private static readonly FrozenDictionary<int, string> Prototypes = Load();

    /// <summary>The name's keys: one or two.</summary>
    public static IReadOnlyList<string> Keys(string name)
    {
        var asWritten = Skeleton(name);
        var lower = Skeleton(name.ToLowerInvariant());
        return asWritten == lower ? [asWritten] : [asWritten, lower];
    }

    private static string Skeleton(string name)
    {
        var decomposed = TextRules.Normalized(name, NormalizationForm.FormD);
        var mapped = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Prototypes.TryGetValue(rune.Value, out var prototype))
            {
                mapped.Append(prototype);
            }
            else
            {
                mapped.Append(rune.ToString());
            }
        }

        return TextRules.Normalized(mapped.ToString(), NormalizationForm.FormD).ToLowerInvariant();
    }

    // confusables.txt beside this file, embedded in the assembly: "source ; prototype…" in hex.
    private static FrozenDictionary<int, string> Load()
    {
        using var stream = typeof(Lookalikes).Assembly.GetManifestResourceStream("OpenClosedDebate.Domain.Names.confusables.txt")
            ?? throw new InvalidOperationException("The confusables table is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            var prototype = string.Concat(parts[1].Split(' ').Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));
            table[int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = prototype;
        }

        return table.ToFrozenDictionary();
    }
}
