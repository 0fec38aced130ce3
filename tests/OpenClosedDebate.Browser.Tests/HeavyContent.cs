namespace OpenClosedDebate.Browser.Tests;

using System.Text;

/// <summary>
/// The heaviest content a real class gives the screens: every text at or near its limit, written as
/// prose (words of ordinary length, one long link), so line breaking behaves as it would in a lesson.
/// </summary>
internal static class HeavyContent
{
    private static readonly string[] Sentences =
    [
        "Publishing the weights lets any university lab reproduce the headline results without asking permission first.",
        "A closed provider can watch how its model is used and withdraw access the moment a pattern of misuse appears.",
        "Open models spread the benefits of the technology beyond the handful of companies that can afford to train them.",
        "Once weights are released they cannot be recalled, so every safeguard becomes optional for whoever downloads them.",
        "Independent auditors find problems faster when they can inspect the architecture, the data and the training code.",
        "Regulators can hold one accountable company responsible, but a thousand anonymous forks answer to nobody at all.",
        "Small firms and public institutions gain bargaining power when a capable open model exists as a credible fallback.",
        "Staged release lets a lab learn from limited deployment before it decides how much of the model to publish.",
        "Researchers in poorer countries are priced out of closed APIs, while an open model runs on hardware they own.",
        "The same openness that helps defenders study attacks also hands the attackers a tool they can tune in private.",
        "Documentation of training data is what makes it possible to check a model for bias, leakage and copyright issues.",
        "Closed labs fund safety teams from the revenue that exclusive access brings, which open releases can undercut.",
    ];

    /// <summary>A motion of 300 characters, the longest allowed.</summary>
    public static string Motion { get; } = Exactly(
        "This house believes that the most capable AI models, including their architectures, trained weights, training procedures and ",
        300,
        "documented training data, should be published openly for anyone to study, reproduce and build on, even though nobody can take them back once released");

    public static string Title(string start) => Exactly(start + ": ", 120, "what the evidence from open and closed releases tells us about research, risk and regulation");

    public const string Prompt =
        "The EU's AI Act and the US Executive Order on Safe, Secure, and Trustworthy Artificial Intelligence both affect large language "
        + "models. How does each treat open and closed models differently, and does either require any degree of openness? Think of "
        + "OpenAI, Meta, Google, Anthropic and xAI, and of Hugging Face's role in open-source machine learning. Make the best argument you "
        + "can for your side, and be ready to answer the strongest argument from the other side. Remember there are many kinds of "
        + "\"open\": the answer may change with what exactly is published.";

    public static string Brief(string side) => Exactly(
        $"Argue that {side} models serve the public better: ",
        400,
        "think about reproducibility, scrutiny, concentration of power, the cost of access, the chance of misuse, and what each kind of release makes possible or impossible for researchers, companies and governments");

    /// <summary>Twelve options of nearly the longest length a ranking round allows.</summary>
    public static IReadOnlyList<string> Options { get; } =
    [
        .. new[]
        {
            "Model architectures",
            "Model weights (the architecture must be open for open weights to be useful)",
            "Training procedures",
            "Training data",
            "Evaluation results",
            "Safety testing reports",
            "Licences for commercial use",
            "Model cards and documentation",
            "Inference code",
            "Fine-tuning recipes",
            "Compute and energy figures",
            "Red-teaming findings",
        }.Select((o, i) => Exactly($"{o}, ", 118, $"judged by how much it helps other people reproduce, check and build on the work (aspect {i + 1})")),
    ];

    /// <summary>The n-th argument: 1,000 characters. The fifth one carries a long link, which must wrap too.</summary>
    public static string Argument(int n)
    {
        var text = new StringBuilder($"Argument {n + 1}. ");
        if (n % 5 == 4)
        {
            text.Append("See https://example.org/reports/open-and-closed-models/2026/weights-release-and-recall-case-study-appendix-b-table-7 for the figures. ");
        }

        for (var i = n; text.Length < 1000; i++)
        {
            text.Append(Sentences[i % Sentences.Length]).Append(' ');
        }

        return text.ToString(0, 999).TrimEnd() + ".";
    }

    /// <summary>A display name of 40 characters, the longest allowed, unique by n.</summary>
    public static string Name(int n) => Exactly($"Student {n + 1:00} ", 40, "Bartholomew Featherstonehaugh-Cholmondeley");

    private static string Exactly(string start, int length, string filler)
    {
        var text = (start + filler + " " + filler)[..length];
        return text.EndsWith(' ') ? text[..^1] + "." : text;
    }
}
