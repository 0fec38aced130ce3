namespace OpenClosedDebate.Server.Tests;

using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// Stored events keep their names and shapes whatever the classes are called. History/every-event-v1.json holds one
/// event of each stored name as today's version writes it; reading it back and writing it again must give the same
/// record, so renaming a class or a property, or changing a payload's shape without a new stored name, fails here.
/// To add a new kind of event, give it a stored name and run with OCD_WRITE_GOLDEN=1 to add its sample to the file.
/// </summary>
public sealed class StoredEventNameTests
{
    private static readonly string GoldenPath = Path.Combine(AppContext.BaseDirectory, "History", "every-event-v1.json");

    [Fact]
    public void Every_kind_of_event_has_one_stored_name_of_its_own()
    {
        var kinds = typeof(DebateEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DebateEvent)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(kinds.OrderBy(t => t.Name), StoredEventNames.All.Values.OrderBy(t => t.Name));
        Assert.Equal(StoredEventNames.All.Count, StoredEventNames.All.Values.Distinct().Count());
        Assert.All(kinds, t => Assert.Equal(t, StoredEventNames.TypeOf(StoredEventNames.NameOf(t))));
    }

    [Fact]
    public void Events_stored_by_this_version_read_back_and_are_written_again_exactly_as_stored()
    {
        var golden = ReadGolden();
        if (GoldenFile.Writing)
        {
            golden = WriteMissing(golden);
        }

        Assert.Equal(StoredEventNames.All.Keys.Order(StringComparer.Ordinal), golden.Select(r => r.Type).Order(StringComparer.Ordinal));
        foreach (var stored in golden)
        {
            var again = EventCodec.ToRecord(stored.DebateId, EventCodec.FromRecord(stored));

            Assert.Equal(stored.Type, again.Type);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored.Payload), JsonNode.Parse(again.Payload)), $"{stored.Type} was stored as\n{stored.Payload}\nbut is written today as\n{again.Payload}");
            Assert.Equal((stored.Seq, stored.At, stored.ParticipantId, stored.RequestId), (again.Seq, again.At, again.ParticipantId, again.RequestId));
        }
    }

    private static List<DebateEventRecord> ReadGolden() =>
        File.Exists(GoldenPath)
            ? [.. JsonNode.Parse(File.ReadAllText(GoldenPath))!.AsArray().Select(Record)]
            : [];

    private static DebateEventRecord Record(JsonNode? node) => new()
    {
        DebateId = Guid.Parse("dddddddd-0000-4000-8000-000000000000"),
        Seq = node!["seq"]!.GetValue<long>(),
        Type = node["type"]!.GetValue<string>(),
        At = node["at"]!.GetValue<DateTimeOffset>(),
        ParticipantId = node["participantId"]?.GetValue<Guid>(),
        RequestId = node["requestId"]?.GetValue<string>(),
        Payload = node["payload"]!.ToJsonString(),
    };

    /// <summary>Adds a sample of each stored name the file lacks, and writes the file into the source tree.</summary>
    private static List<DebateEventRecord> WriteMissing(List<DebateEventRecord> golden)
    {
        var have = golden.Select(r => r.Type).ToHashSet(StringComparer.Ordinal);
        var added = StoredEventNames.All
            .Where(p => !have.Contains(p.Key))
            .Select((p, i) => EventCodec.ToRecord(Guid.Empty, (DebateEvent)new Samples().Of(p.Value) with { Seq = golden.Count + i + 1, At = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero).AddSeconds(golden.Count + i) }));
        var all = golden.Concat(added).ToList();
        var json = new JsonArray([.. all.Select(r => new JsonObject
        {
            ["seq"] = r.Seq,
            ["type"] = r.Type,
            ["at"] = r.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["participantId"] = r.ParticipantId?.ToString(),
            ["requestId"] = r.RequestId,
            ["payload"] = JsonNode.Parse(r.Payload),
        })]).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "History", "every-event-v1.json"));
        File.WriteAllText(source, json + "\n");
        return all;
    }

    /// <summary>A value for every constructor parameter and settable property, distinct from the type's defaults.</summary>
    private sealed class Samples
    {
        private int _next;

        public object Of(Type type)
        {
            _next++;
            if (Nullable.GetUnderlyingType(type) is { } inner)
            {
                return Of(inner);
            }

            if (type == typeof(string))
            {
                return $"text {_next}";
            }

            if (type == typeof(int) || type == typeof(long) || type == typeof(double))
            {
                return Convert.ChangeType(_next, type, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (type == typeof(bool))
            {
                return true;
            }

            if (type == typeof(Guid))
            {
                return new Guid($"00000000-0000-4000-8000-{_next:D12}");
            }

            if (type == typeof(DateTimeOffset))
            {
                return new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero).AddSeconds(_next);
            }

            if (type == typeof(TimeSpan))
            {
                return TimeSpan.FromSeconds(30 + _next);
            }

            if (type.IsEnum)
            {
                var values = Enum.GetValues(type);
                return values.GetValue(values.Length - 1)!;
            }

            if (type.IsArray)
            {
                var array = Array.CreateInstance(type.GetElementType()!, 1);
                array.SetValue(Of(type.GetElementType()!), 0);
                return array;
            }

            if (type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable).IsAssignableFrom(type))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                list.Add(Of(element));
                return list;
            }

            if (type.IsGenericType && type.GetGenericArguments() is [var key, var value] && typeof(IEnumerable).IsAssignableFrom(type))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(key, value))!;
                dictionary.Add(Of(key), Of(value));
                return dictionary;
            }

            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var made = constructor.Invoke([.. constructor.GetParameters().Select(p => Of(p.ParameterType))]);
            var set = constructor.GetParameters().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !set.Contains(p.Name) && p.DeclaringType != typeof(DebateEvent)))
            {
                property.SetValue(made, Of(property.PropertyType));
            }

            return made;
        }
    }
}
