using System.Text.Encodings.Web;
using System.Text.Json;
using SmartCityIndex.Domain.Interchange;
using SmartCityIndex.Domain.Scoring;

namespace SmartCityIndex.Cli.Output;

/// <summary>Writes a score run as CSV or JSON: every aggregate's score per unit (in input order) and the index rank.</summary>
internal static class ScoreWriter
{
    private const int JsonFlushThreshold = 1 << 16;

    /// <summary>
    /// CSV: a header <c>uCode</c>, the aggregate codes in the structure's node order (all levels, the index last), then
    /// <c>Rank</c>; one row per unit. A missing score and rank 0 (no score) are empty cells.
    /// </summary>
    public static void WriteCsv(ScoreResult result, TextWriter writer)
    {
        var structure = result.Structure;
        var scores = result.Scores.Data;
        var rows = result.Scores.Rows;
        var ranks = result.IndexRanks;

        writer.Write("uCode");
        for (var node = structure.IndicatorCount; node < structure.NodeCount; node++)
        {
            writer.Write(',');
            CsvField.Write(writer, structure.Nodes[node].Code);
        }

        writer.WriteLine(",Rank");
        for (var u = 0; u < rows; u++)
        {
            CsvField.Write(writer, result.Data.UnitCodes[u]);
            for (var node = structure.IndicatorCount; node < structure.NodeCount; node++)
            {
                writer.Write(',');
                CsvText.WriteNumber(writer, scores[node * rows + u]);
            }

            writer.Write(',');
            if (ranks[u] > 0)
            {
                CsvText.WriteInteger(writer, ranks[u]);
            }

            writer.WriteLine();
        }
    }

    /// <summary>
    /// JSON: <c>{"units":[{"uCode":"X","scores":{"Index":..,"Pillar":..},"rank":1}],"warnings":["..."],"treatments":[..]}</c>,
    /// scores of every aggregate in node order; a missing score or rank is null; treatments list the indicators whose
    /// outliers were treated (indicator, action, points, units).
    /// </summary>
    public static void WriteJson(ScoreResult result, Utf8JsonWriter json)
    {
        var structure = result.Structure;
        var scores = result.Scores.Data;
        var rows = result.Scores.Rows;
        var ranks = result.IndexRanks;
        var names = new JsonEncodedText[structure.NodeCount - structure.IndicatorCount];
        for (var a = 0; a < names.Length; a++)
        {
            names[a] = JsonEncodedText.Encode(structure.Nodes[structure.IndicatorCount + a].Code, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        }

        json.WriteStartObject();
        json.WriteStartArray("units"u8);
        for (var u = 0; u < rows; u++)
        {
            json.WriteStartObject();
            json.WriteString("uCode"u8, result.Data.UnitCodes[u]);
            json.WriteStartObject("scores"u8);
            for (var a = 0; a < names.Length; a++)
            {
                var value = scores[(structure.IndicatorCount + a) * rows + u];
                if (double.IsNaN(value))
                {
                    json.WriteNull(names[a]);
                }
                else
                {
                    json.WriteNumber(names[a], value);
                }
            }

            json.WriteEndObject();
            if (ranks[u] > 0)
            {
                json.WriteNumber("rank"u8, ranks[u]);
            }
            else
            {
                json.WriteNull("rank"u8);
            }

            json.WriteEndObject();
            if (json.BytesPending > JsonFlushThreshold)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings"u8);
        foreach (var warning in result.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteStartArray("treatments"u8);
        foreach (var treatment in result.Treatments)
        {
            json.WriteStartObject();
            json.WriteString("indicator"u8, treatment.Indicator);
            json.WriteString("action"u8, treatment.Action);
            json.WriteNumber("points"u8, treatment.Points);
            json.WriteStartArray("units"u8);
            foreach (var unit in treatment.Units)
            {
                json.WriteStringValue(result.Data.UnitCodes[unit]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One line per treated indicator, for standard error.</summary>
    public static IEnumerable<string> DescribeTreatments(ScoreResult result) =>
        result.Treatments.Select(t => t.Action == "winsorised"
            ? $"treated: {t.Indicator} winsorised {t.Points} value(s) ({string.Join(", ", t.Units.Select(u => result.Data.UnitCodes[u]))}); skewness {t.SkewBefore:0.##} -> {t.SkewAfter:0.##}, kurtosis {t.KurtosisBefore:0.##} -> {t.KurtosisAfter:0.##}"
            : $"treated: {t.Indicator} log-transformed; skewness {t.SkewBefore:0.##} -> {t.SkewAfter:0.##}, kurtosis {t.KurtosisBefore:0.##} -> {t.KurtosisAfter:0.##}");
}
