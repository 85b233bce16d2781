namespace SmartCityIndex.Domain.Ranking;

/// <summary>Ranks scores in descending order; ties share the smallest rank (1, 2, 2, 4); a missing score gets rank 0.</summary>
public static class Ranker
{
    /// <summary>Writes the rank of each score into <paramref name="ranks"/>. <paramref name="order"/> is scratch space of the same length.</summary>
    public static void Rank(ReadOnlySpan<double> scores, Span<int> ranks, Span<int> order)
    {
        var n = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i]))
            {
                ranks[i] = 0;
            }
            else
            {
                order[n++] = i;
            }
        }

        var present = order[..n];
        SortDescending(scores, present);
        for (var k = 0; k < n; k++)
        {
            ranks[present[k]] = k > 0 && scores[present[k]] == scores[present[k - 1]] ? ranks[present[k - 1]] : k + 1;
        }
    }

    /// <summary>Ranks into a new array.</summary>
    public static int[] Rank(ReadOnlySpan<double> scores)
    {
        var ranks = new int[scores.Length];
        Rank(scores, ranks, new int[scores.Length]);
        return ranks;
    }

    private static void SortDescending(ReadOnlySpan<double> scores, Span<int> rows)
    {
        // Insertion sort for the small case, otherwise a keyed sort on a copy of the keys.
        if (rows.Length <= 32)
        {
            for (var i = 1; i < rows.Length; i++)
            {
                var row = rows[i];
                var key = scores[row];
                var j = i - 1;
                while (j >= 0 && (scores[rows[j]] < key || (scores[rows[j]] == key && rows[j] > row)))
                {
                    rows[j + 1] = rows[j];
                    j--;
                }

                rows[j + 1] = row;
            }

            return;
        }

        var keys = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = -scores[rows[i]];
        }

        keys.AsSpan().Sort(rows);
    }
}
