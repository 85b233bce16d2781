using System.Globalization;
using System.Text.Json;
using SmartCityIndex.Domain.Weighting;

namespace SmartCityIndex.Cli.Output;

/// <summary>Writes weights as JSON (full precision) or as a table to read (rounded).</summary>
internal static class WeightsWriter
{
    /// <summary>
    /// JSON: <c>{"weights":{"A":0.1,..},"lambdaMax":..,"ci":..,"cr":..,"consistent":true}</c>, with
    /// <c>"mostInconsistent":{"row","column","given","consistentWithWeights"}</c> when there is one. Text: a table.
    /// </summary>
    public static void WriteAhp(AhpResult result, IReadOnlyList<string> criteria, bool text, TextWriter output)
    {
        if (text)
        {
            WriteTable(output, "Criterion", criteria, result.Weights);
            output.WriteLine();
            output.WriteLine(Invariant($"lambda max  {result.LambdaMax:F4}"));
            output.WriteLine(Invariant($"CI          {result.ConsistencyIndex:F4}"));
            output.WriteLine(Invariant($"CR          {result.ConsistencyRatio:F4}  ") +
                (result.IsConsistent ? "consistent (CR < 0.1)" : "NOT consistent (CR >= 0.1): revise the judgements"));
            if (result.MostInconsistent is { } worst)
            {
                output.WriteLine(
                    $"Most inconsistent judgement: {worst.RowCriterion} vs {worst.ColumnCriterion} is {Ahp.FormatJudgement(worst.Given)}; " +
                    Invariant($"the weights imply {worst.Consistent:0.###}."));
            }

            output.Flush();
            return;
        }

        WriteJson(output, json =>
        {
            json.WriteStartObject();
            WriteWeights(json, criteria, result.Weights);
            json.WriteNumber("lambdaMax"u8, result.LambdaMax);
            json.WriteNumber("ci"u8, result.ConsistencyIndex);
            json.WriteNumber("cr"u8, result.ConsistencyRatio);
            json.WriteBoolean("consistent"u8, result.IsConsistent);
            if (result.MostInconsistent is { } worst)
            {
                json.WriteStartObject("mostInconsistent"u8);
                json.WriteString("row"u8, worst.RowCriterion);
                json.WriteString("column"u8, worst.ColumnCriterion);
                json.WriteNumber("given"u8, worst.Given);
                json.WriteNumber("consistentWithWeights"u8, worst.Consistent);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        });
    }

    /// <summary>JSON: <c>{"weights":{"iCode":w,..}}</c>. Text: a table.</summary>
    public static void WriteIndicatorWeights(IReadOnlyList<string> codes, IReadOnlyList<double> weights, bool text, TextWriter output)
    {
        if (text)
        {
            WriteTable(output, "Indicator", codes, weights);
            output.Flush();
            return;
        }

        WriteJson(output, json =>
        {
            json.WriteStartObject();
            WriteWeights(json, codes, weights);
            json.WriteEndObject();
        });
    }

    private static void WriteWeights(Utf8JsonWriter json, IReadOnlyList<string> names, IReadOnlyList<double> weights)
    {
        json.WriteStartObject("weights"u8);
        for (var i = 0; i < names.Count; i++)
        {
            json.WriteNumber(names[i], weights[i]);
        }

        json.WriteEndObject();
    }

    private static void WriteJson(TextWriter output, Action<Utf8JsonWriter> write) =>
        OutputTarget.WriteJson(null, output, write);

    private static void WriteTable(TextWriter output, string heading, IReadOnlyList<string> names, IReadOnlyList<double> weights)
    {
        var width = heading.Length;
        foreach (var name in names)
        {
            width = Math.Max(width, name.Length);
        }

        output.WriteLine($"{heading.PadRight(width)}  Weight");
        for (var i = 0; i < names.Count; i++)
        {
            output.WriteLine($"{names[i].PadRight(width)}  " + Invariant($"{weights[i],6:F4}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
