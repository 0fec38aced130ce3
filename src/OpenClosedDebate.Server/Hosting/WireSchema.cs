namespace OpenClosedDebate.Server.Hosting;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// Describes values as the server writes them, where ASP.NET Core's schema generator can't see it: text goes through
/// a converter of our own (<see cref="Contract.WireJson"/>), which the generator describes as "anything", and numbers
/// are described as "number or numeric string" because the REST API reads numbers written as strings too. A client
/// is sent numbers and should send numbers, so that is what the document says. <see cref="ArgumentList"/> is written
/// by a converter of its own too: it is an array of <see cref="ArgumentView"/>. And an enum's component can come
/// with <c>null</c> among its values when its first use was a nullable property, whose own schema already says
/// "null or the enum" (<see cref="WithoutNullValues"/>).
/// </summary>
internal static class WireSchema
{
    public static void Correct(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var (type, property) = (context.JsonTypeInfo.Type, context.JsonPropertyInfo);
        if (type == typeof(ArgumentList))
        {
            schema.Type = JsonSchemaType.Array;
            schema.Items = new OpenApiSchemaReference(nameof(ArgumentView), context.Document);
        }
        else if (type == typeof(string))
        {
            schema.Type = JsonSchemaType.String | (property is { IsGetNullable: true } ? JsonSchemaType.Null : 0);
        }
        else if (schema.Items is null && schema.Type?.HasFlag(JsonSchemaType.Array) == true && typeof(IEnumerable<string>).IsAssignableFrom(type))
        {
            // A list of text loses its items altogether, for the same reason.
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }
        else if (schema.Type is { } kind && kind.HasFlag(JsonSchemaType.String) && (kind.HasFlag(JsonSchemaType.Integer) || kind.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = kind & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }

    /// <summary>Takes <c>null</c> out of every named enum: where one may be null, its use says so.</summary>
    public static void WithoutNullValues(OpenApiDocument document)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Enum is { } values && values.Any(v => v is null))
            {
                schema.Enum = [.. values.Where(v => v is not null)];
            }
        }
    }
}
