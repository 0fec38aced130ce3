namespace OpenClosedDebate.Server.Tests;

using System.Reflection;
using System.Reflection.Emit;

/// <summary>
/// Which of an assembly's namespaces use which, read from the compiled code: base types, interfaces, fields,
/// signatures and every type or member a method body names. A compiler-made type (a lambda's closure, an async
/// state machine) counts as part of the namespace it was written in.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private NamespaceGraph(IReadOnlyDictionary<string, HashSet<string>> uses) => Uses = uses;

    /// <summary>Each namespace and the other namespaces of the same assembly it uses.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Uses { get; }

    public static NamespaceGraph Of(Assembly assembly, string root)
    {
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from is null || !from.StartsWith(root, StringComparison.Ordinal))
            {
                continue;
            }

            if (!uses.TryGetValue(from, out var set))
            {
                uses[from] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (var used in Referenced(type).Select(NamespaceOf).OfType<string>())
            {
                if (used != from && used.StartsWith(root, StringComparison.Ordinal))
                {
                    set.Add(used);
                }
            }
        }

        return new NamespaceGraph(uses);
    }

    /// <summary>Every group of namespaces that use each other in a loop, each sorted, largest first.</summary>
    public List<List<string>> Cycles()
    {
        // Tarjan's strongly connected components.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<List<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Uses.GetValueOrDefault(v) ?? [])
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);

                if (component.Count > 1)
                {
                    found.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var v in Uses.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return [.. found.OrderByDescending(c => c.Count)];
    }

    /// <summary>Why <paramref name="from"/> uses <paramref name="to"/>: the types in it that name a type of the other.</summary>
    public static IEnumerable<string> Reasons(Assembly assembly, string from, string to) =>
        assembly.GetTypes()
            .Where(t => NamespaceOf(t) == from)
            .SelectMany(t => Referenced(t).Where(r => NamespaceOf(r) == to).Select(r => $"{Outermost(t).Name} → {Outermost(r).Name}"))
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static string? NamespaceOf(Type type) => Outermost(type).Namespace;

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static HashSet<Type> Referenced(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var a in t.GetGenericArguments())
                {
                    Add(a);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var f in type.GetFields(all))
        {
            Add(f.FieldType);
        }

        foreach (var p in type.GetProperties(all))
        {
            Add(p.PropertyType);
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo m)
            {
                Add(m.ReturnType);
            }

            foreach (var p in method.GetParameters())
            {
                Add(p.ParameterType);
            }

            foreach (var t in BodyReferences(method))
            {
                Add(t);
            }
        }

        return found;
    }

    /// <summary>The types a method's IL names: in calls, field accesses, object creation, casts and tokens.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            OpCode op;
            if (il[i] == 0xFE)
            {
                op = OpCodesByValue[(short)(0xFE00 | il[i + 1])];
                i += 2;
            }
            else
            {
                op = OpCodesByValue[il[i]];
                i += 1;
            }

            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, i);
                Type? found = null;
                try
                {
                    found = module.ResolveMember(token, typeArgs, methodArgs) switch
                    {
                        Type t => t,
                        MemberInfo m => m.DeclaringType,
                        _ => null,
                    };
                }
                catch (ArgumentException)
                {
                }

                if (found is not null)
                {
                    yield return found;
                }
            }

            i += size;
        }
    }
}
