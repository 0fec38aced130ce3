namespace OpenClosedDebate.Server.Rooms;

using System.Security.Cryptography;
using System.Text;

/// <summary>Students' resume tokens: 256 random bits. Only a SHA-256 hash is stored.</summary>
internal static class ResumeTokens
{
    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
