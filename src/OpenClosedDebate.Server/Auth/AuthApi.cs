namespace OpenClosedDebate.Server.Auth;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Hosting;

/// <summary>Sign-in, sign-out, who am I, and the first-instructor setup.</summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        group.MapPost("/sign-in", SignIn);
        group.MapPost("/sign-out", (Delegate)SignOut).RequireAuthorization(AuthSetup.InstructorPolicy);
        group.MapGet("/me", Me).RequireAuthorization(AuthSetup.InstructorPolicy);
        group.MapGet("/setup", async (SetupLink link, InstructorAccounts accounts, HttpContext http) =>
            TypedResults.Ok(new SetupStatus(link.IsOpen && !await accounts.AnyAsync(http.RequestAborted))));
        group.MapPost("/setup", Setup);
        return group;
    }

    private static async Task<Results<Ok<Instructor>, ProblemHttpResult>> SignIn(Credentials credentials, InstructorAccounts accounts, HttpContext http)
    {
        var account = await accounts.VerifyAsync(credentials.Email, credentials.Password, http.RequestAborted);
        if (account is null)
        {
            return Problems.Of(StatusCodes.Status401Unauthorized, "The e-mail or password is wrong.", "invalidCredentials");
        }

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

        if (!link.TryConsume(request.Token))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, "This setup link is not valid. Use the link from the server's log.", "invalidSetupToken");
        }

        var account = await accounts.CreateAsync(request.Email, request.Password, http.RequestAborted);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.Principal(account.Id, account.Email));
        return TypedResults.Created("/api/auth/me", new Instructor(account.Id, account.Email));
    }
}
