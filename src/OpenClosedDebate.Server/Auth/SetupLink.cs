namespace OpenClosedDebate.Server.Auth;

using System.Security.Cryptography;
using System.Text;

/// <summary>
/// The one-time link that creates the first instructor when none exists. It lives only in memory:
/// it works once, and a restart issues a new one if still needed.
/// </summary>
internal sealed class SetupLink
{
    private readonly Lock _lock = new();
    private byte[]? _hash;

    public bool IsOpen
    {
        get
        {
            lock (_lock)
            {
                return _hash is not null;
            }
        }
    }

    public string Issue()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (_lock)
        {
            _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        }

        return token;
    }

    /// <summary>True once for the issued token; the link is closed afterwards.</summary>
    public bool TryConsume(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        lock (_lock)
        {
            if (_hash is null || !CryptographicOperations.FixedTimeEquals(_hash, hash))
            {
                return false;
            }

            _hash = null;
            return true;
        }
    }
}
