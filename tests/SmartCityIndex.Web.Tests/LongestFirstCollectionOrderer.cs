using Xunit.Abstractions;

[assembly: TestCollectionOrderer("SmartCityIndex.Web.Tests.LongestFirstCollectionOrderer", "SmartCityIndex.Web.Tests")]

namespace SmartCityIndex.Web.Tests;

/// <summary>
/// Starts the longest test classes first (axe over every page, then the other browser tests), so that they run beside
/// the many short ones instead of after them: the suite then ends when its longest class does, not later.
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection) =>
        collection.DisplayName.Contains("Accessibility", StringComparison.Ordinal) ? 0
        : collection.DisplayName.Contains("BrowserTests", StringComparison.Ordinal) ? 1
        : 2;
}
