namespace SmartCityIndex.Web.Features.Import;

/// <summary>Spreadsheet cell addresses (<c>D12</c>): column letters A, B, … Z, AA, … and a row number from 1.</summary>
public static class CellAddress
{
    /// <summary>The letters of a column numbered from 1 (1 is A, 27 is AA).</summary>
    public static string Column(int column)
    {
        var letters = string.Empty;
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    public static string Format(int row, int column) => $"{Column(column)}{row}";

    /// <summary>Reads <c>D12</c> into row 12 and column 4; false for anything else.</summary>
    public static bool TryParse(string address, out int row, out int column)
    {
        (row, column) = (0, 0);
        var i = 0;
        for (; i < address.Length && address[i] is >= 'A' and <= 'Z'; i++)
        {
            if (column > 100_000)
            {
                return false;
            }

            column = (column * 26) + (address[i] - 'A' + 1);
        }

        return i > 0 && i < address.Length && int.TryParse(address.AsSpan(i), System.Globalization.NumberStyles.None, null, out row) && row > 0;
    }
}
