namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Net.Http.Json;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>Running a debate again with another class: <c>POST /api/debates/{id}/duplicate</c>.</summary>
public sealed class DuplicateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Duplicating_a_finished_debate_makes_a_new_draft_with_its_plan_a_new_join_code_and_no_students_or_results()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);
        var original = (await room.Teacher.Http.GetFromJsonAsync<DebateDetail>($"/api/debates/{room.Debate.Id}", Wire.Json, Ct))!;

        using var response = await room.Teacher.Http.PostAsync($"/api/debates/{room.Debate.Id}/duplicate", null, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var copy = (await response.Content.ReadFromJsonAsync<DebateDetail>(Wire.Json, Ct))!;
        Assert.Equal($"/api/debates/{copy.Id}", response.Headers.Location?.OriginalString);
        Assert.NotEqual(original.Id, copy.Id);
        Assert.NotEqual(original.JoinCode, copy.JoinCode);
        Assert.Equal(DebateStatus.Draft, copy.Status);
        Assert.Equal(0, copy.ParticipantCount);
        Assert.Null(copy.StartedAt);
        Assert.Equal(Json(original.Plan), Json(copy.Plan));

        await using var console = await room.Teacher.ConnectAsync();
        var snapshot = await console.AttachAsync(copy.Id);
        Assert.Empty(snapshot.Roster!);
        Assert.Empty(snapshot.Results);
        var list = (await room.Teacher.Http.GetFromJsonAsync<List<DebateListItem>>("/api/debates", Wire.Json, Ct))!;
        Assert.Equal([copy.Id, original.Id], list.Select(d => d.Id));
        Assert.Equal(3, list[1].ParticipantCount);
    }

    [Fact]
    public async Task A_duplicate_takes_the_plan_as_last_edited_and_later_edits_to_either_leave_the_other_alone()
    {
        await using var server = new DebateServer();
        var teacher = await server.TeacherAsync();
        var original = await teacher.CreateFromTemplateAsync();
        (await teacher.Http.PutAsJsonAsync($"/api/debates/{original.Id}/plan", Scenario.OneArgumentRound() with { Motion = "Weights should be published." }, Wire.Json, Ct)).EnsureSuccessStatusCode();

        using var response = await teacher.Http.PostAsync($"/api/debates/{original.Id}/duplicate", null, Ct);
        var copy = (await response.Content.ReadFromJsonAsync<DebateDetail>(Wire.Json, Ct))!;
        (await teacher.Http.PutAsJsonAsync($"/api/debates/{copy.Id}/plan", Scenario.OneArgumentRound() with { Motion = "Weights should stay private." }, Wire.Json, Ct)).EnsureSuccessStatusCode();

        Assert.Equal("Weights should be published.", copy.Plan.Motion);
        Assert.Single(copy.Plan.Rounds);
        var reread = (await teacher.Http.GetFromJsonAsync<DebateDetail>($"/api/debates/{original.Id}", Wire.Json, Ct))!;
        Assert.Equal("Weights should be published.", reread.Plan.Motion);
    }

    [Fact]
    public async Task Another_instructor_cannot_duplicate_a_debate_that_is_not_theirs()
    {
        await using var server = new DebateServer();
        var owner = await server.TeacherAsync();
        var other = await server.TeacherAsync("other@example.edu");
        var debate = await owner.CreateFromTemplateAsync();

        using var response = await other.Http.PostAsync($"/api/debates/{debate.Id}/duplicate", null, Ct);

        Assert.Equal("notFound", (await Problem.ReadAsync(response, HttpStatusCode.NotFound)).Code);
        Assert.Empty((await other.Http.GetFromJsonAsync<List<DebateListItem>>("/api/debates", Wire.Json, Ct))!);
    }

    private static string Json(DebatePlan plan) => System.Text.Json.JsonSerializer.Serialize(plan, Wire.Json);
}
