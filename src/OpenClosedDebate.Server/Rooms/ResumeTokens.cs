namespace OpenClosedDebate.Server.Rooms;

using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Students' resume tokens: 256 random bits made by the server, or the join secret a client made (at
/// least 22 base64url characters, so at least 128 bits). Only a SHA-256 hash is stored.
/// </summary>
internal static class ResumeTokens
{
    public const int MinSecretLength = 22;
    public const int MaxLength = 128;

    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a client's join secret has the shape of one: 22 to 128 characters of A–Z, a–z, 0–9, '-' and '_'.</summary>
    public static bool IsSecret(string secret) =>
        secret.Length is >= MinSecretLength and <= MaxLength && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
