using SmartCityIndex.Domain.Indexing;
using SmartCityIndex.Domain.Outliers;
using SmartCityIndex.Domain.Ranking;

namespace SmartCityIndex.Domain.Scoring;

/// <summary>
/// The outcome of a score run: every node's score for every unit (indicator nodes hold the normalised values),
/// the ranks of every aggregate, and what the run had to say (warnings, treated outliers).
/// </summary>
public sealed class ScoreResult
{
    private readonly int[] _aggregateRanks;
    private int[]? _indicatorRanks;

    internal ScoreResult(IndexStructure structure, UnitData data, ColumnMatrix prepared, ColumnMatrix scores, double[] weights,
        IReadOnlyList<string> warnings, IReadOnlyList<TreatmentRecord> treatments, int[] aggregateRanks)
    {
        Structure = structure;
        Data = data;
        Prepared = prepared;
        Scores = scores;
        Weights = weights;
        Warnings = warnings;
        Treatments = treatments;
        _aggregateRanks = aggregateRanks;
    }

    /// <summary>The index structure scored.</summary>
    public IndexStructure Structure { get; }

    /// <summary>The units and their raw values.</summary>
    public UnitData Data { get; }

    /// <summary>Raw values after imputation and outlier treatment, before normalisation.</summary>
    public ColumnMatrix Prepared { get; }

    /// <summary>Units × nodes: normalised indicator values, then aggregate scores, in the structure's node order.</summary>
    public ColumnMatrix Scores { get; }

    /// <summary>The weights used, per node (the structure's, or the overrides).</summary>
    public double[] Weights { get; }

    /// <summary>Things the user should know: constant indicators, gaps that could not be scored, units left out.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The indicators whose outliers were treated, and how.</summary>
    public IReadOnlyList<TreatmentRecord> Treatments { get; }

    /// <summary>The score of a unit for a node, by code; NaN when missing.</summary>
    public double Score(int unit, string code) => Scores[unit, Structure.NodeIndex[code]];

    /// <summary>The index (top node) scores of all units.</summary>
    public ReadOnlySpan<double> IndexScores => Scores.Column(Structure.Root);

    /// <summary>The rank (1 = best; ties share the smallest rank; 0 = no score) of a unit for any node.</summary>
    public int Rank(int unit, int node) =>
        node >= Structure.IndicatorCount
            ? _aggregateRanks[(node - Structure.IndicatorCount) * Data.UnitCount + unit]
            : IndicatorRanks()[node * Data.UnitCount + unit];

    /// <summary>The rank of a unit for a node, by code.</summary>
    public int Rank(int unit, string code) => Rank(unit, Structure.NodeIndex[code]);

    /// <summary>The index rank of every unit.</summary>
    public ReadOnlySpan<int> IndexRanks => _aggregateRanks.AsSpan((Structure.Root - Structure.IndicatorCount) * Data.UnitCount, Data.UnitCount);

    /// <summary>
    /// How much each indicator contributes to the index score of <paramref name="unit"/> under arithmetic
    /// aggregation: its normalised value times its effective weight for this unit (weights renormalised over the
    /// children the unit has data for, at every level). The contributions add up to the index score.
    /// </summary>
    public double[] Contributions(int unit)
    {
        var contributions = new double[Structure.IndicatorCount];
        Descend(Structure.Root, 1.0);
        return contributions;

        void Descend(int node, double share)
        {
            if (node < Structure.IndicatorCount)
            {
                var value = Scores[unit, node];
                contributions[node] = double.IsNaN(value) ? 0 : share * value;
                return;
            }

            var present = 0.0;
            foreach (var child in Structure.Children(node))
            {
                if (!double.IsNaN(Scores[unit, child]))
                {
                    present += Weights[child];
                }
            }

            foreach (var child in Structure.Children(node))
            {
                if (!double.IsNaN(Scores[unit, child]))
                {
                    Descend(child, share * Weights[child] / present);
                }
            }
        }
    }

    /// <summary>
    /// The unit's strengths and weaknesses: its <paramref name="count"/> best and worst indicators by rank among all
    /// units (ties broken by indicator order).
    /// </summary>
    public (IReadOnlyList<(string Code, int Rank)> Strengths, IReadOnlyList<(string Code, int Rank)> Weaknesses) StrengthsAndWeaknesses(int unit, int count = 3)
    {
        var ranked = Enumerable.Range(0, Structure.IndicatorCount)
            .Select(j => (Code: Structure.Nodes[j].Code, Rank: Rank(unit, j)))
            .Where(r => r.Rank > 0)
            .ToList();
        return (
            ranked.OrderBy(r => r.Rank).Take(count).ToList(),
            ranked.OrderByDescending(r => r.Rank).Take(count).ToList());
    }

    private int[] IndicatorRanks()
    {
        if (_indicatorRanks is null)
        {
            var n = Data.UnitCount;
            var ranks = new int[n * Structure.IndicatorCount];
            var order = new int[n];
            for (var j = 0; j < Structure.IndicatorCount; j++)
            {
                Ranker.Rank(Scores.Column(j), ranks.AsSpan(j * n, n), order);
            }

            _indicatorRanks = ranks;
        }

        return _indicatorRanks;
    }
}
