namespace OpenClosedDebate.Server.Contract;

using OpenClosedDebate.Domain.Debates;

/// <summary>A built-in template.</summary>
public sealed record TemplateView(string Id, string Name, string Description, DebatePlan Plan);

/// <summary>A row of the instructor's debates list.</summary>
public sealed record DebateListItem(
    Guid Id,
    string Motion,
    DebateStatus Status,
    string JoinCode,
    int ParticipantCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);

/// <summary>A debate with its full plan, for editing.</summary>
public sealed record DebateDetail(
    Guid Id,
    string JoinCode,
    DebateStatus Status,
    int ParticipantCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DebatePlan Plan);

/// <summary>Create a debate from a template, or from a plan written from scratch.</summary>
public sealed record CreateDebateRequest(string? TemplateId = null, DebatePlan? Plan = null);
