namespace OpenClosedDebate.Domain.Debates;

/// <summary>
/// The newest of one side's arguments in one round that a viewer may see, below a cursor, and how many
/// older ones were left out (<see cref="Debate.PageOfArguments"/>).
/// </summary>
/// <param name="RoundIndex">The round.</param>
/// <param name="Side">The side its arguments were posted for.</param>
/// <param name="Arguments">At most the limit asked for, in posting order.</param>
/// <param name="Older">How many arguments the viewer may see on this side of this round with a seq below <paramref name="Before"/>.</param>
/// <param name="Before">
/// The cursor for the next older page: the seq of the oldest argument in the page, or the cursor asked for when
/// the page is empty. Every argument the viewer may see on this side with a seq from here up to the cursor asked
/// for is in the page.
/// </param>
public sealed record ArgumentPage(int RoundIndex, Side Side, IReadOnlyList<Argument> Arguments, int Older, long Before);
