namespace OpenClosedDebate.Server.Hubs;

using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// Turns refusals into <see cref="HubException"/>s whose message is "code: sentence", so clients can
/// show the sentence and branch on the code. It is the outermost filter, so it sees every refusal the others make.
/// A refusal is an answer, not a fault: it is logged at Debug with its code only, since the sentence
/// can quote a student's name (SignalR's own error log of it is filtered out in Program.cs).
/// </summary>
internal sealed partial class HubErrorFilter(ILogger<HubErrorFilter> log) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
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
            catch (Exception e) when (StorageUnavailableException.IsDatabaseFailure(e))
            {
                // A query outside a room (a join code's lookup, say) that the database couldn't answer: nothing changed.
                throw new HubException($"storageUnavailable: {StorageUnavailableException.Unreachable}");
            }
        }
        catch (HubException e)
        {
            if (log.IsEnabled(LogLevel.Debug))
            {
                var code = e.Message.Split(':', 2)[0];
                LogRefused(context.HubMethodName, code);
            }

            throw;
        }
    }

    public static string Code(DebateError error) => JsonNamingPolicy.CamelCase.ConvertName(error.ToString());

    internal static HubException Error(DebateError error, string message) => new($"{Code(error)}: {message}");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused {HubMethod}: {Code}")]
    private partial void LogRefused(string hubMethod, string code);
}
