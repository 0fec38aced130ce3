namespace OpenClosedDebate.Domain.Templates;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// The built-in debate, made from the course's "Open and Closed Models" section: a motion vote,
/// the ranking of the aspects of openness, one argument round per research question, a closing
/// round, and a second motion vote to measure who was persuaded.
/// </summary>
public static class OpenAndClosedModels
{
    public const string Id = "open-and-closed-models";

    private const string Reminder =
        "Remember there are many kinds of \"open\": the answer may change with what exactly is published.";

    public static DebateTemplate Template { get; } = new(
        Id,
        "Open and Closed Models",
        "The course debate on open versus closed AI models: a pre-debate vote, the aspects of openness, "
        + "six argument rounds on research, risks, benefits, regulation and corporate incentives, and a post-debate vote.",
        new DebatePlan
        {
            Motion = "This house believes that AI models should be open.",
            PreReading =
            [
                new PreReading("Open-Source AI Is Uniquely Dangerous (IEEE Spectrum)", "https://spectrum.ieee.org/open-source-ai-2666932122"),
                new PreReading("Open-Source AI Is Good for Us (IEEE Spectrum)", "https://spectrum.ieee.org/open-source-ai-good"),
            ],
            Rounds =
            [
                MotionVote("Before the debate: where do you stand?", "Vote on the motion before hearing any arguments. There is no wrong answer."),
                new RoundPlan
                {
                    Title = "Aspects of openness",
                    Prompt = "In terms of accelerating research, how would you value these aspects of openness? "
                        + "Rank them from most to least important, and be ready to say why. Which of them allow for reproducibility?",
                    Kind = RoundKind.Ranking,
                    Options =
                    [
                        "Model architectures",
                        "Model weights (the architecture must be open for open weights to be useful)",
                        "Training procedures",
                        "Training data",
                    ],
                    VoteSeconds = 120,
                },
                Argue(
                    "Research benefits",
                    "In terms of accelerating research, make the best argument you can for your side. "
                        + "Think of OpenAI, Meta, Google, Anthropic and xAI, and of Hugging Face's role in open-source ML.",
                    "Argue that open models accelerate research: reproducibility, shared progress, more eyes on the work.",
                    "Argue that closed models are good for research: focused investment, careful release, sustainable labs.",
                    OpennessScenario.EverythingPublished),
                Argue(
                    "Risks",
                    "Name a risk that is (arguably) unique to one kind of model, and say why it matters most.",
                    "Argue that the risks unique to closed models (concentrated power, no outside scrutiny, lock-in) are the greater danger.",
                    "Argue that the risks unique to open models (misuse, no way to recall weights, stripped safeguards) are the greater danger.",
                    OpennessScenario.ArchitectureAndWeights),
                Argue(
                    "Benefits",
                    "Name a benefit that is (arguably) unique to one kind of model, and say why it matters most.",
                    "Argue that the benefits unique to open models (access, auditability, local control, competition) matter most.",
                    "Argue that the benefits unique to closed models (controlled access, accountability, safety monitoring) matter most.",
                    OpennessScenario.ArchitectureAndWeights),
                Argue(
                    "Regulation: the EU AI Act and the US Executive Order",
                    "The EU's AI Act and the US Executive Order on Safe, Secure, and Trustworthy Artificial Intelligence both affect LLMs. "
                        + "How does each treat open and closed models differently? Does either require any degree of openness?",
                    "Argue that regulation should protect or favour open models, and that requirements for openness serve the public.",
                    "Argue that regulation is right to focus on controls that closed providers can meet, and that openness should not be required.",
                    OpennessScenario.OtherCombination),
                Argue(
                    "Corporate incentives: why does Meta publish?",
                    "Can a corporation gain anything from publishing open models and open datasets? If not, why is Meta doing it?",
                    "Argue that corporations gain real benefits from publishing open models and datasets, and explain Meta's course.",
                    "Even granting those benefits, make the best case that it is still better to publish closed models.",
                    OpennessScenario.ArchitectureAndWeights),
                Argue(
                    "Final round: open or closed, with caveats",
                    "Now that you've thought through the risks and rewards, make your single best argument, and name the caveats that matter.",
                    "Make your best argument that models should be open, with the caveats you think are important.",
                    "Make your best argument that models should be closed, with the caveats you think are important.",
                    scenario: null),
                MotionVote("After the debate: where do you stand now?", "Vote on the motion again. The side that gained more support wins the debate."),
            ],
        });

    private static RoundPlan MotionVote(string title, string prompt) => new()
    {
        Title = title,
        Prompt = prompt,
        Kind = RoundKind.MotionVote,
        VoteSeconds = 60,
    };

    private static RoundPlan Argue(string title, string prompt, string openBrief, string closedBrief, OpennessScenario? scenario) => new()
    {
        Title = title,
        Prompt = $"{prompt} {Reminder}",
        Kind = RoundKind.Argument,
        OpenBrief = openBrief,
        ClosedBrief = closedBrief,
        Scenario = scenario,
        ArgueSeconds = 300,
        VoteSeconds = 90,
    };
}
