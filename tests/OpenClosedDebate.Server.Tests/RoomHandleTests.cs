namespace OpenClosedDebate.Server.Tests;

using System.Reflection;
using System.Runtime.CompilerServices;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// What crosses a room handle is plain data, so the same call can go to a room in another process (docs/cluster.md):
/// every parameter and result of <see cref="IRoomHandle"/>, all the way down, is a value, a string, a record of
/// such, or a list or map of them; never a delegate, a room, a connection or a service.
/// </summary>
public sealed class RoomHandleTests(ITestOutputHelper output)
{
    private static readonly HashSet<Type> Leaves =
    [
        typeof(string), typeof(Guid), typeof(DateTimeOffset), typeof(DateTime), typeof(TimeSpan), typeof(decimal),
    ];

    private static readonly HashSet<Type> Lists =
    [
        typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyDictionary<,>), typeof(List<>), typeof(Dictionary<,>),
    ];

    [Fact]
    public void Every_call_on_a_room_handle_takes_and_returns_plain_data()
    {
        var methods = typeof(IRoomHandle).GetMethods();
        Assert.NotEmpty(methods);

        var problems = new List<string>();
        foreach (var method in methods)
        {
            foreach (var p in method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)))
            {
                Check(p.ParameterType, $"{method.Name}({p.Name})", problems, []);
            }

            Check(Unwrap(method.ReturnType), $"{method.Name} result", problems, []);
        }

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(typeof(Func<int>))]
    [InlineData(typeof(Room))]
    [InlineData(typeof(IServiceProvider))]
    [InlineData(typeof(Task<int>))]
    [InlineData(typeof(WithAClosure))]
    public void The_check_refuses_what_cannot_cross_a_process(Type type)
    {
        var problems = new List<string>();
        Check(type, "probe", problems, []);

        Assert.NotEmpty(problems);
    }

    private static Type Unwrap(Type returned) =>
        returned == typeof(Task) ? typeof(void)
        : returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Task<>) ? returned.GetGenericArguments()[0]
        : returned;

    private static void Check(Type type, string path, List<string> problems, HashSet<Type> seen)
    {
        if (type == typeof(void) || type.IsPrimitive || type.IsEnum || Leaves.Contains(type) || !seen.Add(type))
        {
            return;
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            Check(inner, path, problems, seen);
        }
        else if (type.IsArray)
        {
            Check(type.GetElementType()!, path, problems, seen);
        }
        else if (type.IsGenericType && Lists.Contains(type.GetGenericTypeDefinition()))
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Check(argument, path, problems, seen);
            }
        }
        else if (ListOfItems(type) is { } item)
        {
            Check(item, path, problems, seen);
        }
        else if (!IsRecord(type))
        {
            problems.Add($"{path}: {type} is not plain data");
        }
        else
        {
            // A record's whole value is its properties; an abstract one is each of its kinds.
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                Check(property.PropertyType, $"{path}.{property.Name}", problems, seen);
            }

            foreach (var kind in type.Assembly.GetTypes().Where(t => t != type && t.BaseType == type))
            {
                Check(kind, $"{path} ({kind.Name})", problems, seen);
            }
        }
    }

    /// <summary>
    /// A list type of our own (such as <c>ArgumentList</c>, which keeps its JSON) is data if it is made from its items
    /// alone: another process can rebuild it from them.
    /// </summary>
    private static Type? ListOfItems(Type type)
    {
        var list = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>));
        var madeFromItems = list is not null && type.IsSealed && type.GetConstructors().Any(c => c.GetParameters() is [var only] && only.ParameterType == list);
        return madeFromItems ? list!.GetGenericArguments()[0] : null;
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null
        || (type.IsValueType && type.GetCustomAttribute<CompilerGeneratedAttribute>() is null && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    /// <summary>A record that holds a closure: the check must see through the record to it.</summary>
    private sealed record WithAClosure(Guid Id, Func<int> Later);
}
