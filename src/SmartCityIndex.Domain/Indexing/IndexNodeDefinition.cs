namespace SmartCityIndex.Domain.Indexing;

/// <summary>Whether a node of the index tree is a measured indicator or an aggregate of its children.</summary>
public enum IndexNodeType
{
    /// <summary>A measured indicator: a leaf, at level 1.</summary>
    Indicator,

    /// <summary>An aggregate (pillar, sub-index, index) of the nodes one level below it.</summary>
    Aggregate,
}

/// <summary>
/// One row of the index structure, as in COINr's iMeta table: a code, its level (1 = indicator), its parent's code
/// (null at the top), its direction (+1 or −1, indicators only) and its weight relative to its siblings.
/// </summary>
/// <param name="Code">Unique code of the node.</param>
/// <param name="Name">Display name (optional).</param>
/// <param name="Level">1 for indicators; an aggregate is one level above its children.</param>
/// <param name="Parent">Code of the parent aggregate, or null for the top of the index.</param>
/// <param name="Direction">+1 when higher is better, −1 when lower is better; ignored for aggregates.</param>
/// <param name="Weight">Weight relative to the other children of the same parent; greater than zero.</param>
/// <param name="Type">Indicator or aggregate.</param>
/// <param name="GoalLow">Lower goalpost, for goalpost normalisation (indicators).</param>
/// <param name="GoalHigh">Upper goalpost, for goalpost normalisation (indicators).</param>
/// <param name="Unit">Unit of the raw values (optional).</param>
/// <param name="Source">Where the row came from, for messages (e.g. "meta.csv, row 12"); optional.</param>
public sealed record IndexNodeDefinition(
    string Code,
    string? Name,
    int Level,
    string? Parent,
    int Direction,
    double Weight,
    IndexNodeType Type,
    double? GoalLow = null,
    double? GoalHigh = null,
    string? Unit = null,
    string? Source = null);
