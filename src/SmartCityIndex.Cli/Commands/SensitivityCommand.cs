using SmartCityIndex.Cli.Output;
using SmartCityIndex.Domain.Aggregation;
using SmartCityIndex.Domain.Normalisation;
using SmartCityIndex.Domain.Sensitivity;

namespace SmartCityIndex.Cli.Commands;

/// <summary>
/// <c>sci sensitivity</c>: Monte Carlo uncertainty analysis of the index ranks over weights and methods; per unit the
/// nominal, mean, median, 5th and 95th percentile rank and the mean absolute rank shift.
/// </summary>
internal static class SensitivityCommand
{
    /// <summary>The command with its options.</summary>
    public static Command Create()
    {
        var inputs = new ScoringInputs();
        var runs = new Option<int>("--runs")
        {
            Description = "Number of Monte Carlo replications (1 to 1000000), such as 1000.",
            HelpName = "N",
            Required = true,
        };
        var noise = CommandSupport.Number("--weight-noise", "N",
            "Each weight at the chosen levels is multiplied by 1 + U(-N, N) in every replication; at least 0 and below 1.", 0.25);
        var levels = new Option<string>("--levels")
        {
            Description = "The levels whose weights vary, comma-separated, such as 1,2,3 (1 = indicators). Default: every level below the index.",
            HelpName = "L1,L2,...",
        }.Validated(text => ParseList(text, int.Parse, "--levels", "whole numbers such as 1,2,3", out _));
        var aggregations = new Option<string>("--aggregate-alternatives")
        {
            Description = "Aggregation methods drawn with equal probability in each replication, comma-separated, from " +
                $"{string.Join(", ", OptionValues.Aggregations)}. Default: the --aggregate method only.",
            HelpName = "M1,M2,...",
        }.Validated(text => ParseList(text, StrictAggregation, "--aggregate-alternatives", string.Join(", ", OptionValues.Aggregations), out _));
        var normalisations = new Option<string>("--normalise-alternatives")
        {
            Description = "Normalisation methods drawn with equal probability in each replication, comma-separated, from " +
                $"{string.Join(", ", OptionValues.Normalisations)}. Default: the --normalise method only.",
            HelpName = "M1,M2,...",
        }.Validated(text => ParseList(text, StrictNormalisation, "--normalise-alternatives", string.Join(", ", OptionValues.Normalisations), out _));
        var seed = new Option<ulong>("--seed")
        {
            Description = "The random seed: the same seed gives the same result, on any number of cores.",
            HelpName = "S",
            DefaultValueFactory = _ => 42,
        };
        var format = CommandSupport.Choice("--format",
            "csv: uCode, Nominal, Mean, Median, Q5, Q95, MeanAbsShift (COINr's rank statistics, plus the mean absolute " +
            "rank shift). json: {\"runs\", \"seed\", \"units\": [{\"uCode\", \"nominal\", \"mean\", \"median\", \"q5\", \"q95\", \"meanAbsoluteShift\"}], \"warnings\"}.",
            "csv", "csv", "json");
        var output = CommandSupport.OutputOption("Write the result to this file instead of standard output.");

        var command = new Command("sensitivity", "Uncertainty analysis: how much each unit's index rank moves when weights and methods vary.");
        inputs.AddTo(command);
        foreach (var option in new Option[] { runs, noise, levels, aggregations, normalisations, seed, format, output })
        {
            command.Add(option);
        }

        return command.WithAction((parseResult, standardOutput, standardError) =>
        {
            var scoring = inputs.Options(parseResult);
            var (structure, units) = inputs.ReadIndex(parseResult);
            var options = new SensitivityOptions
            {
                Runs = parseResult.GetValue(runs),
                WeightNoise = parseResult.GetValue(noise),
                Levels = ParseListOrNull(parseResult.GetValue(levels), int.Parse),
                AggregationAlternatives = ParseListOrNull(parseResult.GetValue(aggregations), StrictAggregation),
                NormalisationAlternatives = ParseListOrNull(parseResult.GetValue(normalisations), StrictNormalisation),
                Seed = parseResult.GetValue(seed),
            };

            var progress = ProgressOnTerminal(standardError, options.Runs);
            var result = SensitivityAnalysis.Run(structure, units, scoring, options, progress);
            if (progress is not null)
            {
                standardError.WriteLine();
            }

            return OutputTarget.WriteResult(parseResult.GetValue(format)!, parseResult.GetValue(output), standardOutput, standardError,
                json => SensitivityWriter.WriteJson(result, json),
                writer => SensitivityWriter.WriteCsv(result, writer),
                result.Warnings.Select(w => $"warning: {w}"));
        });
    }

    /// <summary>A progress line on standard error, only when it is a terminal (not redirected, not a test's writer).</summary>
    private static Progress? ProgressOnTerminal(TextWriter error, int runs) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new Progress(runs) : null;

    private static AggregationMethod StrictAggregation(string value) =>
        OptionValues.Aggregations.Contains(value) ? OptionValues.Aggregation(value) : throw new ArgumentException(value);

    private static NormalisationMethod StrictNormalisation(string value) =>
        OptionValues.Normalisations.Contains(value) ? OptionValues.Normalisation(value) : throw new ArgumentException(value);

    private static string? ParseList<T>(string? text, Func<string, T> parse, string option, string allowed, out List<T>? values)
    {
        values = null;
        if (text is null)
        {
            return null;
        }

        try
        {
            values = [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(parse)];
            return values.Count == 0 ? $"{option} needs at least one value: {allowed}." : null;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return $"{option} must be a comma-separated list of {allowed} (got '{text}').";
        }
    }

    private static List<T>? ParseListOrNull<T>(string? text, Func<string, T> parse) =>
        ParseList(text, parse, string.Empty, string.Empty, out var values) is null ? values : null;

    /// <summary>Rewrites one line on the terminal, at most every 2 %.</summary>
    private sealed class Progress(int runs) : IProgress<int>
    {
        private int _shown;

        public void Report(int value)
        {
            var percent = value * 50 / runs;
            if (percent > Volatile.Read(ref _shown) && Interlocked.Exchange(ref _shown, percent) < percent)
            {
                Console.Error.Write($"\rreplications {value}/{runs}");
            }
        }
    }
}
