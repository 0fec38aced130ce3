namespace OpenClosedDebate.Browser.Tests;

using System.Globalization;

/// <summary>
/// Markup, script and formula payloads, each used as a display name and posted as an argument. Every one
/// that could run script would, if it ran, call alert (which the test's dialog handler records) or set
/// window.__xss. All fit the 40-character name limit, and no two are the same name ignoring case.
/// </summary>
internal static class XssPayloads
{
    public static IReadOnlyList<string> All { get; } =
    [
        // The first is typed into the phone's form: it tries to close the textarea it is typed into.
        "</textarea><script>alert(1)</script>",
        "<script>__xss='2'</script>",
        "<img src=x onerror=alert(3)>",
        "<svg onload=__xss=4>",
        @"<svg/onload=\u0061lert(5)>",
        "[click](javascript:alert(6))",
        "<iframe srcdoc=<svg/onload=alert(7)>>",
        "<IMG SRC=x OnErRoR=__xss=8>",
        "\"><script>alert(9)</script>",
        "'><img src=x onerror=__xss=10>",
        "${alert(11)}",
        "{{$on.constructor('alert(12)')()}}",
        "=HYPERLINK(\"http://x.test\",\"13\")",
        "+cmd|'/c calc'!A14",
        "-2+3+cmd|'/c calc'!A15",
        "@SUM(1+1)*cmd|'/c calc'!A16",
        "![x](x\"onerror=\"alert(17))",
        "<a href=javascript:alert(18)>a</a>",
        "<style>@import'//x.test/19.css'</style>",
        "<a href=\"data:text/html,<b>20</b>\">d</a>",
        "<math href=javascript:alert(21)>m</math>",
        "<details open ontoggle=alert(22)>",

        // A right-to-left override (the server drops it) and zero-width spaces (dropped from names only).
        "\u202E<b onclick=alert(23)>gnp.exe</b>",
        "<scr\u200Bipt>alert(24)</scr\u200Bipt>",
        "&lt;img src=x onerror=alert(25)&gt;",
        "<img src=x onerror=&#97;lert(26)>",
        "javascript:alert(27)",
        "<input autofocus onfocus=alert(28)>",
    ];

    /// <summary>The text without invisible format characters, which the server may drop: what a reader sees.</summary>
    public static string Visible(string text) =>
        string.Concat(text.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format));
}
