namespace OpenClosedDebate.Domain.Tests.Voting;

/// <summary>A published ballot profile: groups of identical ballots, written "42: M N C K".</summary>
internal static class Profile
{
    public static List<IReadOnlyList<string>> Ballots(params string[] groups)
    {
        var ballots = new List<IReadOnlyList<string>>();
        foreach (var group in groups)
        {
            var (count, order) = (int.Parse(group[..group.IndexOf(':')], System.Globalization.CultureInfo.InvariantCulture), group[(group.IndexOf(':') + 1)..]);
            var ranking = order.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            ballots.AddRange(Enumerable.Repeat<IReadOnlyList<string>>(ranking, count));
        }

        return ballots;
    }

    /// <summary>Wikipedia's Tennessee capital example, per 100 voters.</summary>
    public static readonly string[] Tennessee = ["Memphis", "Nashville", "Chattanooga", "Knoxville"];

    public static List<IReadOnlyList<string>> TennesseeBallots() => Ballots(
        "42: Memphis Nashville Chattanooga Knoxville",
        "26: Nashville Chattanooga Knoxville Memphis",
        "15: Chattanooga Knoxville Nashville Memphis",
        "17: Knoxville Chattanooga Nashville Memphis");
}
