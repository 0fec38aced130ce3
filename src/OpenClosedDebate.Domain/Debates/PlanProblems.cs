namespace OpenClosedDebate.Domain.Debates;

/// <summary>What <see cref="PlanValidator"/> found wrong so far, each problem with its field; thrown together at the end.</summary>
internal sealed class PlanProblems
{
    private readonly List<FieldError> _errors = [];

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    /// <summary>The cleaned text, or null after noting why it can't be kept.</summary>
    public string? Text(string field, string? text, int max, string what) => Checked(field, () => TextRules.Require(text, max, what, DebateError.InvalidPlan));

    public string? OptionalText(string field, string? text, int max, string what) => Checked(field, () => TextRules.Optional(text, max, what));

    public void Duration(string field, int seconds, string what)
    {
        if (seconds is < DebateLimits.MinPhaseSeconds or > DebateLimits.MaxPhaseSeconds)
        {
            Add(field, $"{what} must last between {DebateLimits.MinPhaseSeconds} seconds and {DebateLimits.MaxPhaseSeconds / 3600} hours.");
        }
    }

    public void ThrowIfAny()
    {
        if (_errors.Count == 0)
        {
            return;
        }

        var message = _errors.Count == 1 ? _errors[0].Message : $"{_errors[0].Message} The plan has {_errors.Count - 1} more {(_errors.Count == 2 ? "problem" : "problems")}; each is listed with its field.";
        throw new DebateRuleException(DebateError.InvalidPlan, message) { FieldErrors = [.. _errors] };
    }

    private string? Checked(string field, Func<string?> check)
    {
        try
        {
            return check();
        }
        catch (DebateRuleException e)
        {
            Add(field, e.Message);
            return null;
        }
    }
}
