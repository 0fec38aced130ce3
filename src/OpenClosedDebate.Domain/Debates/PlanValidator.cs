namespace OpenClosedDebate.Domain.Debates;

/// <summary>
/// Checks a plan and returns it with its text cleaned, or throws <see cref="DebateError.InvalidPlan"/> listing every
/// problem with the field it belongs to (<see cref="DebateRuleException.FieldErrors"/>).
/// </summary>
public static class PlanValidator
{
    public static DebatePlan Validate(DebatePlan? plan)
    {
        if (plan is null)
        {
            throw new DebateRuleException(DebateError.InvalidPlan, "A debate needs a plan.");
        }

        var problems = new PlanProblems();
        var motion = problems.Text("motion", plan.Motion, DebateLimits.MotionMaxLength, "The motion");
        if (plan.Rounds is null || plan.Rounds.Count == 0)
        {
            problems.Add("rounds", "A debate needs at least one round.");
        }
        else if (plan.Rounds.Count > DebateLimits.MaxRounds)
        {
            problems.Add("rounds", $"A debate may have at most {DebateLimits.MaxRounds} rounds.");
        }

        var settings = ValidateSettings(plan.Settings ?? new DebateSettings(), problems);
        var rounds = (plan.Rounds ?? []).Select((r, i) => ValidateRound(r, i, problems)).ToList();
        var reading = ValidatePreReading(plan.PreReading ?? [], problems);
        problems.ThrowIfAny();

        var clean = plan with { Motion = motion!, Rounds = rounds!, Settings = settings, PreReading = reading };
        if (settings.SideAssignment == SideAssignmentMode.DevilsAdvocate && clean.PreDebateVoteIndex() is null)
        {
            problems.Add("settings.sideAssignment", "Devil's advocate sides need a motion vote before the first argument round.");
            problems.ThrowIfAny();
        }

        return clean;
    }

    private static DebateSettings ValidateSettings(DebateSettings settings, PlanProblems problems)
    {
        if (!Enum.IsDefined(settings.SideAssignment) || !Enum.IsDefined(settings.Visibility) || !Enum.IsDefined(settings.TallyMethod) || !Enum.IsDefined(settings.RevealResults))
        {
            problems.Add("settings", "The settings name an unknown side mode, visibility, tally method or way of revealing results.");
        }

        if (settings.MaxRankedItems is < 1 or > DebateLimits.MaxRankedItemsCap)
        {
            problems.Add("settings.maxRankedItems", $"A ballot may rank between 1 and {DebateLimits.MaxRankedItemsCap} items, not {settings.MaxRankedItems}.");
        }

        return settings;
    }

    private static RoundPlan? ValidateRound(RoundPlan? round, int index, PlanProblems problems)
    {
        var number = index + 1;
        var at = $"rounds[{index}]";
        if (round is null)
        {
            problems.Add(at, $"Round {number} is empty.");
            return null;
        }

        if (!Enum.IsDefined(round.Kind))
        {
            problems.Add($"{at}.kind", $"Round {number} has an unknown kind.");
        }

        if (round.Scenario is { } scenario && !Enum.IsDefined(scenario))
        {
            problems.Add($"{at}.scenario", $"Round {number} names an unknown openness scenario.");
        }

        var title = problems.Text($"{at}.title", round.Title, DebateLimits.TitleMaxLength, $"The title of round {number}");
        var prompt = problems.Text($"{at}.prompt", round.Prompt, DebateLimits.PromptMaxLength, $"The prompt of round {number}");
        var openBrief = problems.OptionalText($"{at}.openBrief", round.OpenBrief, DebateLimits.BriefMaxLength, $"The open side's brief in round {number}");
        var closedBrief = problems.OptionalText($"{at}.closedBrief", round.ClosedBrief, DebateLimits.BriefMaxLength, $"The closed side's brief in round {number}");

        if (round.Kind == RoundKind.Argument)
        {
            problems.Duration($"{at}.argueSeconds", round.ArgueSeconds, $"The argue phase of round {number}");
        }

        problems.Duration($"{at}.voteSeconds", round.VoteSeconds, $"The vote phase of round {number}");
        if (round.ResultsSeconds is { } results)
        {
            problems.Duration($"{at}.resultsSeconds", results, $"The results phase of round {number}");
        }

        var options = round.Options ?? [];
        if (round.Kind == RoundKind.Ranking)
        {
            if (options.Count is < DebateLimits.MinOptions or > DebateLimits.MaxOptions)
            {
                problems.Add($"{at}.options", $"Ranking round {number} needs between {DebateLimits.MinOptions} and {DebateLimits.MaxOptions} options.");
            }

            var cleaned = options.Select((o, i) => problems.Text($"{at}.options[{i}]", o, DebateLimits.OptionMaxLength, $"Option {i + 1} of round {number}")).ToList();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < cleaned.Count; i++)
            {
                if (cleaned[i] is { } option && !seen.Add(option))
                {
                    problems.Add($"{at}.options[{i}]", $"Ranking round {number} lists the same option twice.");
                }
            }

            options = cleaned.Select(o => o ?? string.Empty).ToList();
        }
        else if (options.Count > 0)
        {
            problems.Add($"{at}.options", $"Round {number} is not a ranking round, so it can't have options.");
        }

        return round with
        {
            Title = title ?? string.Empty,
            Prompt = prompt ?? string.Empty,
            OpenBrief = openBrief,
            ClosedBrief = closedBrief,
            Options = options,
            ArgueSeconds = round.Kind == RoundKind.Argument ? round.ArgueSeconds : 0,
        };
    }

    private static List<PreReading> ValidatePreReading(IReadOnlyList<PreReading> reading, PlanProblems problems)
    {
        if (reading.Count > DebateLimits.PreReadingMaxItems)
        {
            problems.Add("preReading", $"List at most {DebateLimits.PreReadingMaxItems} pieces of pre-reading.");
        }

        return reading.Select((r, i) =>
        {
            var title = problems.Text($"preReading[{i}].title", r?.Title, DebateLimits.TitleMaxLength, $"The title of reading {i + 1}");
            if (!Uri.TryCreate(r?.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"preReading[{i}].url", $"Reading {i + 1} needs an http or https link.");
                return new PreReading(title ?? string.Empty, string.Empty);
            }

            // AbsoluteUri keeps escapes such as %20; ToString() would unescape them into a different link.
            return new PreReading(title ?? string.Empty, uri.AbsoluteUri);
        }).ToList();
    }
}
