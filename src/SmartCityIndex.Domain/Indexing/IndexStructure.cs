namespace SmartCityIndex.Domain.Indexing;

/// <summary>
/// The index tree, checked and laid out for fast computation. Nodes are numbered with the indicators first (node
/// <c>j</c> is indicator column <c>j</c> of the data), then the aggregates level by level, so that computing the
/// aggregates in node order always finds their children done. Weights are relative within each parent.
/// </summary>
public sealed class IndexStructure
{
    private readonly int[] _childStart;
    private readonly int[] _children;

    private IndexStructure(IReadOnlyList<IndexNodeDefinition> nodes, int indicatorCount)
    {
        Nodes = nodes;
        IndicatorCount = indicatorCount;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            index[nodes[i].Code] = i;
        }

        NodeIndex = index;
        Parent = new int[nodes.Count];
        Levels = new int[nodes.Count];
        Weights = new double[nodes.Count];
        Directions = new int[indicatorCount];
        for (var i = 0; i < nodes.Count; i++)
        {
            Parent[i] = nodes[i].Parent is { } p ? index[p] : -1;
            Levels[i] = nodes[i].Level;
            Weights[i] = nodes[i].Weight;
            if (i < indicatorCount)
            {
                Directions[i] = nodes[i].Direction;
            }
        }

        // Children in compressed rows: the children of node k are _children[_childStart[k] .. _childStart[k + 1]).
        _childStart = new int[nodes.Count + 1];
        foreach (var parent in Parent)
        {
            if (parent >= 0)
            {
                _childStart[parent + 1]++;
            }
        }

        for (var k = 0; k < nodes.Count; k++)
        {
            _childStart[k + 1] += _childStart[k];
        }

        _children = new int[_childStart[^1]];
        var fill = (int[])_childStart.Clone();
        for (var i = 0; i < nodes.Count; i++)
        {
            if (Parent[i] >= 0)
            {
                _children[fill[Parent[i]]++] = i;
            }
        }

        Root = Array.IndexOf(Parent, -1, indicatorCount);
        MaxLevel = Levels.Max();
    }

    /// <summary>The nodes in computation order: indicators, then aggregates by ascending level.</summary>
    public IReadOnlyList<IndexNodeDefinition> Nodes { get; }

    /// <summary>Node number by code.</summary>
    public IReadOnlyDictionary<string, int> NodeIndex { get; }

    /// <summary>Number of indicators; they are nodes 0 to IndicatorCount − 1.</summary>
    public int IndicatorCount { get; }

    /// <summary>Number of nodes (indicators and aggregates).</summary>
    public int NodeCount => Nodes.Count;

    /// <summary>Parent node of each node; −1 for the top.</summary>
    public int[] Parent { get; }

    /// <summary>Level of each node (1 = indicator).</summary>
    public int[] Levels { get; }

    /// <summary>Weight of each node relative to its siblings, as given.</summary>
    public double[] Weights { get; }

    /// <summary>Direction (+1/−1) of each indicator.</summary>
    public int[] Directions { get; }

    /// <summary>The top node (the index).</summary>
    public int Root { get; }

    /// <summary>The level of the top node.</summary>
    public int MaxLevel { get; }

    /// <summary>The codes of all nodes, in node order.</summary>
    public IEnumerable<string> Codes => Nodes.Select(n => n.Code);

    /// <summary>The children of <paramref name="node"/>.</summary>
    public ReadOnlySpan<int> Children(int node) => _children.AsSpan(_childStart[node], _childStart[node + 1] - _childStart[node]);

    /// <summary>
    /// The effective weight of every indicator within <paramref name="aggregate"/>: the product of the normalised
    /// weights (weight / sum of its siblings' weights) along the path from the aggregate down to the indicator; zero
    /// for indicators outside it. They sum to 1. <paramref name="weights"/> overrides the structure's weights.
    /// </summary>
    public double[] EffectiveWeights(int aggregate, ReadOnlySpan<double> weights = default)
    {
        var w = weights.IsEmpty ? Weights : weights.ToArray();
        var result = new double[IndicatorCount];
        Descend(aggregate, 1.0);
        return result;

        void Descend(int node, double share)
        {
            if (node < IndicatorCount)
            {
                result[node] = share;
                return;
            }

            var children = Children(node);
            var total = 0.0;
            foreach (var c in children)
            {
                total += w[c];
            }

            foreach (var c in children)
            {
                Descend(c, share * w[c] / total);
            }
        }
    }

    /// <summary>The indicators beneath <paramref name="aggregate"/> (all of them for the root).</summary>
    public int[] IndicatorsBeneath(int aggregate)
    {
        var list = new List<int>();
        Collect(aggregate);
        return [.. list];

        void Collect(int node)
        {
            if (node < IndicatorCount)
            {
                list.Add(node);
                return;
            }

            foreach (var c in Children(node))
            {
                Collect(c);
            }
        }
    }

    /// <summary>
    /// Checks the definitions and builds the structure. Every problem found is reported in one
    /// <see cref="DomainException"/>, one line each, naming the node (and its source row when known): duplicate or
    /// empty codes, unknown parents, weights that are not positive numbers, directions other than ±1, indicators not
    /// at level 1, a child whose level is not its parent's level minus 1, cycles, aggregates without children,
    /// nodes outside the tree, and more or fewer than one top node.
    /// </summary>
    public static IndexStructure Create(IEnumerable<IndexNodeDefinition> definitions)
    {
        var all = definitions.ToList();
        var errors = new List<string>();
        string Where(IndexNodeDefinition d) => d.Source is null ? $"'{d.Code}'" : $"'{d.Code}' ({d.Source})";

        var byCode = new Dictionary<string, IndexNodeDefinition>(StringComparer.Ordinal);
        foreach (var d in all)
        {
            if (string.IsNullOrWhiteSpace(d.Code))
            {
                errors.Add($"A node{(d.Source is null ? string.Empty : $" ({d.Source})")} has no code.");
            }
            else if (!byCode.TryAdd(d.Code, d))
            {
                errors.Add($"The code {Where(d)} is used twice (also {Where(byCode[d.Code])}).");
            }
        }

        foreach (var d in byCode.Values)
        {
            if (!double.IsFinite(d.Weight) || d.Weight <= 0)
            {
                errors.Add($"The weight of {Where(d)} must be a number greater than 0 (got {d.Weight}).");
            }

            if (d.Type == IndexNodeType.Indicator && d.Direction is not (1 or -1))
            {
                errors.Add($"The direction of indicator {Where(d)} must be 1 or -1 (got {d.Direction}).");
            }

            if (d.Type == IndexNodeType.Indicator && d.Level != 1)
            {
                errors.Add($"Indicator {Where(d)} must be at level 1 (got level {d.Level}).");
            }

            if (d.Type == IndexNodeType.Aggregate && d.Level < 2)
            {
                errors.Add($"Aggregate {Where(d)} must be at level 2 or above (got level {d.Level}).");
            }

            if (d.Parent is { } parentCode)
            {
                if (!byCode.TryGetValue(parentCode, out var parent))
                {
                    errors.Add($"The parent '{parentCode}' of {Where(d)} is not defined.");
                }
                else if (parent.Type == IndexNodeType.Indicator)
                {
                    errors.Add($"The parent of {Where(d)} is '{parentCode}', which is an indicator; only aggregates have children.");
                }
                else if (parent.Level != d.Level + 1 && FindCycle(byCode, d) is null)
                {
                    errors.Add($"{Where(d)} is at level {d.Level}, so its parent must be at level {d.Level + 1}; '{parentCode}' is at level {parent.Level}.");
                }
            }
        }

        var cycles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in byCode.Values)
        {
            if (FindCycle(byCode, d) is { } cycle && cycles.Add(string.Join(",", cycle.Order(StringComparer.Ordinal))))
            {
                errors.Add($"The parents form a cycle: {string.Join(" → ", cycle)} → {cycle[0]}.");
            }
        }

        var withChildren = byCode.Values.Where(d => d.Parent is not null).Select(d => d.Parent!).ToHashSet(StringComparer.Ordinal);
        foreach (var d in byCode.Values.Where(d => d.Type == IndexNodeType.Aggregate && !withChildren.Contains(d.Code)))
        {
            errors.Add($"Aggregate {Where(d)} has no children.");
        }

        var tops = byCode.Values.Where(d => d.Parent is null).ToList();
        foreach (var d in tops.Where(d => d.Type == IndexNodeType.Indicator && byCode.Values.Any(a => a.Type == IndexNodeType.Aggregate)))
        {
            errors.Add($"Indicator {Where(d)} has no parent: it belongs to no aggregate (an orphan).");
        }

        var aggregateTops = tops.Where(d => d.Type == IndexNodeType.Aggregate).ToList();
        if (!byCode.Values.Any(d => d.Type == IndexNodeType.Indicator))
        {
            errors.Add("The index has no indicators.");
        }
        else if (!byCode.Values.Any(d => d.Type == IndexNodeType.Aggregate))
        {
            errors.Add("The index has no aggregates: add at least one aggregate (the index) above the indicators.");
        }
        else if (aggregateTops.Count > 1)
        {
            errors.Add($"The index must have one top node; found {aggregateTops.Count}: {string.Join(", ", aggregateTops.Select(Where))}.");
        }
        else if (aggregateTops.Count == 0 && cycles.Count == 0)
        {
            errors.Add("The index has no top node (every node has a parent).");
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors.Count == 1
                ? $"The index structure is not valid: {errors[0]}"
                : $"The index structure is not valid ({errors.Count} problems):{Environment.NewLine}- {string.Join($"{Environment.NewLine}- ", errors.Take(20))}");
        }

        var indicators = all.Where(d => d.Type == IndexNodeType.Indicator);
        var aggregates = all.Where(d => d.Type == IndexNodeType.Aggregate).OrderBy(d => d.Level); // stable: keeps file order within a level
        var ordered = indicators.Concat(aggregates).ToList();
        return new IndexStructure(ordered, ordered.Count(d => d.Type == IndexNodeType.Indicator));
    }

    private static List<string>? FindCycle(Dictionary<string, IndexNodeDefinition> byCode, IndexNodeDefinition start)
    {
        var path = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var current = start;
        while (current is not null)
        {
            if (seen.TryGetValue(current.Code, out var at))
            {
                var cycle = path.GetRange(at, path.Count - at);
                return cycle.Contains(start.Code) ? cycle : null;
            }

            seen[current.Code] = path.Count;
            path.Add(current.Code);
            current = current.Parent is { } p && byCode.TryGetValue(p, out var parent) ? parent : null;
        }

        return null;
    }
}
