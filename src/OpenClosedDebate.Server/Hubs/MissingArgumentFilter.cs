namespace OpenClosedDebate.Server.Hubs;

using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Refuses a call with a JSON <c>null</c> in place of an argument before the method runs. It runs inside
/// <see cref="FloodFilter"/>, so such calls are rate limited and spend the refusal allowance like any other refusal.
/// </summary>
internal sealed class MissingArgumentFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next) =>
        context.HubMethodArguments.Any(a => a is null)
            ? throw HubErrorFilter.Error(DebateError.InvalidRequest, $"{context.HubMethodName} was called with a missing argument.")
            : next(context);
}
