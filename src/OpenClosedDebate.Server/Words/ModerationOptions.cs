namespace OpenClosedDebate.Server.Words;

using System.ComponentModel.DataAnnotations;

/// <summary>The word filter: which lists it reads and what is added to or taken off them.</summary>
internal sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>The most words <see cref="ExtraWords"/> or <see cref="AllowedWords"/> may hold.</summary>
    public const int MaxConfiguredWords = 10_000;

    /// <summary>
    /// Whether arguments and names that match a listed word are held for the instructor's approval. On by default:
    /// a held argument costs the instructor one click, a slur on the projector costs the class much more.
    /// </summary>
    public bool WordFilter { get; set; } = true;

    /// <summary>The lists to read, by language code, separated by commas: "en", or "en,de,fr".</summary>
    [Required]
    [RegularExpression(@"^\s*[A-Za-z]{2,3}(-[A-Za-z0-9]+)*(\s*,\s*[A-Za-z]{2,3}(-[A-Za-z0-9]+)*)*\s*$", ErrorMessage = "Moderation:WordListLanguages is a comma-separated list of language codes such as \"en\" or \"en,de\".")]
    public string WordListLanguages { get; set; } = "en";

    /// <summary>Where the lists are (one JSON array of strings per language, named like en.json); default wordlists/ beside the server's assembly.</summary>
    public string? WordListPath { get; set; }

    /// <summary>Words and phrases to hold as well as the lists'.</summary>
    [MaxLength(MaxConfiguredWords)]
    public string[] ExtraWords { get; set; } = [];

    /// <summary>Words and phrases taken off the lists (a place or family name, a word the debate needs).</summary>
    [MaxLength(MaxConfiguredWords)]
    public string[] AllowedWords { get; set; } = [];

    public IReadOnlyList<string> Languages =>
        [.. WordListLanguages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => l.ToLowerInvariant()).Distinct()];

    public string ListFolder => WordListPath ?? Path.Combine(AppContext.BaseDirectory, "wordlists");
}
