namespace OpenClosedDebate.Benchmarks;

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// The snapshot each audience gets on join, resume, attach and watch, in a room of 2,000 students:
/// round 0 argued (1,000 arguments), voted on by everyone and closed; round 1 argued (1,000 more)
/// and, during its vote, voted on by everyone. After a server restart every phone resumes, so the
/// room builds and sends one student snapshot per student. Snapshots carry the default number of each
/// side's newest arguments (<see cref="RoomOptions.SnapshotArgumentsPerSide"/>), not all 2,000.
/// </summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private const int ArgumentsPerRound = 1000;

    private static readonly int PerSide = new RoomOptions().SnapshotArgumentsPerSide;

    // The hub's payload options: SignalR's defaults with the wire conventions Program.cs applies.
    private static readonly JsonSerializerOptions HubJson = HubPayloadOptions();

    private readonly Snapshots _snapshots = new(PerSide, new RoomFeed());

    private Debate _debate = null!;
    private Participant _student = null!;
    private RoomPresence _presence = null!;
    private DateTimeOffset _now;
    private RoomSnapshot _studentSnapshot = null!;
    private RoomSnapshot _instructorSnapshot = null!;

    [Params(Phase.Argue, Phase.Vote)]
    public Phase During { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var hall = new LectureHall(rounds: 2).Argue(ArgumentsPerRound).Skip().VoteAll().Skip().Skip().Argue(ArgumentsPerRound, firstAuthor: ArgumentsPerRound);
        if (During == Phase.Vote)
        {
            hall.Skip().VoteAll();
        }

        _debate = hall.Debate;
        _now = hall.Now;
        _student = _debate.FindParticipant(hall.StudentIds[LectureHall.Students / 2])!;
        _presence = new RoomPresence();
        foreach (var id in hall.StudentIds)
        {
            _presence.Add($"connection-{id:N}", ThisNode.Single.Name, Audience.Student, id);
        }

        _studentSnapshot = _snapshots.ForStudent(_debate, _student, _now);
        _instructorSnapshot = _snapshots.ForInstructor(_debate, _presence, _now);
    }

    [Benchmark(Baseline = true)]
    public RoomSnapshot ForStudent() => _snapshots.ForStudent(_debate, _student, _now);

    [Benchmark]
    public RoomSnapshot ForInstructor() => _snapshots.ForInstructor(_debate, _presence, _now);

    [Benchmark]
    public RoomSnapshot ForProjector() => _snapshots.ForProjector(_debate, _now);

    [Benchmark]
    public byte[] StudentToJson() => JsonSerializer.SerializeToUtf8Bytes(_studentSnapshot, HubJson);

    [Benchmark]
    public byte[] InstructorToJson() => JsonSerializer.SerializeToUtf8Bytes(_instructorSnapshot, HubJson);

    private static JsonSerializerOptions HubPayloadOptions() => WireJson.Apply(new JsonHubProtocolOptions().PayloadSerializerOptions);
}
