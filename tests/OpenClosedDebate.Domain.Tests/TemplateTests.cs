namespace OpenClosedDebate.Domain.Tests;

using System.Text.Json;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Templates;

public sealed class TemplateTests
{
    private static readonly DebatePlan Plan = OpenAndClosedModels.Template.Plan;

    [Fact]
    public void BuiltInTemplate_PassesThePlanValidatorWithItsTextAlreadyClean()
    {
        var clean = PlanValidator.Validate(Plan);

        // The validator zeroes the unused argue length of rounds without an argue phase; nothing else changes.
        var expected = Plan with { Rounds = [.. Plan.Rounds.Select(r => r.Kind == RoundKind.Argument ? r : r with { ArgueSeconds = 0 })] };
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(clean));
    }

    [Fact]
    public void BuiltInTemplate_StartsAndEndsWithAMotionVote()
    {
        Assert.Equal(RoundKind.MotionVote, Plan.Rounds[0].Kind);
        Assert.Equal(RoundKind.MotionVote, Plan.Rounds[^1].Kind);
        Assert.Equal(0, Plan.PreDebateVoteIndex());
        Assert.Equal(Plan.Rounds.Count - 1, Plan.PostDebateVoteIndex());
    }

    [Fact]
    public void BuiltInTemplate_RanksTheFourAspectsOfOpenness()
    {
        var ranking = Assert.Single(Plan.Rounds, r => r.Kind == RoundKind.Ranking);

        Assert.Collection(
            ranking.Options,
            o => Assert.StartsWith("Model architectures", o, StringComparison.Ordinal),
            o => Assert.StartsWith("Model weights", o, StringComparison.Ordinal),
            o => Assert.StartsWith("Training procedures", o, StringComparison.Ordinal),
            o => Assert.StartsWith("Training data", o, StringComparison.Ordinal));
    }

    [Fact]
    public void BuiltInTemplate_HasSixArgumentRoundsEachWithBothBriefs()
    {
        var arguments = Plan.Rounds.Where(r => r.Kind == RoundKind.Argument).ToList();

        Assert.Equal(6, arguments.Count);
        Assert.All(arguments, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.OpenBrief));
            Assert.False(string.IsNullOrWhiteSpace(r.ClosedBrief));
            Assert.NotEqual(r.OpenBrief, r.ClosedBrief);
        });
    }

    [Fact]
    public void BuiltInTemplate_ListsTheTwoIeeeSpectrumArticles()
    {
        Assert.Equal(2, Plan.PreReading.Count);
        Assert.All(Plan.PreReading, r =>
        {
            Assert.Contains("IEEE Spectrum", r.Title, StringComparison.Ordinal);
            Assert.StartsWith("https://spectrum.ieee.org/", r.Url, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void BuiltInTemplate_SuitsDevilsAdvocateSides() =>
        Assert.Equal(0, PlanValidator.Validate(Plan with { Settings = new DebateSettings { SideAssignment = SideAssignmentMode.DevilsAdvocate } }).PreDebateVoteIndex());

    [Fact]
    public void Templates_FindTheBuiltInTemplateById()
    {
        Assert.Same(OpenAndClosedModels.Template, DebateTemplates.Find(OpenAndClosedModels.Id));
        Assert.Contains(OpenAndClosedModels.Template, DebateTemplates.All);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("OPEN-AND-CLOSED-MODELS")]
    public void Templates_UnknownId_FindsNothing(string? id) => Assert.Null(DebateTemplates.Find(id));

    [Fact]
    public void OpennessScenarios_AreAllDescribed() =>
        Assert.All(Enum.GetValues<OpennessScenario>(), s => Assert.False(string.IsNullOrWhiteSpace(s.Describe())));

    [Fact]
    public void OpennessScenario_Undefined_IsABug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((OpennessScenario)99).Describe());
}
