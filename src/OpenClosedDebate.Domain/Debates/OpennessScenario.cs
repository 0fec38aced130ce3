namespace OpenClosedDebate.Domain.Debates;

/// <summary>The curriculum's five situations of what a model's makers publish.</summary>
public enum OpennessScenario
{
    /// <summary>The model architecture is published, but nothing else.</summary>
    ArchitectureOnly,

    /// <summary>The architecture and parameter values are published, but nothing else.</summary>
    ArchitectureAndWeights,

    /// <summary>Architecture, parameters, training data and procedures are all published.</summary>
    EverythingPublished,

    /// <summary>Another combination, e.g. architecture and data without procedure or weights.</summary>
    OtherCombination,

    /// <summary>Nothing is published: a closed model.</summary>
    Closed,
}

public static class OpennessScenarioExtensions
{
    public static string Describe(this OpennessScenario scenario) => scenario switch
    {
        OpennessScenario.ArchitectureOnly => "The model architecture is published, but nothing else.",
        OpennessScenario.ArchitectureAndWeights => "The model architecture and parameter values are published, but nothing else.",
        OpennessScenario.EverythingPublished => "The model architecture, parameters, training data and procedures are all published.",
        OpennessScenario.OtherCombination => "Another combination is published, e.g. the architecture and training data without the training procedure or the weights.",
        OpennessScenario.Closed => "None of it is published: a closed model.",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };
}
