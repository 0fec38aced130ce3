namespace OpenClosedDebate.Server.Persistence;

using System.ComponentModel.DataAnnotations;

internal sealed class PersistenceOptions
{
    public const string Section = "Persistence";

    /// <summary>The most submissions committed in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 512;
}
