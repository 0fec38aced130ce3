namespace OpenClosedDebate.Domain.Debates;

// Arguments a page at a time, so no view of a room has to carry all of them.
public sealed partial class Debate
{
    /// <summary>
    /// The newest <paramref name="limit"/> arguments of <paramref name="side"/> in an argument round that has
    /// opened, among those <paramref name="visible"/> lets the viewer see, posted before the event with seq
    /// <paramref name="before"/> (null: the newest). A limit of zero counts them and returns none.
    /// </summary>
    /// <param name="roundIndex">An argument round that has opened.</param>
    /// <param name="side">The side the arguments were posted for.</param>
    /// <param name="before">The cursor: a seq from an earlier page's <see cref="ArgumentPage.Before"/>, or null for the newest.</param>
    /// <param name="limit">0 to <see cref="DebateLimits.ArgumentsPerPage"/>.</param>
    /// <param name="visible">Who may see what: <see cref="CanSee"/> for a student or the projector; the instructor sees every argument.</param>
    public ArgumentPage PageOfArguments(int roundIndex, Side side, long? before, int limit, Func<Argument, bool> visible)
    {
        if (roundIndex < 0 || roundIndex >= _rounds.Length || _rounds[roundIndex] is not { HasOpened: true, Plan.Kind: RoundKind.Argument } round)
        {
            throw new DebateRuleException(DebateError.InvalidRequest, "That round has no arguments to show yet.");
        }

        if (limit is < 0 or > DebateLimits.ArgumentsPerPage)
        {
            throw new DebateRuleException(DebateError.InvalidRequest, $"A page holds 0 to {DebateLimits.ArgumentsPerPage} arguments.");
        }

        if (before is < 1)
        {
            throw new DebateRuleException(DebateError.InvalidRequest, "A page starts before a positive seq, or from the newest when none is given.");
        }

        var cursor = before ?? Version + 1;

        // A round's arguments are kept in posting order, which is seq order.
        var below = round.Arguments.Where(a => a.Side == side && a.Seq < cursor && visible(a)).ToList();
        var page = below[Math.Max(0, below.Count - limit)..];
        return new ArgumentPage(roundIndex, side, page, below.Count - page.Count, page.Count > 0 ? page[0].Seq : cursor);
    }
}
