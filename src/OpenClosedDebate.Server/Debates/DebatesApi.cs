namespace OpenClosedDebate.Server.Debates;

using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Templates;
using OpenClosedDebate.Server.Auth;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.Rooms;
using OpenClosedDebate.Server.Security;

/// <summary>Templates, and the instructor's own debates: list, create, duplicate, read, edit and delete.</summary>
internal static class DebatesApi
{
    private const int JoinCodeAttempts = 5;

    public static RouteGroupBuilder MapDebatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization(AuthSetup.InstructorPolicy).WithTags("Debates");
        var plans = new BodyLimit(app.ServiceProvider.GetRequiredService<IOptions<RequestLimitOptions>>().Value.PlanBodyBytes);

        group.MapGet("/templates", () => TypedResults.Ok(DebateTemplates.All.Select(t => new TemplateView(t.Id, t.Name, t.Description, t.Plan))));
        group.MapGet("/debates", List);
        group.MapPost("/debates", Create).WithMetadata(plans);
        group.MapPost("/debates/{id:guid}/duplicate", Duplicate);
        group.MapGet("/debates/{id:guid}", Get);
        group.MapPut("/debates/{id:guid}/plan", EditPlan).WithMetadata(plans);
        group.MapDelete("/debates/{id:guid}", Delete);
        group.MapGet("/debates/{id:guid}/comparison", Compare);
        return group;
    }

    private static async Task<Ok<List<DebateListItem>>> List(DebateDb db, HttpContext http)
    {
        var owner = http.User.InstructorId();
        var rows = await db.Debates.AsNoTracking()
            .Where(d => d.OwnerId == owner)
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new DebateListItem(d.Id, d.Motion, d.Status, d.JoinCode, d.ParticipantCount, d.CreatedAt, d.StartedAt, d.FinishedAt))
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Created<DebateDetail>, ProblemHttpResult>> Create(CreateDebateRequest request, EventWriter writer, DebateDb db, TimeProvider time, HttpContext http)
    {
        var plan = request.TemplateId is { } templateId ? DebateTemplates.Find(templateId)?.Plan : request.Plan;
        if (plan is null)
        {
            var title = request.TemplateId is null ? "Send a templateId or a plan." : $"There is no template called '{request.TemplateId}'.";
            return Problems.Of(StatusCodes.Status400BadRequest, title, request.TemplateId is null ? "invalidRequest" : "notFound");
        }

        return await InsertAsync(plan, writer, db, time, http);
    }

    /// <summary>A new debate with the plan the other one has now: a fresh join code, no students, no results.</summary>
    private static async Task<Created<DebateDetail>> Duplicate(Guid id, IRooms rooms, EventWriter writer, DebateDb db, TimeProvider time, HttpContext http)
    {
        var plan = await rooms[id].PlanAsync(http.User.InstructorId());
        return await InsertAsync(plan, writer, db, time, http);
    }

    /// <summary>Creates a draft debate of the caller's with this plan, which the domain checks; the event writer stores it.</summary>
    private static async Task<Created<DebateDetail>> InsertAsync(DebatePlan plan, EventWriter writer, DebateDb db, TimeProvider time, HttpContext http)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (debate, events) = Debate.Create(Guid.NewGuid(), JoinCodes.Create(), plan, RandomNumberGenerator.GetInt32(int.MaxValue), time.GetUtcNow());
            var row = new DebateRecord
            {
                Id = debate.Id,
                OwnerId = http.User.InstructorId(),
                JoinCode = debate.JoinCode,
                Motion = debate.Plan.Motion,
                CreatedAt = debate.CreatedAt,
            };
            try
            {
                await writer.WriteAsync(WriteRequest.Create(row, events, DebateSummary.Of(debate, debate.CreatedAt)));
                return TypedResults.Created($"/api/debates/{debate.Id}", Detail(row, debate.Plan));
            }
            catch (DbUpdateException e)
            {
                // Join codes are random; on the rare clash, draw another. Any other failure is the storage's.
                if (attempt >= JoinCodeAttempts || !await db.Debates.AnyAsync(d => d.JoinCode == row.JoinCode, http.RequestAborted))
                {
                    throw new StorageUnavailableException("The debate couldn't be saved, so nothing was created. Please try again.", e);
                }
            }
        }
    }

    private static async Task<Ok<DebateDetail>> Get(Guid id, IRooms rooms, HttpContext http) =>
        TypedResults.Ok(await rooms[id].DetailAsync(http.User.InstructorId()));

    private static async Task<Ok<DebateDetail>> EditPlan(Guid id, DebatePlan plan, IRooms rooms, HttpContext http)
    {
        var owner = http.User.InstructorId();
        await rooms[id].ControlAsync(owner, new RoomCommand.EditPlan(plan));
        return TypedResults.Ok(await rooms[id].DetailAsync(owner));
    }

    /// <summary>Every closed round under every tally method, and each student's change of mind.</summary>
    private static async Task<Ok<ComparisonView>> Compare(Guid id, IRooms rooms, HttpContext http) =>
        TypedResults.Ok(await rooms[id].ComparisonAsync(http.User.InstructorId()));

    private static async Task<NoContent> Delete(Guid id, IRooms rooms, HttpContext http)
    {
        await rooms[id].DeleteAsync(http.User.InstructorId());
        return TypedResults.NoContent();
    }

    private static DebateDetail Detail(DebateRecord r, DebatePlan plan) =>
        new(r.Id, r.JoinCode, r.Status, r.ParticipantCount, r.CreatedAt, r.StartedAt, r.FinishedAt, plan);
}
