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

    // The hub's payload options: SignalR's defaults plus the enum converter Program.cs adds.
    private static readonly JsonSerializerOptions HubJson = HubPayloadOptions();

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
            _presence.Add($"connection-{id:N}", Audience.Student, id);
        }

        _studentSnapshot = Snapshots.ForStudent(_debate, _student, _now, PerSide);
        _instructorSnapshot = Snapshots.ForInstructor(_debate, _presence, _now, PerSide);
    }

    [Benchmark(Baseline = true)]
    public RoomSnapshot ForStudent() => Snapshots.ForStudent(_debate, _student, _now, PerSide);

    [Benchmark]
    public RoomSnapshot ForInstructor() => Snapshots.ForInstructor(_debate, _presence, _now, PerSide);

    [Benchmark]
    public RoomSnapshot ForProjector() => Snapshots.ForProjector(_debate, _now, PerSide);

    [Benchmark]
    public byte[] StudentToJson() => JsonSerializer.SerializeToUtf8Bytes(_studentSnapshot, HubJson);

    [Benchmark]
    public byte[] InstructorToJson() => JsonSerializer.SerializeToUtf8Bytes(_instructorSnapshot, HubJson);

    // The hub's payload options as the server sets them up (Program.cs).
    private static JsonSerializerOptions HubPayloadOptions() => WireJson.Apply(new JsonHubProtocolOptions().PayloadSerializerOptions);
}
