namespace OpenClosedDebate.Server.Hosting;

using OpenClosedDebate.Server.Contract;

/// <summary>GET /api/join-address: the address the projector and the console show students.</summary>
internal static class JoinAddressApi
{
    public static RouteHandlerBuilder MapJoinAddressApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/join-address", (JoinAddresses addresses, HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok<JoinAddressView>(addresses.For(http));
            })
            .WithTags("Join");
}
