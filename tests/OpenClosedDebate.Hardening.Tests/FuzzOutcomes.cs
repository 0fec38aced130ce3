namespace OpenClosedDebate.Hardening.Tests;

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Sorts the answers to fuzzed hub calls into the forms protocol §2.1 and §2.2 document, counts them, and
/// keeps every answer that fits none of them with the call that caused it: an unhandled exception in the
/// server, a connection closed under a call, a call never answered.
/// </summary>
internal sealed partial class FuzzOutcomes
{
    // Every code a refusal may carry. storageUnavailable is documented but means the database failed, which a fuzz must not cause.
    private static readonly HashSet<string> Codes =
        [.. Enum.GetNames<DebateError>().Select(JsonNamingPolicy.CamelCase.ConvertName), "rateLimited", "roomBusy"];

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private int _calls;

    public int Calls => _calls;

    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>How many answers of each kind, e.g. "PostArgument → refused tooManyArguments".</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Counts an answer that carries a result.</summary>
    public void Answered(string method) => Count(method, "result");

    /// <summary>Counts an outcome that needs no checking, by its description.</summary>
    public void Tally(string what)
    {
        Interlocked.Increment(ref _calls);
        _counts.AddOrUpdate(what, 1, (_, n) => n + 1);
    }

    /// <summary>Counts a refusal if it has a documented form, else records it as a failure of <paramref name="call"/>.</summary>
    public void Refused(string method, string error, bool instructor, object call)
    {
        if (Kind(method, error, instructor) is { } kind)
        {
            Count(method, kind);
        }
        else
        {
            Fail(call, error);
        }
    }

    /// <summary>Records a failure: what was sent and what came back (or didn't).</summary>
    public void Fail(object call, string what)
    {
        Interlocked.Increment(ref _calls);
        _failures.Enqueue($"{what}\n    caused by: {call}");
    }

    /// <summary>The kind of a documented refusal, or null for anything else, such as an exception no filter turned into a rule.</summary>
    public static string? Kind(string method, string error, bool instructor)
    {
        var known = HubFuzzCalls.Methods.ContainsKey(method);
        if (Refusal().Match(error) is { Success: true } refusal)
        {
            var code = refusal.Groups["code"].Value;
            if (code == "unauthorized")
            {
                return known && HubFuzzCalls.InstructorMethods.Contains(method) && !instructor ? "unauthorized" : null;
            }

            return known && Codes.Contains(code) ? $"refused {code}" : null;
        }

        if (NotBound().IsMatch(error))
        {
            return known ? "arguments not bound" : null;
        }

        if (NoSuchMethod().IsMatch(error))
        {
            return known ? null : "no such method";
        }

        return null;
    }

    private void Count(string method, string kind) => Tally($"{(HubFuzzCalls.Methods.ContainsKey(method) ? method : "(not a method)")} → {kind}");

    [GeneratedRegex(@"\AAn unexpected error occurred invoking '.*' on the server\. HubException: (?<code>[a-z][A-Za-z]*): \S.*\z", RegexOptions.Singleline)]
    private static partial Regex Refusal();

    [GeneratedRegex(@"\AFailed to invoke '.*' due to an error on the server\.\z", RegexOptions.Singleline)]
    private static partial Regex NotBound();

    [GeneratedRegex(@"\AFailed to invoke '.*' due to an error on the server\. HubException: Method does not exist\.\z", RegexOptions.Singleline)]
    private static partial Regex NoSuchMethod();

}
