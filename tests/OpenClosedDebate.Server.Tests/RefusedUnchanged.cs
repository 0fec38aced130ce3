namespace OpenClosedDebate.Server.Tests;

using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Refusals that must leave the debate exactly as it was. The instructor's console reads a fresh
/// snapshot before and after: every accepted move raises the version, so equal states mean nothing happened.
/// </summary>
internal static class RefusedUnchanged
{
    /// <summary>Asserts the call is refused with this code and a sentence, and that the debate did not change; returns the sentence.</summary>
    public static async Task<string> WithAsync(RoomClient console, string code, Func<Task> call)
    {
        var before = await ReadAsync(console);
        var sentence = await Refused.WithAsync(code, call);
        Assert.Equal(before, await ReadAsync(console));
        return sentence;
    }

    /// <summary>Asserts an instructor-only hub method was refused as <c>unauthorized</c> before it ran, and that the debate did not change.</summary>
    public static async Task AsUnauthorizedAsync(RoomClient console, string method, Func<Task> call)
    {
        var error = await ThrowsAsync<HubException>(console, call);
        Assert.EndsWith($"HubException: unauthorized: Only a signed-in instructor can call {method}. Sign in on the console first.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Asserts the call fails with this exception and that the debate did not change.</summary>
    public static async Task<T> ThrowsAsync<T>(RoomClient console, Func<Task> call)
        where T : Exception
    {
        var before = await ReadAsync(console);
        var error = await Assert.ThrowsAsync<T>(call);
        Assert.Equal(before, await ReadAsync(console));
        return error;
    }

    private static async Task<ConsoleState> ReadAsync(RoomClient console)
    {
        var s = await console.AttachAsync(console.DebateId);
        return new ConsoleState(
            s.Version,
            s.Clock.Status,
            s.Clock.RoundIndex,
            s.Clock.Phase,
            s.Clock.Paused,
            s.Debate.Locked,
            s.Debate.Motion,
            string.Join("; ", (s.Roster ?? []).Select(p => $"{p.DisplayName} {p.Side} muted={p.Muted} kicked={p.Kicked} left={p.Left}")),
            string.Join("; ", s.Arguments.Select(a => $"{a.AuthorName}: {a.Text} hidden={a.Hidden}")),
            s.Counts.Ballots);
    }

    /// <summary>What the console shows of a debate, minus the ticking clock and who is connected.</summary>
    private sealed record ConsoleState(
        long Version,
        DebateStatus Status,
        int? RoundIndex,
        Phase? Phase,
        bool Paused,
        bool Locked,
        string Motion,
        string Roster,
        string Arguments,
        int Ballots);
}
