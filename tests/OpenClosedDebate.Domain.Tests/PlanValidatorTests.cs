namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;

public sealed class PlanValidatorTests
{
    private static readonly RoundPlan Argument = new() { Title = "Research", Prompt = "Argue.", Kind = RoundKind.Argument };
    private static readonly RoundPlan Motion = new() { Title = "Before", Prompt = "Vote.", Kind = RoundKind.MotionVote };
    private static readonly RoundPlan Ranking = new() { Title = "Aspects", Prompt = "Rank.", Kind = RoundKind.Ranking, Options = ["Weights", "Data"] };

    [Fact]
    public void Validate_ValidPlan_ReturnsIt()
    {
        var plan = Plan(Motion, Ranking, Argument);

        var clean = PlanValidator.Validate(plan);

        Assert.Equal("Models should be open.", clean.Motion);
        Assert.Equal([RoundKind.MotionVote, RoundKind.Ranking, RoundKind.Argument], clean.Rounds.Select(r => r.Kind));
    }

    [Fact]
    public void Validate_NullPlan_IsRefused() => AssertInvalid(null);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0007\r\n\t")]
    public void Validate_EmptyMotion_IsRefused(string? motion) => AssertInvalid(Plan(Argument) with { Motion = motion! });

    [Fact]
    public void Validate_MotionOverLimit_IsRefused() =>
        AssertInvalid(Plan(Argument) with { Motion = new string('m', DebateLimits.MotionMaxLength + 1) });

    [Fact]
    public void Validate_MotionAtLimitInTextElements_IsAccepted()
    {
        // Each emoji is two UTF-16 code units but one character to a reader.
        var motion = string.Concat(Enumerable.Repeat("\U0001F44D", DebateLimits.MotionMaxLength));

        Assert.Equal(motion, PlanValidator.Validate(Plan(Argument) with { Motion = motion }).Motion);
    }

    [Fact]
    public void Validate_NoRounds_IsRefused() => AssertInvalid(Plan());

    [Fact]
    public void Validate_NullRounds_IsRefused() => AssertInvalid(Plan() with { Rounds = null! });

    [Fact]
    public void Validate_MaxRounds_IsAccepted() =>
        Assert.Equal(DebateLimits.MaxRounds, PlanValidator.Validate(Plan([.. Enumerable.Repeat(Argument, DebateLimits.MaxRounds)])).Rounds.Count);

    [Fact]
    public void Validate_MoreThanMaxRounds_IsRefused() =>
        AssertInvalid(Plan([.. Enumerable.Repeat(Argument, DebateLimits.MaxRounds + 1)]));

    [Fact]
    public void Validate_NullRound_IsRefused() => AssertInvalid(Plan(Argument, null!));

    [Theory]
    [InlineData(null, "Argue.")]
    [InlineData("  ", "Argue.")]
    [InlineData("Research", null)]
    [InlineData("Research", "\n")]
    public void Validate_RoundWithoutTitleOrPrompt_IsRefused(string? title, string? prompt) =>
        AssertInvalid(Plan(Argument with { Title = title!, Prompt = prompt! }));

    [Fact]
    public void Validate_TitleOverLimit_IsRefused() =>
        AssertInvalid(Plan(Argument with { Title = new string('t', DebateLimits.TitleMaxLength + 1) }));

    [Fact]
    public void Validate_PromptOverLimit_IsRefused() =>
        AssertInvalid(Plan(Argument with { Prompt = new string('p', DebateLimits.PromptMaxLength + 1) }));

    [Fact]
    public void Validate_BriefOverLimit_IsRefused() =>
        AssertInvalid(Plan(Argument with { ClosedBrief = new string('b', DebateLimits.BriefMaxLength + 1) }));

    [Theory]
    [InlineData(9, 90, null)]
    [InlineData(7201, 90, null)]
    [InlineData(0, 90, null)]
    [InlineData(300, 9, null)]
    [InlineData(300, -1, null)]
    [InlineData(300, 7201, null)]
    [InlineData(300, 90, 9)]
    [InlineData(300, 90, 7201)]
    public void Validate_PhaseDurationOutOfRange_IsRefused(int argue, int vote, int? results) =>
        AssertInvalid(Plan(Argument with { ArgueSeconds = argue, VoteSeconds = vote, ResultsSeconds = results }));

    [Theory]
    [InlineData(DebateLimits.MinPhaseSeconds)]
    [InlineData(DebateLimits.MaxPhaseSeconds)]
    public void Validate_PhaseDurationAtBounds_IsAccepted(int seconds)
    {
        var round = PlanValidator.Validate(Plan(Argument with { ArgueSeconds = seconds, VoteSeconds = seconds, ResultsSeconds = seconds })).Rounds[0];

        Assert.Equal((seconds, seconds, seconds), (round.ArgueSeconds, round.VoteSeconds, round.ResultsSeconds));
    }

    [Fact]
    public void Validate_VoteDurationOfMotionRound_IsChecked() => AssertInvalid(Plan(Motion with { VoteSeconds = 5 }));

    [Fact]
    public void Validate_ArgueSecondsOfRoundWithoutArguePhase_AreIgnoredAndZeroed()
    {
        var round = PlanValidator.Validate(Plan(Motion with { ArgueSeconds = 1 })).Rounds[0];

        Assert.Equal(0, round.ArgueSeconds);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(DebateLimits.MaxOptions + 1)]
    public void Validate_RankingRoundWithWrongNumberOfOptions_IsRefused(int count) =>
        AssertInvalid(Plan(Ranking with { Options = Options(count) }));

    [Theory]
    [InlineData(DebateLimits.MinOptions)]
    [InlineData(DebateLimits.MaxOptions)]
    public void Validate_RankingRoundWithOptionsWithinBounds_IsAccepted(int count) =>
        Assert.Equal(count, PlanValidator.Validate(Plan(Ranking with { Options = Options(count) })).Rounds[0].Options.Count);

    [Fact]
    public void Validate_RankingRoundWithNullOptions_IsRefused() => AssertInvalid(Plan(Ranking with { Options = null! }));

    [Fact]
    public void Validate_DuplicateOptionsIgnoringCaseAndSpace_AreRefused() =>
        AssertInvalid(Plan(Ranking with { Options = ["Training data", "  training DATA "] }));

    [Theory]
    [InlineData("")]
    [InlineData(" \t")]
    public void Validate_EmptyOption_IsRefused(string option) => AssertInvalid(Plan(Ranking with { Options = ["Weights", option] }));

    [Fact]
    public void Validate_OptionOverLimit_IsRefused() =>
        AssertInvalid(Plan(Ranking with { Options = ["Weights", new string('o', DebateLimits.OptionMaxLength + 1)] }));

    [Fact]
    public void Validate_OptionsOnArgumentRound_AreRefused() => AssertInvalid(Plan(Argument with { Options = ["Weights", "Data"] }));

    [Fact]
    public void Validate_OptionsOnMotionVoteRound_AreRefused() => AssertInvalid(Plan(Motion with { Options = ["Yes", "No"] }));

    [Fact]
    public void Validate_NullOptionsOnArgumentRound_BecomeEmpty() =>
        Assert.Empty(PlanValidator.Validate(Plan(Argument with { Options = null! })).Rounds[0].Options);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(DebateLimits.MaxRankedItemsCap + 1)]
    public void Validate_MaxRankedItemsOutOfRange_IsRefused(int k) =>
        AssertInvalid(Plan(Argument) with { Settings = new DebateSettings { MaxRankedItems = k } });

    [Theory]
    [InlineData(1)]
    [InlineData(DebateLimits.MaxRankedItemsCap)]
    public void Validate_MaxRankedItemsAtBounds_IsAccepted(int k) =>
        Assert.Equal(k, PlanValidator.Validate(Plan(Argument) with { Settings = new DebateSettings { MaxRankedItems = k } }).Settings.MaxRankedItems);

    [Fact]
    public void Validate_UndefinedSideAssignmentMode_IsRefused() =>
        AssertInvalid(Plan(Argument) with { Settings = new DebateSettings { SideAssignment = (SideAssignmentMode)99 } });

    [Fact]
    public void Validate_UndefinedVisibility_IsRefused() =>
        AssertInvalid(Plan(Argument) with { Settings = new DebateSettings { Visibility = (ArgumentVisibility)(-1) } });

    [Fact]
    public void Validate_UndefinedTallyMethod_IsRefused() =>
        AssertInvalid(Plan(Argument) with { Settings = new DebateSettings { TallyMethod = (TallyMethod)7 } });

    [Fact]
    public void Validate_UndefinedRoundKind_IsRefused() => AssertInvalid(Plan(Argument with { Kind = (RoundKind)3 }));

    [Fact]
    public void Validate_UndefinedScenario_IsRefused() => AssertInvalid(Plan(Argument with { Scenario = (OpennessScenario)42 }));

    [Fact]
    public void Validate_MissingSettings_UseDefaults() =>
        Assert.Equal(new DebateSettings(), PlanValidator.Validate(Plan(Argument) with { Settings = null! }).Settings);

    [Fact]
    public void Validate_DevilsAdvocateWithoutMotionVote_IsRefused() =>
        AssertInvalid(Plan(Argument) with { Settings = DevilsAdvocate });

    [Fact]
    public void Validate_DevilsAdvocateWithMotionVoteOnlyAfterArguing_IsRefused() =>
        AssertInvalid(Plan(Ranking, Argument, Motion) with { Settings = DevilsAdvocate });

    [Fact]
    public void Validate_DevilsAdvocateWithMotionVoteBeforeArguing_IsAccepted()
    {
        var plan = PlanValidator.Validate(Plan(Ranking, Motion, Argument) with { Settings = DevilsAdvocate });

        Assert.Equal(1, plan.PreDebateVoteIndex());
    }

    [Theory]
    [InlineData("ftp://example.com/paper.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/articles/open-models")]
    [InlineData("spectrum.ieee.org/open-source-ai-good")]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_PreReadingWithoutHttpLink_IsRefused(string? url) =>
        AssertInvalid(Plan(Argument) with { PreReading = [new PreReading("Article", url!)] });

    [Theory]
    [InlineData("http://example.com/a")]
    [InlineData("https://spectrum.ieee.org/open-source-ai-good")]
    public void Validate_PreReadingWithHttpLink_IsAccepted(string url) =>
        Assert.Equal(url, PlanValidator.Validate(Plan(Argument) with { PreReading = [new PreReading("Article", url)] }).PreReading[0].Url);

    [Fact]
    public void Validate_PreReadingLink_KeepsItsEscapes()
    {
        var url = "https://example.com/open%20models?q=%3Cweights%3E";

        Assert.Equal(url, PlanValidator.Validate(Plan(Argument) with { PreReading = [new PreReading("Article", url)] }).PreReading[0].Url);
    }

    [Fact]
    public void Validate_PreReadingWithoutTitle_IsRefused() =>
        AssertInvalid(Plan(Argument) with { PreReading = [new PreReading(" ", "https://example.com")] });

    [Fact]
    public void Validate_NullPreReadingItem_IsRefused() => AssertInvalid(Plan(Argument) with { PreReading = [null!] });

    [Fact]
    public void Validate_TooMuchPreReading_IsRefused() =>
        AssertInvalid(Plan(Argument) with
        {
            PreReading = [.. Enumerable.Range(0, DebateLimits.PreReadingMaxItems + 1).Select(i => new PreReading($"Article {i}", "https://example.com"))],
        });

    [Fact]
    public void Validate_Text_IsTrimmedAndCleanedOfControlCharacters()
    {
        var plan = Plan(
            Ranking with { Title = "  Aspects\u0000 ", Options = [" Weights\u0007", "Data  "] },
            Argument with { OpenBrief = "\tArgue for open.\u001b ", ClosedBrief = "   " }) with
        {
            Motion = "  Models\u0007 should be open.\u0000 ",
            PreReading = [new PreReading("  Good for us\u0008 ", "https://example.com")],
        };

        var clean = PlanValidator.Validate(plan);

        Assert.Equal("Models should be open.", clean.Motion);
        Assert.Equal("Aspects", clean.Rounds[0].Title);
        Assert.Equal(["Weights", "Data"], clean.Rounds[0].Options);
        Assert.Equal("Argue for open.", clean.Rounds[1].OpenBrief);
        Assert.Null(clean.Rounds[1].ClosedBrief);
        Assert.Equal("Good for us", clean.PreReading[0].Title);
    }

    [Fact]
    public void Validate_Prompt_KeepsLineBreaksAndTabsButDropsCarriageReturns()
    {
        var clean = PlanValidator.Validate(Plan(Argument with { Prompt = "First line\r\n\tSecond line" }));

        Assert.Equal("First line\n\tSecond line", clean.Rounds[0].Prompt);
    }

    [Fact]
    public void Create_WithInvalidPlan_IsRefused()
    {
        var refusal = Assert.Throws<DebateRuleException>(() => Debate.Create(Guid.NewGuid(), "ABC234", Plan(), 1, DebateBuilder.T0));

        Assert.Equal(DebateError.InvalidPlan, refusal.Error);
    }

    [Fact]
    public void Create_KeepsTheCleanedPlan()
    {
        var (debate, events) = Debate.Create(Guid.NewGuid(), "ABC234", Plan(Argument) with { Motion = " Open? " }, 1, DebateBuilder.T0);

        Assert.Equal("Open?", debate.Plan.Motion);
        Assert.Equal("Open?", Assert.IsType<DebateCreated>(Assert.Single(events)).Plan.Motion);
    }

    private static DebateSettings DevilsAdvocate => new() { SideAssignment = SideAssignmentMode.DevilsAdvocate };

    private static DebatePlan Plan(params RoundPlan[] rounds) => new() { Motion = "Models should be open.", Rounds = rounds };

    private static string[] Options(int count) => [.. Enumerable.Range(1, count).Select(i => $"Option {i}")];

    [Fact]
    public void Validate_PlanWithSeveralProblems_ListsEachWithItsField()
    {
        var plan = Plan(Argument with { Title = " ", ArgueSeconds = 9 }, Ranking with { Options = ["Weights", ""] }) with
        {
            Settings = new DebateSettings { MaxRankedItems = 0 },
            PreReading = [new PreReading(new string('t', DebateLimits.TitleMaxLength + 1), "https://example.edu/")],
        };

        var refusal = Assert.Throws<DebateRuleException>(() => PlanValidator.Validate(plan));

        Assert.Equal(DebateError.InvalidPlan, refusal.Error);
        Assert.Equal(
            ["settings.maxRankedItems", "rounds[0].title", "rounds[0].argueSeconds", "rounds[1].options[1]", "preReading[0].title"],
            refusal.FieldErrors.Select(e => e.Field));
        Assert.Equal("Option 2 of round 2 can't be empty.", refusal.FieldErrors[3].Message);
        Assert.StartsWith(refusal.FieldErrors[0].Message, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DevilsAdvocateWithoutMotionVote_BelongsToTheSideSetting() =>
        Assert.Equal(
            "settings.sideAssignment",
            Assert.Single(Assert.Throws<DebateRuleException>(() => PlanValidator.Validate(Plan(Argument) with { Settings = new DebateSettings { SideAssignment = SideAssignmentMode.DevilsAdvocate } })).FieldErrors).Field);

    private static void AssertInvalid(DebatePlan? plan)
    {
        var refusal = Assert.Throws<DebateRuleException>(() => PlanValidator.Validate(plan));
        Assert.Equal(DebateError.InvalidPlan, refusal.Error);
    }
}
