namespace OpenClosedDebate.Server.Hubs;

using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Server.Auth;

/// <summary>
/// Refuses an <see cref="InstructorOnlyAttribute"/> method to a connection without the instructor's sign-in, with
/// the code <c>unauthorized</c>, before the method runs. The check is ASP.NET Core's own: the instructor policy,
/// through <see cref="IAuthorizationService"/>.
/// </summary>
internal sealed class InstructorOnlyFilter(IAuthorizationService authorization) : IHubFilter
{
    // Which methods are the instructor's is fixed when the hub is compiled: read each method's attribute once,
    // not on every ballot.
    private readonly ConcurrentDictionary<MethodInfo, bool> _instructorOnly = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (_instructorOnly.GetOrAdd(context.HubMethod, m => m.IsDefined(typeof(InstructorOnlyAttribute))) &&
            !(await authorization.AuthorizeAsync(context.Context.User ?? new(), AuthSetup.InstructorPolicy)).Succeeded)
        {
            throw new HubException($"unauthorized: Only a signed-in instructor can call {context.HubMethodName}. Sign in on the console first.");
        }

        return await next(context);
    }
}
