namespace OpenClosedDebate.Server.Tests;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// The plan editor checks the plan's simple rules as the instructor types (client/src/instructor/planChecks.ts), so
/// each message shows at its field before anything is sent. The rule itself is the server's, PlanValidator: these
/// cases are the plans it is given and the errors it answers, written to client/src/instructor/planChecks.cases.json,
/// and the client's tests hold checkPlan to the same answers, word for word. So the two can't drift: a change to
/// PlanValidator fails here until the file is written again (OCD_WRITE_GOLDEN=1), and then fails the client's tests
/// until planChecks.ts follows.
/// </summary>
public sealed class PlanCheckCasesTests
{
    [Fact]
    public async Task The_client_plan_check_cases_are_what_the_server_answers()
    {
        var cases = new JsonArray([.. Cases().Select(c => new JsonObject
        {
            ["name"] = c.Name,
            ["plan"] = JsonSerializer.SerializeToNode(c.Plan, Wire.Json),
            ["errors"] = JsonSerializer.SerializeToNode(Errors(c.Plan), Wire.Json),
        })]);
        var written = cases.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        await GoldenFile.CheckAsync(
            Path.Combine("client", "src", "instructor", "planChecks.cases.json"),
            written,
            "Run this test with OCD_WRITE_GOLDEN=1, then make planChecks.ts agree (cd client && npx vitest run).");
    }

    [Fact]
    public void Every_case_but_the_valid_plans_is_refused_and_every_field_the_client_checks_is_covered()
    {
        var refused = Cases().Where(c => Errors(c.Plan).Count > 0).SelectMany(c => Errors(c.Plan)).Select(e => Field(e.Field)).ToHashSet();
        string[] checkedByClient =
        [
            "motion", "rounds", "settings.maxRankedItems", "title", "prompt", "openBrief", "closedBrief", "argueSeconds", "voteSeconds",
            "resultsSeconds", "options", "options[]", "preReading", "preReading[].title", "preReading[].url",
        ];
        Assert.All(checkedByClient, f => Assert.Contains(f, refused));
        Assert.Equal(2, Cases().Count(c => Errors(c.Plan).Count == 0));
    }

    /// <summary>A field path with its indexes taken out and the round's prefix dropped: rounds[2].options[1] is options[].</summary>
    private static string Field(string path)
    {
        var general = System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[]");
        return general.StartsWith("rounds[].", StringComparison.Ordinal) ? general["rounds[].".Length..] : general;
    }

    private static IReadOnlyList<FieldError> Errors(DebatePlan plan)
    {
        try
        {
            PlanValidator.Validate(plan);
            return [];
        }
        catch (DebateRuleException e)
        {
            return e.FieldErrors;
        }
    }

    private static readonly RoundPlan Argument = new() { Title = "Argue", Prompt = "Make your case.", Kind = RoundKind.Argument };

    private static DebatePlan Plan(params RoundPlan[] rounds) => new() { Motion = "Frontier models should be open.", Rounds = rounds.Length == 0 ? [Argument] : rounds };

    private static RoundPlan Ranking(params string[] options) => new() { Title = "Rank", Prompt = "Which matters most?", Kind = RoundKind.Ranking, Options = options };

    /// <summary>Plans that each break the rules the client checks, one or several at a time; what the server alone checks is left out.</summary>
    private static IEnumerable<(string Name, DebatePlan Plan)> Cases()
    {
        var longest = new string('m', DebateLimits.MotionMaxLength);
        yield return ("a plain plan", Plan());

        // Text is counted in user-perceived characters: an accented letter made of two code points is one.
        yield return ("a motion at its limit in letters of two code points", Plan() with { Motion = string.Concat(Enumerable.Repeat("e\u0301", DebateLimits.MotionMaxLength)) });
        yield return ("an empty motion", Plan() with { Motion = "   " });
        yield return ("a motion one character too long", Plan() with { Motion = longest + "m" });
        yield return ("no rounds", Plan() with { Rounds = [] });
        yield return ("too many rounds", Plan() with { Rounds = [.. Enumerable.Repeat(Argument, DebateLimits.MaxRounds + 1)] });
        yield return ("a ballot that ranks nothing", Plan() with { Settings = new DebateSettings { MaxRankedItems = 0 } });
        yield return ("a ballot that ranks too many", Plan() with { Settings = new DebateSettings { MaxRankedItems = DebateLimits.MaxRankedItemsCap + 1 } });
        yield return ("a round without a title and with too long a prompt", Plan(Argument with { Title = "", Prompt = new string('p', DebateLimits.PromptMaxLength + 1) }));
        yield return ("briefs too long, and an empty brief allowed", Plan(Argument with { OpenBrief = new string('o', DebateLimits.BriefMaxLength + 1), ClosedBrief = "" }, Argument with { ClosedBrief = new string('c', DebateLimits.BriefMaxLength + 1) }));
        yield return ("phases too short and too long", Plan(Argument with { ArgueSeconds = DebateLimits.MinPhaseSeconds - 1, VoteSeconds = DebateLimits.MaxPhaseSeconds + 1, ResultsSeconds = 0 }));
        yield return ("a ranking round with too few options, one empty", Plan(Argument, Ranking("Weights", " ")));
        yield return ("a ranking round naming one option twice, whatever its case and spaces", Plan(Ranking("Weights", "Licences", " weights ")));
        yield return ("a ranking round with too many options and one too long", Plan(Ranking([.. Enumerable.Range(1, DebateLimits.MaxOptions).Select(i => $"Option {i}"), new string('x', DebateLimits.OptionMaxLength + 1)])));
        yield return ("pre-reading without a title and with a link that isn't the web", Plan() with { PreReading = [new PreReading("", "ftp://example.edu/paper.pdf"), new PreReading("A paper", "example.edu/paper")] });
        yield return ("too much pre-reading", Plan() with { PreReading = [.. Enumerable.Range(1, DebateLimits.PreReadingMaxItems + 1).Select(i => new PreReading($"Paper {i}", $"https://example.edu/{i}"))] });
        yield return ("several problems at once, in several rounds", Plan(Argument with { Title = " " }, Ranking("A"), Argument with { VoteSeconds = 1 }) with { Motion = "" });
    }
}
