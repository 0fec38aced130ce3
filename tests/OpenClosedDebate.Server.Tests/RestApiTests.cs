namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>The REST API: health, sign-in, templates and the instructor's debates. The setup link is in <see cref="SetupLinkTests"/>.</summary>
public sealed class RestApiTests
{
    private const string Email = "teacher@example.edu";
    private const string Password = "correct horse battery";

    public static TheoryData<string, string> InvalidCreateRequests { get; } = new()
    {
        { Body(new CreateDebateRequest(null, Scenario.OneArgumentRound() with { Motion = "  " })), "The motion can't be empty." },
        { Body(new CreateDebateRequest(null, Scenario.OneArgumentRound() with { Rounds = [] })), "A debate needs at least one round." },
        { Body(new CreateDebateRequest(null, OneOptionRanking())), "Ranking round 1 needs between 2 and 12 options." },
        { Body(new CreateDebateRequest("no-such-template", null)), "There is no template called 'no-such-template'." },
        { Body(new CreateDebateRequest(null, null)), "Send a templateId or a plan." },
        { """{"plan": {"motion": """, "The request couldn't be read" },
        { """{"plan": {"motion": "Models should be open."}}""", "rounds" },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_is_200()
    {
        await using var server = new DebateServer();
        using var http = server.CreateClient();

        using var response = await http.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Email, "wrong password")]
    [InlineData("nobody@example.edu", Password)]
    public async Task A_wrong_sign_in_is_401_with_the_same_readable_title_whether_or_not_the_account_exists(string email, string password)
    {
        await using var server = new DebateServer();
        await server.TeacherAsync(Email, Password);
        using var http = server.CreateClient();

        using var response = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials(email, password), Wire.Json, Ct);

        Assert.Equal("The e-mail or password is wrong.", await Problem.TitleAsync(response, HttpStatusCode.Unauthorized));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Signing_in_sets_an_http_only_same_site_strict_cookie_that_identifies_the_instructor()
    {
        await using var server = new DebateServer();
        await server.TeacherAsync(Email, Password);
        using var http = server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        using var response = await http.PostAsJsonAsync("/api/auth/sign-in", new Credentials(" Teacher@Example.EDU ", Password), Wire.Json, Ct);

        response.EnsureSuccessStatusCode();
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        http.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        var me = await http.GetFromJsonAsync<Instructor>("/api/auth/me", Wire.Json, Ct);
        Assert.Equal(Email, me!.Email);
    }

    [Fact]
    public async Task Signing_out_expires_the_cookie_so_the_browser_is_anonymous_again()
    {
        await using var server = new DebateServer();
        await server.TeacherAsync(Email, Password);
        using var browser = server.CreateClient();
        (await browser.PostAsJsonAsync("/api/auth/sign-in", new Credentials(Email, Password), Wire.Json, Ct)).EnsureSuccessStatusCode();
        (await browser.GetAsync("/api/auth/me", Ct)).EnsureSuccessStatusCode();

        using var signOut = await browser.PostAsync("/api/auth/sign-out", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        using var me = await browser.GetAsync("/api/auth/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task The_templates_include_the_built_in_open_and_closed_models_debate()
    {
        await using var server = new DebateServer();
        var teacher = await server.TeacherAsync();

        var templates = await teacher.Http.GetFromJsonAsync<List<TemplateView>>("/api/templates", Wire.Json, Ct);

        var template = Assert.Single(templates!, t => t.Id == "open-and-closed-models");
        Assert.NotEmpty(template.Plan.Rounds);
    }

    [Fact]
    public async Task Creating_from_the_template_is_201_with_a_six_character_code_without_look_alike_characters()
    {
        await using var server = new DebateServer();
        var teacher = await server.TeacherAsync();

        using var response = await teacher.Http.PostAsJsonAsync("/api/debates", new CreateDebateRequest("open-and-closed-models", null), Wire.Json, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var debate = (await response.Content.ReadFromJsonAsync<DebateDetail>(Wire.Json, Ct))!;
        Assert.Matches("^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$", debate.JoinCode);
        Assert.Equal($"/api/debates/{debate.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(DebateStatus.Draft, debate.Status);
    }

    [Fact]
    public async Task Creating_from_a_plan_written_from_scratch_is_201_with_that_plan()
    {
        await using var server = new DebateServer();
        var teacher = await server.TeacherAsync();
        var plan = Scenario.OneArgumentRound() with { Motion = "  Weights should be published.  " };

        using var response = await teacher.Http.PostAsJsonAsync("/api/debates", new CreateDebateRequest(null, plan), Wire.Json, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var debate = (await response.Content.ReadFromJsonAsync<DebateDetail>(Wire.Json, Ct))!;
        Assert.Equal("Weights should be published.", debate.Plan.Motion);
        Assert.Equal("Research", Assert.Single(debate.Plan.Rounds).Title);
    }

    [Theory]
    [MemberData(nameof(InvalidCreateRequests))]
    public async Task An_invalid_create_request_is_400_with_a_title_naming_the_problem(string body, string named)
    {
        await using var server = new DebateServer();
        var teacher = await server.TeacherAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await teacher.Http.PostAsync("/api/debates", content, Ct);

        Assert.Contains(named, await Problem.TitleAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty((await teacher.Http.GetFromJsonAsync<List<DebateListItem>>("/api/debates", Wire.Json, Ct))!);
    }

    [Fact]
    public async Task Editing_the_plan_of_a_draft_returns_the_new_plan()
    {
        await using var server = new DebateServer();
        var teacher = await server.TeacherAsync();
        var debate = await teacher.CreateFromTemplateAsync();

        using var response = await teacher.Http.PutAsJsonAsync($"/api/debates/{debate.Id}/plan", Scenario.OneArgumentRound(), Wire.Json, Ct);

        response.EnsureSuccessStatusCode();
        var edited = (await response.Content.ReadFromJsonAsync<DebateDetail>(Wire.Json, Ct))!;
        Assert.Equal(Scenario.OneArgumentRound().Motion, edited.Plan.Motion);
        var read = await teacher.Http.GetFromJsonAsync<DebateDetail>($"/api/debates/{debate.Id}", Wire.Json, Ct);
        Assert.Single(read!.Plan.Rounds);
    }

    [Fact]
    public async Task A_refused_plan_lists_every_problem_with_the_field_it_belongs_to_and_changes_nothing()
    {
        await using var server = new DebateServer();
        var teacher = await server.TeacherAsync();
        var debate = await teacher.CreateFromTemplateAsync();
        var plan = Scenario.OneArgumentRound(vote: 5) with
        {
            Motion = " ",
            Rounds =
            [
                .. Scenario.OneArgumentRound(vote: 5).Rounds,
                new RoundPlan { Title = "Rank", Prompt = "Rank them.", Kind = RoundKind.Ranking, Options = ["Weights", " weights "] },
            ],
            PreReading = [new PreReading("A paper", "ftp://example.edu/paper.pdf")],
        };

        using var response = await teacher.Http.PutAsJsonAsync($"/api/debates/{debate.Id}/plan", plan, Wire.Json, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal("invalidPlan", (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(
            "The motion can't be empty. The plan has 3 more problems; each is listed with its field.",
            json.RootElement.GetProperty("title").GetString());
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("message").GetString())).ToList();
        Assert.Equal(
            [
                ("motion", "The motion can't be empty."),
                ("rounds[0].voteSeconds", "The vote phase of round 1 must last between 10 seconds and 2 hours."),
                ("rounds[1].options[1]", "Ranking round 2 lists the same option twice."),
                ("preReading[0].url", "Reading 1 needs an http or https link."),
            ],
            errors);
        var read = await teacher.Http.GetFromJsonAsync<DebateDetail>($"/api/debates/{debate.Id}", Wire.Json, Ct);
        Assert.Equal(debate.Plan.Rounds.Count, read!.Plan.Rounds.Count);
    }

    [Fact]
    public async Task Editing_the_plan_in_the_lobby_reaches_a_joined_student_as_a_plan_update()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        var ada = room.Students[0];
        var updates = ada.UpdateCount;
        var plan = Scenario.OneArgumentRound() with { Motion = "Frontier models should be closed." };

        using var response = await room.Teacher.Http.PutAsJsonAsync($"/api/debates/{room.Debate.Id}/plan", plan, Wire.Json, Ct);

        response.EnsureSuccessStatusCode();
        await ada.WaitUntilAsync(v => v.Debate!.Motion == "Frontier models should be closed.", "the new motion");
        Assert.True(ada.UpdateCount > updates);
    }

    [Fact]
    public async Task Editing_the_plan_after_the_start_is_409()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        await room.Console.ControlAsync("Start");

        using var response = await room.Teacher.Http.PutAsJsonAsync($"/api/debates/{room.Debate.Id}/plan", Scenario.OneArgumentRound(argue: 300), Wire.Json, Ct);

        Assert.Equal("wrongStatus", (await Problem.ReadAsync(response, HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task Deleting_a_debate_removes_it_and_its_events_and_its_students_cannot_resume()
    {
        await using var server = new DebateServer();
        await using var room = await Scenario.LobbyAsync(server, Scenario.OneArgumentRound(), "Ada");
        var ada = room.Students[0];
        var id = room.Debate.Id;
        await using (var db = server.OpenDatabase())
        {
            Assert.True(await db.Events.CountAsync(e => e.DebateId == id, Ct) > 0);
        }

        using var response = await room.Teacher.Http.DeleteAsync($"/api/debates/{id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await using (var db = server.OpenDatabase())
        {
            Assert.False(await db.Debates.AnyAsync(d => d.Id == id, Ct));
            Assert.Equal(0, await db.Events.CountAsync(e => e.DebateId == id, Ct));
        }

        await using var again = await server.ConnectAsync();
        await Refused.WithAsync("invalidToken", () => again.ResumeAsync(id, ada.Token));
        await Refused.WithAsync("notFound", () => again.JoinAsync(room.Debate.JoinCode, "Ben"));
    }

    private static string Body(CreateDebateRequest request) => JsonSerializer.Serialize(request, Wire.Json);

    private static DebatePlan OneOptionRanking() => Scenario.OneArgumentRound() with
    {
        Rounds = [new RoundPlan { Title = "Rank", Prompt = "Rank the aspects of openness.", Kind = RoundKind.Ranking, Options = ["Weights"] }],
    };
}
