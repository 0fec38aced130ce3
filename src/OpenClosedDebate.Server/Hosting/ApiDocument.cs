namespace OpenClosedDebate.Server.Hosting;

using Microsoft.AspNetCore.OpenApi;

/// <summary>
/// The OpenAPI document of the REST API, made by ASP.NET Core from the endpoints as they are mapped, so it can't
/// drift from them. Served at <see cref="Route"/>; protocol.md §5 is the prose beside it.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";

    public const string Route = "/api/openapi/{documentName}.json";

    public static void Configure(OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OpenClosedDebate REST API";
            document.Info.Description = "Sign-in, debates and their plans, reviews and exports. The live debate runs over the SignalR hub at /hubs/debate (docs/protocol.md §3–§4).";
            return Task.CompletedTask;
        });
}
