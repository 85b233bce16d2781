namespace SmartCityIndex.Domain.Interchange;

/// <summary>
/// Writes one CSV field as <see cref="CsvTable"/> reads it back (RFC 4180): in double quotes, the quotes inside doubled,
/// only when it holds a comma, a quote or a line break. The one escaper for every CSV the solution writes.
/// </summary>
public static class CsvField
{
    private static readonly System.Buffers.SearchValues<char> NeedQuotes = System.Buffers.SearchValues.Create(",\"\r\n");

    /// <summary>Writes <paramref name="text"/> (nothing for null) to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (text.AsSpan().IndexOfAny(NeedQuotes) < 0)
        {
            writer.Write(text);
            return;
        }

        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    /// <summary>The field as text, quoted where it must be.</summary>
    public static string Quote(string? text)
    {
        using var writer = new StringWriter();
        Write(writer, text);
        return writer.ToString();
    }
}
