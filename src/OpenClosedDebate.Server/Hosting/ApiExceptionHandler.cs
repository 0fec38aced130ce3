namespace OpenClosedDebate.Server.Hosting;

using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Auth;
using OpenClosedDebate.Server.Hubs;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.RateLimiting;
using OpenClosedDebate.Server.Security;
using MediaTypeHeaderValue = Microsoft.Net.Http.Headers.MediaTypeHeaderValue;

/// <summary>Turns refusals and unreadable requests into problem details a person can read.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, code) = exception switch
        {
            DebateRuleException e => (StatusOf(e.Error), e.Message, HubErrorFilter.Code(e.Error)),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, BodyLimits.Describe(http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize), BodyLimits.Code),
            BadHttpRequestException e => (e.StatusCode, "The request couldn't be read: " + (e.InnerException?.Message ?? e.Message), "invalidRequest"),
            AccountException e => (StatusCodes.Status400BadRequest, e.Message, "invalidAccount"),
            StorageUnavailableException e => (StatusCodes.Status503ServiceUnavailable, e.Message, "storageUnavailable"),
            _ when StorageUnavailableException.IsDatabaseFailure(exception) => (StatusCodes.Status503ServiceUnavailable, StorageUnavailableException.Unreachable, "storageUnavailable"),
            // A cluster's shared limits (the sign-in window) are in Redis; while it can't be reached, say so and lose nothing.
            _ when SharedRedis.IsOutage(exception) => (StatusCodes.Status503ServiceUnavailable, "The server can't reach the store its nodes share just now. Try again in a few seconds.", "storageUnavailable"),
            InvalidOperationException when HasUnknownCharset(http.Request) =>
                (StatusCodes.Status415UnsupportedMediaType, "The request's charset isn't one the server can read. Send JSON in UTF-8.", "invalidRequest"),
            _ => (0, string.Empty, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        http.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = title };
        details.Extensions["code"] = code;
        if (exception is DebateRuleException { FieldErrors.Count: > 0 } rule)
        {
            details.Extensions["errors"] = rule.FieldErrors;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    /// <summary>A Content-Type naming a charset .NET doesn't know, which ASP.NET's JSON reading throws on.</summary>
    private static bool HasUnknownCharset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset.Length == 0)
        {
            return false;
        }

        try
        {
            _ = Encoding.GetEncoding(type.Charset.ToString());
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static int StatusOf(DebateError error) => error switch
    {
        DebateError.NotFound => StatusCodes.Status404NotFound,
        DebateError.WrongStatus or DebateError.WrongPhase or DebateError.Paused or DebateError.DeadlinePassed
            or DebateError.RoomLocked or DebateError.RoomFull or DebateError.NameTaken or DebateError.NotTimed or DebateError.AlreadyJoined => StatusCodes.Status409Conflict,
        DebateError.Kicked or DebateError.Left or DebateError.Muted or DebateError.InvalidToken or DebateError.NotAdmitted => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };
}
