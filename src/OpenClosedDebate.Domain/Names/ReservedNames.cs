namespace OpenClosedDebate.Domain.Names;

/// <summary>Names the product shows for itself, in the transcript and on screens, which no student may take (or look like).</summary>
public static class ReservedNames
{
    public const string Instructor = "Instructor";
    public const string Server = "Server";
    public const string Clock = "Clock";

    /// <summary>Every reserved name, including the roles a debate's staff are shown by.</summary>
    public static readonly IReadOnlyList<string> All = [Instructor, Server, Clock, "Teacher", "Moderator", "Co-host", "Administrator", "Admin", "Projector", "System"];

    private static readonly HashSet<string> Keys = [.. All.SelectMany(Lookalikes.Keys)];

    internal static bool IsReserved(IEnumerable<string> lookalikeKeys) => lookalikeKeys.Any(Keys.Contains);
}
