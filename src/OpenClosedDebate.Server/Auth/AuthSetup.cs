namespace OpenClosedDebate.Server.Auth;

using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.RateLimiting;
using RedisRateLimiting;

/// <summary>Instructors sign in with a cookie; students have no account.</summary>
internal static class AuthSetup
{
    public const string InstructorPolicy = "Instructor";
    public const string InstructorRole = "Instructor";

    /// <summary>The rate limit on sign-in and setup attempts from one address.</summary>
    public const string SignInLimit = "sign-in";

    public static IServiceCollection AddInstructorAuth(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "ocd.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;

                // An API answers 401/403; it never redirects to a sign-in page.
                o.Events.OnRedirectToLogin = c => Problems.WriteAsync(c.HttpContext, StatusCodes.Status401Unauthorized, "Sign in as an instructor first.", "unauthenticated");
                o.Events.OnRedirectToAccessDenied = c => Problems.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden, "Only instructors can do that.", "forbidden");
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(InstructorPolicy, p => p.RequireAuthenticatedUser().RequireRole(InstructorRole));
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInLimit, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.SignInsPerMinutePerAddress;
                var address = AddressKey.Of(http.Connection.RemoteIpAddress);

                // In a cluster the window's count is kept in Redis, so an address has its attempts once, not once per node.
                return http.RequestServices.GetService<SharedRedis>() is { } redis
                    ? RedisRateLimitPartition.GetFixedWindowRateLimiter(
                        redis.Key($"sign-in-window:{address}").ToString(),
                        _ => new RedisFixedWindowRateLimiterOptions { ConnectionMultiplexerFactory = () => redis.Connection, PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetFixedWindowLimiter(
                        address,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });
            });
            o.OnRejected = async (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await Problems.WriteAsync(
                    context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many sign-in attempts from here. Wait a minute and try again.", "tooManyAttempts");
            };
        });
        return services;
    }

    public static ClaimsPrincipal Principal(Guid instructorId, string email) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, instructorId.ToString()),
            new Claim(ClaimTypes.Name, email),
            new Claim(ClaimTypes.Role, InstructorRole),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme));

    public static Guid InstructorId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
