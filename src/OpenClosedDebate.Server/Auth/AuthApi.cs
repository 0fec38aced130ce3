namespace OpenClosedDebate.Server.Auth;

using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.RateLimiting;
using OpenClosedDebate.Server.Security;

/// <summary>Sign-in, sign-out, who am I, and the first-instructor setup.</summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        var small = new BodyLimit(app.ServiceProvider.GetRequiredService<IOptions<RequestLimitOptions>>().Value.SignInBodyBytes);

        group.MapPost("/sign-in", SignIn).RequireRateLimiting(AuthSetup.SignInLimit).WithMetadata(small);
        group.MapPost("/sign-out", (Delegate)SignOut).RequireAuthorization(AuthSetup.InstructorPolicy);
        group.MapGet("/me", Me).RequireAuthorization(AuthSetup.InstructorPolicy);
        group.MapGet("/setup", async (SetupLink link, InstructorAccounts accounts, HttpContext http) =>
            TypedResults.Ok(new SetupStatus(link.IsOpen && !await accounts.AnyAsync(http.RequestAborted))));
        group.MapPost("/setup", Setup).RequireRateLimiting(AuthSetup.SignInLimit).WithMetadata(small);
        return group;
    }

    private static async Task<Results<Ok<Instructor>, ProblemHttpResult>> SignIn(
        Credentials credentials, InstructorAccounts accounts, SignInThrottle throttle, HttpContext http)
    {
        // Checked before anything is looked up or remembered: no account has a longer address or password.
        if (credentials.Email is not { Length: > 0 and <= InstructorAccounts.MaxEmailLength } email
            || credentials.Password is not { Length: > 0 and <= InstructorAccounts.MaxPasswordLength } password)
        {
            return Problems.Of(
                StatusCodes.Status400BadRequest,
                $"Enter an e-mail address (at most {InstructorAccounts.MaxEmailLength} characters) and a password (at most {InstructorAccounts.MaxPasswordLength}).",
                "invalidRequest");
        }

        if (await throttle.LockedForAsync(email) is { } wait)
        {
            var minutes = (int)Math.Ceiling(wait.TotalMinutes);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Problems.Of(
                StatusCodes.Status429TooManyRequests,
                $"Too many wrong passwords for this account. Try again in {minutes} minute{(minutes == 1 ? string.Empty : "s")}.",
                "accountLocked");
        }

        var account = await accounts.VerifyAsync(email, password, http.RequestAborted);
        if (account is null)
        {
            await throttle.FailedAsync(email);
            return Problems.Of(StatusCodes.Status401Unauthorized, "The e-mail or password is wrong.", "invalidCredentials");
        }

        await throttle.SucceededAsync(email);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.Principal(account.Id, account.Email));
        return TypedResults.Ok(new Instructor(account.Id, account.Email));
    }

    private static async Task<NoContent> SignOut(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<Instructor> Me(HttpContext http) =>
        TypedResults.Ok(new Instructor(http.User.InstructorId(), http.User.Identity!.Name!));

    private static async Task<Results<Created<Instructor>, ProblemHttpResult>> Setup(SetupRequest request, SetupLink link, InstructorAccounts accounts, HttpContext http)
    {
        if (!link.IsOpen || await accounts.AnyAsync(http.RequestAborted))
        {
            return Problems.Of(StatusCodes.Status410Gone, "Setup is already done. Sign in instead.", "setupDone");
        }

        try
        {
            // Check the account first, so a typo in the password doesn't use up the one-time link.
            InstructorAccounts.Validate(request.Email, request.Password);
        }
        catch (AccountException e)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, e.Message, "invalidAccount");
        }

        if (!await link.TryConsumeAsync(request.Token))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, "This setup link is not valid. Use the link from the server's log.", "invalidSetupToken");
        }

        var account = await accounts.CreateAsync(request.Email, request.Password, http.RequestAborted);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.Principal(account.Id, account.Email));
        return TypedResults.Created("/api/auth/me", new Instructor(account.Id, account.Email));
    }
}
