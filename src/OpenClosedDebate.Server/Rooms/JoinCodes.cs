namespace OpenClosedDebate.Server.Rooms;

using System.Security.Cryptography;

/// <summary>Short join codes with no characters that are easy to confuse (no 0/O, no 1/I).</summary>
internal static class JoinCodes
{
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Length = 6;

    public static string Create() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Upper-cases and drops spaces and dashes; null when the result can't be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 32)
        {
            return null;
        }

        var code = new string(typed.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
