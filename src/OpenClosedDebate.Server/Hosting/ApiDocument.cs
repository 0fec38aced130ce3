namespace OpenClosedDebate.Server.Hosting;

using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Hubs;
using OpenClosedDebate.Server.Security;
using Scalar.AspNetCore;

/// <summary>
/// The one description of the wire contract, made by ASP.NET Core from the code, so it can't drift from it: the REST
/// API from the endpoints as they are mapped, the hub's methods and messages from <see cref="DebateHub"/> and
/// <see cref="IDebateClient"/>, and the limits from <see cref="DebateLimits"/>. Served at <see cref="Route"/>; the
/// client's types are generated from it (client/contract), and protocol.md is the prose beside it.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";

    public const string Route = "/api/openapi/{documentName}.json";

    /// <summary>The schema of the hub's methods: each by name, with the arguments it takes and the result it gives.</summary>
    public const string HubMethodsSchema = "HubMethods";

    /// <summary>The schema of what the server calls on a client: each method by name, with its one argument.</summary>
    public const string ClientMethodsSchema = "ClientMethods";

    /// <summary>The document's extension that carries <see cref="DebateLimits"/>, by camelCase name.</summary>
    public const string LimitsExtension = "x-limits";

    public static void Configure(OpenApiOptions options)
    {
        options.AddSchemaTransformer((schema, context, _) =>
        {
            WireSchema.Correct(schema, context);
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer(async (document, context, cancellationToken) =>
        {
            document.Info.Title = "OpenClosedDebate REST API";
            document.Info.Description = "Sign-in, debates and their plans, reviews and exports. The live debate runs over the SignalR hub at /hubs/debate (docs/protocol.md §3–§4); its methods and messages are the HubMethods and ClientMethods schemas.";
            // The address the document was fetched from says nothing about the API, and would make the document differ by host.
            document.Servers = [];
            var hub = new HubSchemas(document, context, cancellationToken);
            await hub.AddAsync(HubMethodsSchema, HubMethods(), "The hub's methods (docs/protocol.md §3), each with the arguments it takes, in order, and its result (null: none). Not a request body.");
            await hub.AddAsync(ClientMethodsSchema, ClientMethods(), "What the server calls on a connected client (docs/protocol.md §4), each with its one argument. Not a request body.");
            foreach (var type in ExtraSchemas)
            {
                await hub.AddTypeAsync(type);
            }
            WireSchema.WithoutNullValues(document);
            document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            document.Extensions[LimitsExtension] = new JsonNodeExtension(Limits());
        });
    }

    /// <summary>Where the document is rendered for people to read: /api/openapi/reference/v1.</summary>
    public const string ReferencePrefix = "/api/openapi/reference";

    /// <summary>
    /// Serves the document rendered by Scalar, from the script embedded in its package: nothing is fetched from
    /// another site, nothing is reported anywhere, and the page has a policy of its own that runs only that
    /// script and this request's inline configuration (<see cref="SecurityHeaders.ReferencePolicy"/>).
    /// </summary>
    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(ReferencePrefix, (options, http) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            http.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ReferencePolicy(nonce);
            options.WithTitle("OpenClosedDebate API reference")
                .WithOpenApiRoutePattern(Route)
                .WithNonce(nonce)
                .DisableTelemetry()
                .DisableDefaultFonts()
                .DisableAgent()
                .DisableMcp()
                .HideClientButton()
                .HideDeveloperTools();
        });

    /// <summary>The hub's methods as a client calls them: public, declared on the hub, not SignalR's own overrides.</summary>
    public static IEnumerable<MethodInfo> HubMethodInfos() =>
        typeof(DebateHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsVirtual)
            .OrderBy(m => m.MetadataToken);

    private static IEnumerable<(string Name, Type[] Arguments, Type? Result)> HubMethods() =>
        HubMethodInfos().Select(m => (m.Name, m.GetParameters().Select(p => p.ParameterType).ToArray(), ResultOf(m.ReturnType)));

    private static IEnumerable<(string Name, Type[] Arguments, Type? Result)> ClientMethods() =>
        typeof(IDebateClient).GetMethods().OrderBy(m => m.MetadataToken)
            .Select(m => (m.Name, m.GetParameters().Select(p => p.ParameterType).ToArray(), (Type?)null));

    private static Type? ResultOf(Type returned) =>
        returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Task<>) ? returned.GetGenericArguments()[0] : null;

    /// <summary>Types a client needs that no endpoint or hub method names: the REST API's refusals.</summary>
    private static readonly Type[] ExtraSchemas = [typeof(Problem)];

    /// <summary>Every public constant of <see cref="DebateLimits"/>, by its name in camelCase.</summary>
    public static JsonObject Limits()
    {
        var limits = new JsonObject();
        foreach (var field in typeof(DebateLimits).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).OrderBy(f => f.MetadataToken))
        {
            limits[JsonNamingPolicy.CamelCase.ConvertName(field.Name)] = (int)field.GetRawConstantValue()!;
        }
        return limits;
    }

    /// <summary>Adds the hub's types to the document's components, by their names, and the method tables that use them.</summary>
    private sealed class HubSchemas(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        public async Task AddAsync(string name, IEnumerable<(string Name, Type[] Arguments, Type? Result)> methods, string description)
        {
            var table = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = description,
                Properties = new Dictionary<string, IOpenApiSchema>(),
                Required = new HashSet<string>(),
            };
            foreach (var (method, arguments, result) in methods)
            {
                var items = new List<IOpenApiSchema>();
                foreach (var argument in arguments)
                {
                    items.Add(await ReferenceAsync(argument));
                }
                table.Properties[method] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "args", "result" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["args"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array,
                            MinItems = items.Count,
                            MaxItems = items.Count,
                            // Microsoft.OpenApi has no property for JSON Schema's tuple keyword, so it is written as it reads.
                            Extensions = new Dictionary<string, IOpenApiExtension> { ["prefixItems"] = new JsonNodeExtension(new JsonArray([.. items.Select(AsJson)])) },
                        },
                        ["result"] = result is null ? new OpenApiSchema { Type = JsonSchemaType.Null } : await ReferenceAsync(result),
                    },
                };
                table.Required.Add(method);
            }
            Components()[name] = table;
        }

        /// <summary>A named type as a reference to its component (added if missing); a simple one inline.</summary>
        public async Task AddTypeAsync(Type type) => await ReferenceAsync(type);

        public async Task<IOpenApiSchema> ReferenceAsync(Type type) =>
            Named(await context.GetOrCreateSchemaAsync(type, null, cancellationToken));

        /// <summary>
        /// Replaces every schema of a named type, at any depth, with a reference to its component, as the REST
        /// endpoints' schemas are (a document transformer's schemas come with their types inlined:
        /// dotnet/aspnetcore#67657). A nullable one becomes "null or the reference".
        /// </summary>
        private IOpenApiSchema Named(IOpenApiSchema given)
        {
            if (given is not OpenApiSchema schema)
            {
                return given;
            }
            if (schema.Properties is { } properties)
            {
                foreach (var name in properties.Keys.ToList())
                {
                    properties[name] = Named(properties[name]);
                }
            }
            schema.Items = schema.Items is null ? null : Named(schema.Items);
            schema.AdditionalProperties = schema.AdditionalProperties is null ? null : Named(schema.AdditionalProperties);
            NameAll(schema.AnyOf);
            NameAll(schema.OneOf);
            NameAll(schema.AllOf);
            if (schema.Discriminator?.Mapping is { } mapping && schema.AnyOf is { Count: > 0 } kinds && kinds.Count == mapping.Count)
            {
                // The mapping names the derived types as ASP.NET Core would have named their components; point it at
                // the ones made here, which are in the same order as the mapping. Every one of them carries the
                // discriminator: the server always writes it.
                var values = mapping.Keys.ToList();
                for (var i = 0; i < values.Count; i++)
                {
                    var kind = (OpenApiSchemaReference)kinds[i];
                    mapping[values[i]] = kind;
                    if (Components()[kind.Reference.Id!] is OpenApiSchema derived)
                    {
                        derived.Type = JsonSchemaType.Object;
                        (derived.Required ??= new HashSet<string>()).Add(schema.Discriminator.PropertyName!);
                    }
                }
            }

            if (schema.Metadata is not { } metadata || !metadata.TryGetValue(SchemaId, out var named) || named is not string { Length: > 0 } id)
            {
                return schema;
            }
            var nullable = metadata.TryGetValue(NullableProperty, out var flag) && flag is true;
            if (nullable)
            {
                schema.Type &= ~JsonSchemaType.Null;
                schema.Enum = schema.Enum?.Where(value => value is not null).ToList();
            }
            metadata.Remove(NullableProperty);
            Components().TryAdd(id, schema);
            var reference = new OpenApiSchemaReference(id, document);
            return nullable ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] } : reference;
        }

        private void NameAll(IList<IOpenApiSchema>? schemas)
        {
            for (var i = 0; schemas is not null && i < schemas.Count; i++)
            {
                schemas[i] = Named(schemas[i]);
            }
        }

        // The keys ASP.NET Core's schema service leaves on a schema it made: the component name it would give it,
        // and whether it stands for a nullable property.
        private const string SchemaId = "x-schema-id";
        private const string NullableProperty = "x-is-nullable-property";

        private static JsonNode AsJson(IOpenApiSchema schema)
        {
            using var text = new StringWriter();
            schema.SerializeAsV31(new OpenApiJsonWriter(text));
            return JsonNode.Parse(text.ToString())!;
        }

        private IDictionary<string, IOpenApiSchema> Components()
        {
            document.Components ??= new OpenApiComponents();
            return document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        }
    }
}
