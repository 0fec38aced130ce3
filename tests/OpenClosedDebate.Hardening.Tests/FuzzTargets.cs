namespace OpenClosedDebate.Hardening.Tests;

/// <summary>A student a fuzzed call can name: their debate, id and resume token.</summary>
internal sealed record FuzzStudent(Guid Debate, Guid Id, string Token);

/// <summary>What <see cref="FuzzTargets"/> holds at one moment.</summary>
internal sealed record FuzzPool(Guid Walked, int Round, Guid[] Debates, string[] Codes, FuzzStudent[] Students, Guid[] Arguments);

/// <summary>
/// What the hub fuzz aims at: the ids, join codes and resume tokens of real debates, students and
/// arguments, the owner's and another instructor's. <see cref="Walked"/> is the debate the test walks
/// through its phases, which the owner's fuzz never ends, skips or kicks from.
/// </summary>
internal sealed class FuzzTargets(Guid walked)
{
    private readonly Lock _lock = new();
    private readonly List<Guid> _debates = [];
    private readonly List<string> _codes = [];
    private readonly List<FuzzStudent> _students = [];
    private readonly List<Guid> _arguments = [];

    public Guid Walked { get; } = walked;

    /// <summary>The walked debate's current round, which most ballots name.</summary>
    public int Round { get; set; }

    public void Debate(Guid id, string code) => Add(() =>
    {
        _debates.Add(id);
        _codes.Add(code);
    });

    public void Student(FuzzStudent student) => Add(() => _students.Add(student));

    public void Argument(Guid id) => Add(() => _arguments.Add(id));

    public FuzzPool Read()
    {
        lock (_lock)
        {
            return new FuzzPool(Walked, Round, [.. _debates], [.. _codes], [.. _students], [.. _arguments]);
        }
    }

    private void Add(Action add)
    {
        lock (_lock)
        {
            add();
        }
    }
}
