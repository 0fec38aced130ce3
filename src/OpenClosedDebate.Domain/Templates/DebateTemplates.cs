namespace OpenClosedDebate.Domain.Templates;

/// <summary>The templates that ship with the product.</summary>
public static class DebateTemplates
{
    public static IReadOnlyList<DebateTemplate> All { get; } = [OpenAndClosedModels.Template];

    public static DebateTemplate? Find(string? id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));
}
