namespace OpenClosedDebate.Server.Words;

using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Builds the word filter from the configured lists: the LDNOOBW lists of the npm package naughty-words
/// (CC-BY-4.0), which the build copies into wordlists/, plus <see cref="ModerationOptions.ExtraWords"/>, less
/// <see cref="ModerationOptions.AllowedWords"/>.
/// </summary>
internal static partial class WordLists
{
    public static void AddWordFilter(this IServiceCollection services)
    {
        services.AddOptions<ModerationOptions>()
            .BindConfiguration(ModerationOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.WordFilter || Missing(o) is null, "Moderation:WordListLanguages names a list that isn't in the word list folder (Moderation:WordListPath).")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ModerationOptions>>().Value;
            var filter = Load(options);
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WordLists));
            LogLoaded(log, filter.Count, options.WordFilter ? options.WordListLanguages : "off");
            return filter;
        });
    }

    /// <summary>The filter the options describe; <see cref="WordFilter.None"/> when it is off.</summary>
    public static WordFilter Load(ModerationOptions options)
    {
        if (!options.WordFilter)
        {
            return WordFilter.None;
        }

        if (Missing(options) is { } missing)
        {
            throw new InvalidOperationException($"Moderation:WordListLanguages names \"{missing}\", but {Path.Combine(options.ListFolder, missing + ".json")} doesn't exist.");
        }

        var words = options.Languages
            .SelectMany(language => JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(options.ListFolder, language + ".json"))) ?? [])
            .Concat(options.ExtraWords);
        return new WordFilter(words, options.AllowedWords);
    }

    private static string? Missing(ModerationOptions options) =>
        options.Languages.FirstOrDefault(language => !File.Exists(Path.Combine(options.ListFolder, language + ".json")));

    [LoggerMessage(Level = LogLevel.Information, Message = "The word filter holds {WordCount} words and phrases ({WordListLanguages})")]
    private static partial void LogLoaded(ILogger logger, int wordCount, string wordListLanguages);
}
