namespace OpenClosedDebate.Server.Hubs;

using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// Turns refusals into <see cref="HubException"/>s whose message is "code: sentence", so clients can
/// show the sentence and branch on the code. Missing arguments are refused before the method runs.
/// </summary>
internal sealed class HubErrorFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (context.HubMethodArguments.Any(a => a is null))
        {
            throw Error(DebateError.InvalidRequest, $"{context.HubMethodName} was called with a missing argument.");
        }

        try
        {
            return await next(context);
        }
        catch (DebateRuleException e)
        {
            throw Error(e.Error, e.Message);
        }
        catch (StorageUnavailableException e)
        {
            throw new HubException($"storageUnavailable: {e.Message}");
        }
    }

    public static string Code(DebateError error) => JsonNamingPolicy.CamelCase.ConvertName(error.ToString());

    private static HubException Error(DebateError error, string message) => new($"{Code(error)}: {message}");
}
