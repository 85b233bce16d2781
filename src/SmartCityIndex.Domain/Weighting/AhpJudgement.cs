namespace SmartCityIndex.Domain.Weighting;

/// <summary>
/// One judgement of an AHP matrix, row criterion against column criterion, with the value a perfectly consistent
/// matrix would have in its place given the weights (w_row / w_column).
/// </summary>
/// <param name="Row">The row, from 0, in the matrix's order; always less than <paramref name="Column"/>.</param>
/// <param name="Column">The column, from 0.</param>
/// <param name="RowCriterion">The name of the row's criterion.</param>
/// <param name="ColumnCriterion">The name of the column's criterion.</param>
/// <param name="Given">The judgement as entered, a_row,column.</param>
/// <param name="Consistent">The value consistent with the weights, w_row / w_column.</param>
public readonly record struct AhpJudgement(
    int Row, int Column, string RowCriterion, string ColumnCriterion, double Given, double Consistent)
{
    /// <summary>
    /// How many times the judgement overstates (above 1) or understates (below 1) the weights: Given / Consistent,
    /// i.e. a_ij · w_j / w_i. The most inconsistent judgement is the one whose ratio is furthest from 1 on a log scale.
    /// </summary>
    public double Ratio => Given / Consistent;
}
