namespace OpenClosedDebate.Domain.Debates;

/// <summary>Checks a plan and returns it with its text cleaned, or throws <see cref="DebateError.InvalidPlan"/>.</summary>
public static class PlanValidator
{
    public static DebatePlan Validate(DebatePlan? plan)
    {
        if (plan is null)
        {
            throw Invalid("A debate needs a plan.");
        }

        var motion = TextRules.Require(plan.Motion, DebateLimits.MotionMaxLength, "The motion", DebateError.InvalidPlan);
        if (plan.Rounds is null || plan.Rounds.Count == 0)
        {
            throw Invalid("A debate needs at least one round.");
        }

        if (plan.Rounds.Count > DebateLimits.MaxRounds)
        {
            throw Invalid($"A debate may have at most {DebateLimits.MaxRounds} rounds.");
        }

        var settings = ValidateSettings(plan.Settings ?? new DebateSettings());
        var rounds = plan.Rounds.Select((r, i) => ValidateRound(r, i + 1)).ToList();
        var reading = ValidatePreReading(plan.PreReading ?? []);
        var clean = plan with { Motion = motion, Rounds = rounds, Settings = settings, PreReading = reading };

        if (settings.SideAssignment == SideAssignmentMode.DevilsAdvocate && clean.PreDebateVoteIndex() is null)
        {
            throw Invalid("Devil's advocate sides need a motion vote before the first argument round.");
        }

        return clean;
    }

    private static DebateSettings ValidateSettings(DebateSettings settings)
    {
        if (!Enum.IsDefined(settings.SideAssignment) || !Enum.IsDefined(settings.Visibility) || !Enum.IsDefined(settings.TallyMethod))
        {
            throw Invalid("The settings name an unknown side mode, visibility or tally method.");
        }

        if (settings.MaxRankedItems is < 1 or > DebateLimits.MaxRankedItemsCap)
        {
            throw Invalid($"A ballot may rank between 1 and {DebateLimits.MaxRankedItemsCap} items, not {settings.MaxRankedItems}.");
        }

        return settings;
    }

    private static RoundPlan ValidateRound(RoundPlan? round, int number)
    {
        if (round is null)
        {
            throw Invalid($"Round {number} is empty.");
        }

        if (!Enum.IsDefined(round.Kind))
        {
            throw Invalid($"Round {number} has an unknown kind.");
        }

        if (round.Scenario is { } scenario && !Enum.IsDefined(scenario))
        {
            throw Invalid($"Round {number} names an unknown openness scenario.");
        }

        var title = TextRules.Require(round.Title, DebateLimits.TitleMaxLength, $"The title of round {number}", DebateError.InvalidPlan);
        var prompt = TextRules.Require(round.Prompt, DebateLimits.PromptMaxLength, $"The prompt of round {number}", DebateError.InvalidPlan);
        var openBrief = Optional(round.OpenBrief, DebateLimits.BriefMaxLength, $"The open side's brief in round {number}");
        var closedBrief = Optional(round.ClosedBrief, DebateLimits.BriefMaxLength, $"The closed side's brief in round {number}");

        if (round.Kind == RoundKind.Argument)
        {
            RequireDuration(round.ArgueSeconds, $"The argue phase of round {number}");
        }

        RequireDuration(round.VoteSeconds, $"The vote phase of round {number}");
        if (round.ResultsSeconds is { } results)
        {
            RequireDuration(results, $"The results phase of round {number}");
        }

        var options = round.Options ?? [];
        if (round.Kind == RoundKind.Ranking)
        {
            if (options.Count is < DebateLimits.MinOptions or > DebateLimits.MaxOptions)
            {
                throw Invalid($"Ranking round {number} needs between {DebateLimits.MinOptions} and {DebateLimits.MaxOptions} options.");
            }

            options = options.Select((o, i) => TextRules.Require(o, DebateLimits.OptionMaxLength, $"Option {i + 1} of round {number}", DebateError.InvalidPlan)).ToList();
            if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
            {
                throw Invalid($"Ranking round {number} lists the same option twice.");
            }
        }
        else if (options.Count > 0)
        {
            throw Invalid($"Round {number} is not a ranking round, so it can't have options.");
        }

        return round with
        {
            Title = title,
            Prompt = prompt,
            OpenBrief = openBrief,
            ClosedBrief = closedBrief,
            Options = options,
            ArgueSeconds = round.Kind == RoundKind.Argument ? round.ArgueSeconds : 0,
        };
    }

    private static List<PreReading> ValidatePreReading(IReadOnlyList<PreReading> reading)
    {
        if (reading.Count > DebateLimits.PreReadingMaxItems)
        {
            throw Invalid($"List at most {DebateLimits.PreReadingMaxItems} pieces of pre-reading.");
        }

        return reading.Select((r, i) =>
        {
            var title = TextRules.Require(r?.Title, DebateLimits.TitleMaxLength, $"The title of reading {i + 1}", DebateError.InvalidPlan);
            if (!Uri.TryCreate(r!.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw Invalid($"Reading {i + 1} needs an http or https link.");
            }

            // AbsoluteUri keeps escapes such as %20; ToString() would unescape them into a different link.
            return new PreReading(title, uri.AbsoluteUri);
        }).ToList();
    }

    private static string? Optional(string? text, int max, string what)
    {
        try
        {
            return TextRules.Optional(text, max, what);
        }
        catch (DebateRuleException e)
        {
            throw Invalid(e.Message);
        }
    }

    private static void RequireDuration(int seconds, string what)
    {
        if (seconds is < DebateLimits.MinPhaseSeconds or > DebateLimits.MaxPhaseSeconds)
        {
            throw Invalid($"{what} must last between {DebateLimits.MinPhaseSeconds} seconds and {DebateLimits.MaxPhaseSeconds / 3600} hours.");
        }
    }

    private static DebateRuleException Invalid(string message) => new(DebateError.InvalidPlan, message);
}
