using System.Text.Json;
using SmartCityIndex.Domain.Interchange;
using SmartCityIndex.Domain.Sensitivity;

namespace SmartCityIndex.Cli.Output;

/// <summary>Writes an uncertainty analysis as CSV (COINr's rank statistics columns) or JSON.</summary>
internal static class SensitivityWriter
{
    /// <summary>CSV: uCode, Nominal, Mean, Median, Q5, Q95, MeanAbsShift; one row per unit in input order.</summary>
    public static void WriteCsv(SensitivityResult result, TextWriter writer)
    {
        writer.WriteLine("uCode,Nominal,Mean,Median,Q5,Q95,MeanAbsShift");
        foreach (var unit in result.Units)
        {
            CsvField.Write(writer, unit.UnitCode);
            writer.Write(',');
            if (unit.NominalRank > 0)
            {
                CsvText.WriteInteger(writer, unit.NominalRank);
            }

            foreach (var value in new[] { unit.MeanRank, unit.MedianRank, unit.Q5, unit.Q95, unit.MeanAbsoluteShift })
            {
                writer.Write(',');
                CsvText.WriteNumber(writer, value);
            }

            writer.WriteLine();
        }
    }

    /// <summary>JSON: runs, seed, units with their rank statistics (null where a unit never had a score), warnings.</summary>
    public static void WriteJson(SensitivityResult result, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("runs"u8, result.Options.Runs);
        json.WriteNumber("seed"u8, result.Options.Seed);
        json.WriteStartArray("units"u8);
        foreach (var unit in result.Units)
        {
            json.WriteStartObject();
            json.WriteString("uCode"u8, unit.UnitCode);
            Number(json, "nominal", unit.NominalRank > 0 ? unit.NominalRank : double.NaN);
            Number(json, "mean", unit.MeanRank);
            Number(json, "median", unit.MedianRank);
            Number(json, "q5", unit.Q5);
            Number(json, "q95", unit.Q95);
            Number(json, "meanAbsoluteShift", unit.MeanAbsoluteShift);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings"u8);
        foreach (var warning in result.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsNaN(value))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }
}
