namespace SmartCityIndex.Web.Features.Submissions;

/// <summary>
/// Reads a number as officials type it, whatever their habits: <c>1234.5</c>, <c>1,234.5</c>, <c>1 234,5</c>,
/// <c>1.234,5</c> or <c>12,5</c>. Spaces (also non-breaking and thin spaces) group digits; when both a comma and a dot
/// appear, the last one is the decimal mark; a lone comma is a decimal mark unless it groups exactly three digits
/// (<c>1,234</c> is one thousand two hundred and thirty-four, as in English and Chinese).
/// <para>
/// What a Chinese input method types is read the same: full-width digits, signs and separators (<c>８８．５</c>,
/// <c>１，２３４</c>, <c>－３</c>), the ideographic full stop as a decimal mark (<c>88。5</c>) and the ideographic space.
/// A trailing <c>%</c> or <c>％</c> is dropped: the number is taken as typed, in the indicator's unit (<c>85%</c> is 85).
/// </para>
/// </summary>
public static class NumberInput
{
    /// <summary>Parses <paramref name="text"/>; false when it is not a number.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = new string([.. text.Trim().Select(Narrow).Where(c => c is not (' ' or '\u00A0' or '\u202F' or '\u2009' or '\u3000' or '\''))]);
        if (s.EndsWith('%'))
        {
            s = s[..^1];
        }

        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        if (lastComma >= 0 && lastDot >= 0)
        {
            var decimalMark = lastComma > lastDot ? ',' : '.';
            var group = decimalMark == ',' ? '.' : ',';
            s = s.Replace(group.ToString(), string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }
        else if (lastComma >= 0)
        {
            var groups = s.Split(',');
            var thousands = groups.Length > 1 && groups.Skip(1).All(g => g.Length == 3) && groups[0].TrimStart('-', '+').Length is >= 1 and <= 3;
            s = thousands ? s.Replace(",", string.Empty, StringComparison.Ordinal) : groups.Length == 2 ? s.Replace(',', '.') : s;
        }

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The half-width form of a full-width digit, sign or separator (and of the ideographic full stop and minus sign).</summary>
    private static char Narrow(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0), // the full-width block mirrors ASCII '!'..'~'
        '\u3002' => '.', // 。
        '\u2212' => '-', // minus sign
        _ => c,
    };

    /// <summary>Shows a value the way the current culture writes it, with no needless trailing zeros.</summary>
    public static string Format(decimal? value) => value?.ToString("#,0.######", CultureInfo.CurrentCulture) ?? string.Empty;
}
