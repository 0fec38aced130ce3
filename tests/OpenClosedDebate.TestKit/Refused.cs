namespace OpenClosedDebate.TestKit;

using Microsoft.AspNetCore.SignalR;

public static class Refused
{
    /// <summary>Asserts the hub refused the call with this error code and a sentence after it; returns the sentence.</summary>
    public static async Task<string> WithAsync(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        var marker = $"HubException: {code}: ";
        var at = error.Message.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"Expected error code '{code}', got: {error.Message}");
        var sentence = error.Message[(at + marker.Length)..];
        Assert.False(string.IsNullOrWhiteSpace(sentence));
        return sentence;
    }
}
