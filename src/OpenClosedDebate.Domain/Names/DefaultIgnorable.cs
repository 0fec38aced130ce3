namespace OpenClosedDebate.Domain.Names;

/// <summary>
/// Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt, Unicode 15.0): code points
/// that show nothing, such as zero-width spaces and joiners, variation selectors, Hangul fillers and
/// tag characters. A name is cleaned of them code point by code point, astral planes included.
/// </summary>
internal static class DefaultIgnorable
{
    private static readonly (int First, int Last)[] Ranges =
    [
        (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
        (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
        (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
    ];

    public static bool Contains(int codePoint)
    {
        foreach (var (first, last) in Ranges)
        {
            if (codePoint < first)
            {
                return false;
            }

            if (codePoint <= last)
            {
                return true;
            }
        }

        return false;
    }
}
