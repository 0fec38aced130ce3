namespace OpenClosedDebate.Server.Contract;

using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// The arguments of a snapshot. On the wire it is a plain JSON array of <see cref="ArgumentView"/>.
/// One list can be shared by every snapshot of a room at one version (the arguments every student
/// sees), and is then serialised once: after a restart, 2,000 resuming phones would otherwise each
/// serialise the same arguments again. A student's own arguments are added to the shared list with
/// <see cref="With"/>, which reuses the shared list's JSON.
/// </summary>
[JsonConverter(typeof(ArgumentListConverter))]
public sealed class ArgumentList(IReadOnlyList<ArgumentView> items) : IReadOnlyList<ArgumentView>
{
    private readonly ArgumentList? _shared;
    private readonly IReadOnlyList<ArgumentView>? _more;
    private Serialised? _serialised;

    private ArgumentList(ArgumentList shared, IReadOnlyList<ArgumentView> more)
        : this([.. shared, .. more])
    {
        _shared = shared;
        _more = more;
    }

    public int Count => items.Count;

    public ArgumentView this[int index] => items[index];

    public IEnumerator<ArgumentView> GetEnumerator() => items.GetEnumerator();

    /// <summary>This list followed by <paramref name="more"/>.</summary>
    public ArgumentList With(IReadOnlyList<ArgumentView> more) => new(this, more);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The list as JSON under <paramref name="options"/>, serialised on first use and kept.</summary>
    internal byte[] Json(JsonSerializerOptions options)
    {
        if (_serialised is { } kept && ReferenceEquals(kept.Options, options))
        {
            return kept.Json;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(_more ?? items, options);
        if (_shared is not null && _more!.Count > 0)
        {
            // "[a,b]" and "[c]" make "[a,b,c]".
            var shared = _shared.Json(options);
            var joined = new byte[shared.Length + json.Length - (shared.Length > 2 ? 1 : 2)];
            shared.AsSpan(0, shared.Length - 1).CopyTo(joined);
            var at = shared.Length - 1;
            if (shared.Length > 2)
            {
                joined[at++] = (byte)',';
            }

            json.AsSpan(1).CopyTo(joined.AsSpan(at));
            json = joined;
        }

        _serialised = new Serialised(options, json);
        return json;
    }

    private sealed record Serialised(JsonSerializerOptions Options, byte[] Json);
}

/// <summary>Writes an <see cref="ArgumentList"/>'s kept JSON as it is; reads a plain array.</summary>
internal sealed class ArgumentListConverter : JsonConverter<ArgumentList>
{
    public override ArgumentList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<List<ArgumentView>>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, ArgumentList value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json(options), skipInputValidation: true);
}
