namespace OpenClosedDebate.Domain.Debates;

/// <summary>When the class sees a round's result once its vote has closed.</summary>
public enum ResultReveal
{
    /// <summary>As soon as voting closes.</summary>
    AtOnce,

    /// <summary>When the instructor reveals it, or when the debate moves past the round's results.</summary>
    OnClick,
}
