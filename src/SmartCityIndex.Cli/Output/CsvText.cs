using System.Globalization;

namespace SmartCityIndex.Cli.Output;

/// <summary>Writes CSV fields: text quoted only when it must be (RFC 4180), numbers in the invariant culture.</summary>
internal static class CsvText
{
    /// <summary>Writes <paramref name="text"/>, in double quotes (doubling the quotes inside) when it holds a comma, a quote or a line break.</summary>
    public static void WriteField(TextWriter writer, string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(text);
            return;
        }

        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    /// <summary>Writes the shortest text that reads back as exactly <paramref name="value"/>; nothing for NaN (missing).</summary>
    public static void WriteNumber(TextWriter writer, double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        Span<char> buffer = stackalloc char[32];
        if (value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
        {
            writer.Write(buffer[..written]);
        }
        else
        {
            writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a whole number in the invariant culture.</summary>
    public static void WriteInteger(TextWriter writer, int value)
    {
        Span<char> buffer = stackalloc char[12];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }
}
