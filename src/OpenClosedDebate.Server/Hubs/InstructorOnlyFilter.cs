namespace OpenClosedDebate.Server.Hubs;

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
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (context.HubMethod.IsDefined(typeof(InstructorOnlyAttribute)) &&
            !(await authorization.AuthorizeAsync(context.Context.User ?? new(), AuthSetup.InstructorPolicy)).Succeeded)
        {
            throw new HubException($"unauthorized: Only a signed-in instructor can call {context.HubMethodName}. Sign in on the console first.");
        }

        return await next(context);
    }
}
