namespace OpenClosedDebate.Server.Transcripts;

using OpenClosedDebate.Server.Contract;

/// <summary>What a round's ballots and results name by id: its arguments, rebuttals included, and its options.</summary>
internal static class ReviewItems
{
    /// <summary>Every argument and rebuttal of the round, each thread in order.</summary>
    public static IEnumerable<ReviewArgumentView> Arguments(ReviewRoundView round) => Flatten(round.Open.Concat(round.Closed));

    /// <summary>The round's arguments by item id.</summary>
    public static Dictionary<string, ReviewArgumentView> ById(ReviewRoundView round) => Arguments(round).ToDictionary(a => a.Id.ToString());

    /// <summary>
    /// The text a choice stands for: an option's label (For, Against, Undecided in a motion vote), an argument's text,
    /// or "(withdrawn)" once its author's data was removed; the id itself if the round knows no such item.
    /// </summary>
    public static string Text(ReviewRoundView round, Dictionary<string, ReviewArgumentView> arguments, string itemId) =>
        round.Options.FirstOrDefault(o => o.Id == itemId)?.Label
        ?? (arguments.GetValueOrDefault(itemId) is not { } a ? itemId : a.Withdrawn ? "(withdrawn)" : a.Text);

    private static IEnumerable<ReviewArgumentView> Flatten(IEnumerable<ReviewArgumentView> arguments) =>
        arguments.SelectMany(a => new[] { a }.Concat(Flatten(a.Replies)));
}
