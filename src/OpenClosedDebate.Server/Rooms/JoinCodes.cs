namespace OpenClosedDebate.Server.Rooms;

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Persistence;

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

    /// <summary>The code a student typed, normalised; <c>notFound</c> if it can't be a code.</summary>
    public static string Require(string? typed) => Normalize(typed)
        ?? throw new DebateRuleException(DebateError.NotFound, $"A join code has {Length} letters and digits. Check the code and try again.");

    /// <summary>The debate with this (normalised) code, read from the database; <c>notFound</c> if none.</summary>
    public static async Task<Guid> FindAsync(IDbContextFactory<DebateDb> dbs, string code)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var id = await db.Debates.Where(d => d.JoinCode == code).Select(d => d.Id).FirstOrDefaultAsync();
        return id != Guid.Empty ? id : throw new DebateRuleException(DebateError.NotFound, $"No debate has the code {code}. Check the code and try again.");
    }
}
