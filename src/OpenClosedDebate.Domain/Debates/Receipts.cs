namespace OpenClosedDebate.Domain.Debates;

using System.Security.Cryptography;
using System.Text;

/// <summary>Ballot receipts: short codes, derived from the ballot, that a student can quote.</summary>
internal static class Receipts
{
    // Crockford-style alphabet without 0/O and 1/I, so a receipt read aloud is unambiguous.
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string For(Guid debateId, Guid participantId, int roundIndex, int revision, IReadOnlyList<string> ranking)
    {
        var text = $"{debateId:N}|{participantId:N}|{roundIndex}|{revision}|{string.Join(',', ranking)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var chars = new char[9];
        var bits = BitConverter.ToUInt64(hash, 0);
        for (var i = 0; i < 9; i++)
        {
            if (i == 4)
            {
                chars[i] = '-';
                continue;
            }

            chars[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return new string(chars);
    }
}
