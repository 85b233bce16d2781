namespace SmartCityIndex.Domain.Tests.Indexing;

public sealed class IndexStructureTests
{
    private static IndexNodeDefinition Ind(string code, string parent, double weight = 1, int direction = 1) =>
        new(code, null, 1, parent, direction, weight, IndexNodeType.Indicator);

    private static IndexNodeDefinition Agg(string code, int level, string? parent, double weight = 1) =>
        new(code, null, level, parent, 1, weight, IndexNodeType.Aggregate);

    private static List<IndexNodeDefinition> Valid() =>
    [
        Ind("A1", "P1"), Ind("A2", "P1", weight: 3), Ind("B1", "P2", direction: -1),
        Agg("P1", 2, "Index"), Agg("P2", 2, "Index", weight: 2), Agg("Index", 3, null),
    ];

    [Fact]
    public void Create_ValidTree_NumbersIndicatorsFirstThenAggregatesByLevel()
    {
        var structure = IndexStructure.Create(Valid());

        Assert.Equal(["A1", "A2", "B1", "P1", "P2", "Index"], structure.Codes);
        Assert.Equal(3, structure.IndicatorCount);
        Assert.Equal(5, structure.Root);
        Assert.Equal([0, 1], structure.Children(3).ToArray());
        Assert.Equal([-1], structure.Directions[2..]);
    }

    [Fact]
    public void EffectiveWeights_Root_MultipliesNormalisedWeightsDownThePath()
    {
        var structure = IndexStructure.Create(Valid());

        var weights = structure.EffectiveWeights(structure.Root);

        Assert.Equal(1.0 / 3 * 1 / 4, weights[0], 12);
        Assert.Equal(1.0 / 3 * 3 / 4, weights[1], 12);
        Assert.Equal(2.0 / 3, weights[2], 12);
        Assert.Equal(1.0, weights.Sum(), 12);
    }

    [Fact]
    public void Create_DuplicateCode_NamesBothRows()
    {
        var nodes = Valid();
        nodes.Add(Ind("A1", "P2") with { Source = "meta.csv, row 9" });

        var error = Assert.Throws<DomainException>(() => IndexStructure.Create(nodes));

        Assert.Contains("The code 'A1' (meta.csv, row 9) is used twice", error.Message);
    }

    [Fact]
    public void Create_UnknownParent_SaysWhichParent()
    {
        var nodes = Valid();
        nodes[0] = Ind("A1", "Nowhere");

        var error = Assert.Throws<DomainException>(() => IndexStructure.Create(nodes));

        Assert.Contains("The parent 'Nowhere' of 'A1' is not defined.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    public void Create_WeightNotPositive_NamesTheNode(double weight)
    {
        var nodes = Valid();
        nodes[1] = Ind("A2", "P1", weight: weight);

        var error = Assert.Throws<DomainException>(() => IndexStructure.Create(nodes));

        Assert.Contains("The weight of 'A2' must be a number greater than 0", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Create_DirectionNotPlusOrMinusOne_NamesTheIndicator(int direction)
    {
        var nodes = Valid();
        nodes[0] = Ind("A1", "P1", direction: direction);

        var error = Assert.Throws<DomainException>(() => IndexStructure.Create(nodes));

        Assert.Contains($"The direction of indicator 'A1' must be 1 or -1 (got {direction})", error.Message);
    }

    [Fact]
    public void Create_ChildLevelNotParentLevelMinusOne_SaysBothLevels()
    {
        var nodes = Valid();
        nodes[3] = Agg("P1", 2, "Index");
        nodes[5] = Agg("Index", 4, null);

        var error = Assert.Throws<DomainException>(() => IndexStructure.Create(nodes));

        Assert.Contains("'P1' is at level 2, so its parent must be at level 3; 'Index' is at level 4.", error.Message);
    }

    [Fact]
    public void Create_Cycle_ShowsTheLoop()
    {
        var nodes = Valid();
        nodes.Add(Agg("X", 4, "Y"));
        nodes.Add(Agg("Y", 4, "X"));

        var error = Assert.Throws<DomainException>(() => IndexStructure.Create(nodes));

        Assert.Contains("The parents form a cycle: X → Y → X.", error.Message);
    }

    [Fact]
    public void Create_AggregateWithoutChildren_IsAnOrphanAggregate()
    {
        var nodes = Valid();
        nodes.Add(Agg("Empty", 2, "Index"));

        var error = Assert.Throws<DomainException>(() => IndexStructure.Create(nodes));

        Assert.Contains("Aggregate 'Empty' has no children.", error.Message);
    }

    [Fact]
    public void Create_IndicatorWithoutParent_IsAnOrphan()
    {
        var nodes = Valid();
        nodes.Add(new IndexNodeDefinition("Lost", null, 1, null, 1, 1, IndexNodeType.Indicator));

        var error = Assert.Throws<DomainException>(() => IndexStructure.Create(nodes));

        Assert.Contains("Indicator 'Lost' has no parent", error.Message);
    }

    [Fact]
    public void Create_TwoTops_NamesThem()
    {
        var nodes = Valid();
        nodes[4] = Agg("P2", 2, null);
        nodes.Add(Ind("C1", "Other"));
        nodes.Add(Agg("Other", 2, null));

        var error = Assert.Throws<DomainException>(() => IndexStructure.Create(nodes));

        Assert.Contains("one top node", error.Message);
    }

    [Fact]
    public void Create_IndicatorParentIsIndicator_Refused()
    {
        var nodes = Valid();
        nodes.Add(Ind("Sub", "A1"));

        var error = Assert.Throws<DomainException>(() => IndexStructure.Create(nodes));

        Assert.Contains("which is an indicator; only aggregates have children", error.Message);
    }

    [Fact]
    public void Create_SeveralProblems_ListsThemAll()
    {
        var nodes = Valid();
        nodes[0] = Ind("A1", "P1", weight: -1);
        nodes[2] = Ind("B1", "P2", direction: 5);

        var error = Assert.Throws<DomainException>(() => IndexStructure.Create(nodes));

        Assert.Contains("(2 problems)", error.Message);
    }
}
