namespace OpenClosedDebate.Server.Security;

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using OpenClosedDebate.Server.Contract;

/// <summary>Request bodies are refused by size before they are read.</summary>
internal static class BodyLimits
{
    public const string Code = "requestTooLarge";

    /// <summary>
    /// After routing: applies the endpoint's own limit, and refuses a body whose declared length is over
    /// it before a byte of it is read (a client that sent "Expect: 100-continue" never sends it at all).
    /// A body without a declared length fails once reading passes the limit; the endpoint's body binding
    /// then answers 413 with nothing in it, so the same problem details are written here.
    /// </summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } own && feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = own.MaxRequestBodySize;
        }

        var limit = feature?.MaxRequestBodySize;
        if (http.Request.ContentLength <= limit || http.Request.ContentLength is null || limit is null)
        {
            await next(http);
            if (http.Response.StatusCode != StatusCodes.Status413PayloadTooLarge || http.Response.HasStarted)
            {
                return;
            }
        }

        // The rest of the body is never read, so the connection can't carry another request: say so,
        // rather than let the client send its next request into a socket that is about to close.
        http.Response.Headers.Connection = "close";
        await Problems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, Describe(limit), Code);
    });

    /// <summary>The refusal's sentence, naming the limit.</summary>
    public static string Describe(long? limit) =>
        limit is { } bytes ? $"The request is too large: this endpoint accepts at most {bytes} bytes." : "The request is too large.";
}
