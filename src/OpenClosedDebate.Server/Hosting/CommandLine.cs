namespace OpenClosedDebate.Server.Hosting;

/// <summary>
/// The command line split into a verb's words (<c>instructor add EMAIL</c>, <c>healthcheck URL</c>) and
/// settings (<c>--Key=value</c>, <c>--Key value</c>, <c>/Key=value</c>, <c>/Key value</c>), in any order, so a
/// setting works the same before, between or after the words of a verb.
/// </summary>
internal sealed record CommandLine(IReadOnlyList<string> Words, string[] Settings, string? Error)
{
    public static CommandLine Parse(string[] args)
    {
        var words = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!IsSetting(arg))
            {
                words.Add(arg);
                continue;
            }

            settings.Add(arg);
            if (arg.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            if (i + 1 == args.Length)
            {
                return new CommandLine(words, [.. settings], $"The setting {arg} needs a value: {arg}=VALUE or {arg} VALUE.");
            }

            settings.Add(args[++i]);
        }

        return new CommandLine(words, [.. settings], null);
    }

    /// <summary>Whether the words start with this verb.</summary>
    public bool Is(string verb) => Words.Count > 0 && Words[0] == verb;

    private static bool IsSetting(string arg) =>
        (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2) || (arg.StartsWith('/') && arg.Length > 1);
}
