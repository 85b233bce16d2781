namespace SmartCityIndex.Domain.Weighting;

/// <summary>
/// The outcome of an AHP pairwise comparison: the criteria's weights and how consistent the judgements were.
/// </summary>
/// <param name="Weights">
/// The principal eigenvector of the matrix, one weight per criterion in the matrix's order, summing to 1.
/// </param>
/// <param name="LambdaMax">
/// The principal eigenvalue λmax. It equals the number of criteria n for a perfectly consistent matrix and grows with
/// the inconsistency of the judgements.
/// </param>
/// <param name="ConsistencyIndex">CI = (λmax − n) / (n − 1); 0 for n ≤ 2.</param>
/// <param name="ConsistencyRatio">
/// CR = CI / RI(n), with Saaty's random index RI; 0 for n ≤ 2. The judgements are accepted when CR &lt; 0.1.
/// </param>
/// <param name="IsConsistent">Whether CR &lt; <see cref="Ahp.ConsistencyThreshold"/> (0.1).</param>
/// <param name="MostInconsistent">
/// The judgement that disagrees most with the weights, the first place to look when revising the matrix; null when
/// there are fewer than 3 criteria or the matrix is perfectly consistent. With exactly 3 criteria every judgement is
/// equally far off (the eigenvector spreads the one cycle's inconsistency evenly), and the first pair is named.
/// </param>
public sealed record AhpResult(
    IReadOnlyList<double> Weights,
    double LambdaMax,
    double ConsistencyIndex,
    double ConsistencyRatio,
    bool IsConsistent,
    AhpJudgement? MostInconsistent);
