namespace OpenClosedDebate.Domain.Templates;

using OpenClosedDebate.Domain.Debates;

/// <summary>A ready-made plan an instructor can start from.</summary>
public sealed record DebateTemplate(string Id, string Name, string Description, DebatePlan Plan);
