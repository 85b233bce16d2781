namespace SmartCityIndex.Domain.Tests.Weighting;

public sealed class EqualWeightsTests
{
    [Fact]
    public void For_UnequalStructure_GivesEveryIndicatorItsEqualShareUnderItsParent()
    {
        var structure = IndexStructure.Create(
        [
            new("A", null, 1, "P", 1, 5, IndexNodeType.Indicator),
            new("B", null, 1, "P", 1, 1, IndexNodeType.Indicator),
            new("C", null, 1, "Q", 1, 2, IndexNodeType.Indicator),
            new("P", null, 2, "I", 1, 3, IndexNodeType.Aggregate),
            new("Q", null, 2, "I", 1, 1, IndexNodeType.Aggregate),
            new("I", null, 3, null, 1, 1, IndexNodeType.Aggregate),
        ]);
        var equal = EqualWeights.For(structure);

        var effective = structure.EffectiveWeights(structure.Root, [.. structure.Codes.Select(c => equal[c])]);

        Assert.Equal([0.25, 0.25, 0.5], effective);
    }
}
