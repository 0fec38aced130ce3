namespace OpenClosedDebate.Hardening.Tests;

using Xunit.Sdk;
using Xunit.v3;

/// <summary>Runs the collections in name order, except that <see cref="LastOrderer.Last"/> runs after all the others.</summary>
public sealed class LastOrderer : ITestCollectionOrderer
{
    /// <summary>The collection that must see every other test's output.</summary>
    public const string Last = "Logs, after everything else";

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. testCollections.OrderBy(c => c.TestCollectionDisplayName == Last).ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal)];
}
