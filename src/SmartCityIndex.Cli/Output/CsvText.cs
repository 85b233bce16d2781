using System.Globalization;

namespace SmartCityIndex.Cli.Output;

/// <summary>Writes CSV numbers in the invariant culture (text fields go through <see cref="Domain.Interchange.CsvField"/>).</summary>
internal static class CsvText
{
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
