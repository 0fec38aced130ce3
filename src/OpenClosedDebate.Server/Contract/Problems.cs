namespace OpenClosedDebate.Server.Contract;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenClosedDebate.Domain.Debates;

/// <summary>Problem details with a readable title and a code a client can branch on.</summary>
internal static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string code) =>
        TypedResults.Problem(title: title, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>Writes one directly, for places outside endpoints such as the cookie handler's events.</summary>
    public static async Task WriteAsync(HttpContext http, int status, string title, string code)
    {
        http.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = title };
        details.Extensions["code"] = code;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details });
    }
}

/// <summary>
/// What a refusal of the REST API carries (RFC 9457 problem details, as <see cref="Problems"/> and the exception
/// handler write them), as the API document and the client's types describe it. <c>errors</c> comes with
/// <c>invalidPlan</c> only: every problem of the plan, each with its field; <c>type</c> names the HTTP status's section of
/// RFC 9110 and <c>traceId</c> the request in the server's log.
/// </summary>
public sealed record Problem(string Title, int Status, string Code, IReadOnlyList<FieldError>? Errors = null, string? Type = null, string? TraceId = null);
