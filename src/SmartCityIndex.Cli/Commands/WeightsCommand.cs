using SmartCityIndex.Cli.Output;
using SmartCityIndex.Domain;
using SmartCityIndex.Domain.Weighting;

namespace SmartCityIndex.Cli.Commands;

/// <summary><c>sci weights ahp|entropy|critic</c>: weights from an expert's pairwise comparisons or from the data.</summary>
internal static class WeightsCommand
{
    /// <summary>The command with its three subcommands.</summary>
    public static Command Create() =>
        new("weights", "Derive weights: from pairwise comparisons (ahp) or from the data (entropy, critic).")
        {
            AhpCommand(),
            EntropyCommand(),
            CriticCommand(),
        };

    private static Option<string> Format() => CommandSupport.Choice("--format",
        "json (for programs) or text (a table to read).", "json", "json", "text");

    private static Command AhpCommand()
    {
        var matrix = CommandSupport.FileOption("--matrix",
            "The pairwise comparison matrix as CSV: a header row with an empty first cell and then the criteria's names, " +
            "and one row per criterion in the same order: its name, then how many times more important it is than each " +
            "column's criterion, on Saaty's scale 1/9 to 9 (numbers such as 3 or 0.5, or fractions such as 1/3). The " +
            "diagonal is 1 and a_ji = 1/a_ij.");
        var format = Format();
        var command = new Command("ahp",
            "Weights from pairwise comparisons by the analytic hierarchy process (Saaty): the principal eigenvector, " +
            "lambda max, the consistency index CI and ratio CR (consistent when CR < 0.1), and the judgement that " +
            "disagrees most with the weights.")
        {
            matrix, format,
        };

        return command.WithAction((parseResult, output, _) =>
        {
            var path = parseResult.GetValue(matrix)!;
            var read = AhpMatrixReader.Read(path);
            AhpResult result;
            try
            {
                result = Ahp.Compute(read.Judgements, read.Criteria);
            }
            catch (DomainException e)
            {
                throw new InputException($"{path}: {e.Message}");
            }

            WeightsWriter.WriteAhp(result, read.Criteria, parseResult.GetValue(format) == "text", output);
            return 0;
        });
    }

    private static Command EntropyCommand()
    {
        var (data, meta) = DataOptions();
        var prepare = CommandSupport.Choice("--prepare",
            "How the data are prepared before measuring their entropy: minmax (to 0-1 by each indicator's direction, " +
            "the usual choice) or raw (the values as they are; they must not be negative, and directions play no part).",
            "minmax", OptionValues.Preparations);
        var format = Format();
        var command = new Command("entropy",
            "Entropy weights of the indicators: the more the units differ on an indicator, the more weight it gets. " +
            "Missing values are skipped indicator by indicator.")
        {
            data, meta, prepare, format,
        };

        return command.WithAction((parseResult, output, _) =>
        {
            var (codes, values, directions) = ReadIndicators(parseResult.GetValue(data)!, parseResult.GetValue(meta)!);
            var weights = Entropy.Compute(values, directions, OptionValues.Preparation(parseResult.GetValue(prepare)!));
            WeightsWriter.WriteIndicatorWeights(codes, weights, parseResult.GetValue(format) == "text", output);
            return 0;
        });
    }

    private static Command CriticCommand()
    {
        var (data, meta) = DataOptions();
        var prepare = CommandSupport.Choice("--prepare",
            "CRITIC always scales the data to 0-1 by direction (minmax); raw is refused.", "minmax", OptionValues.Preparations);
        var format = Format();
        var command = new Command("critic",
            "CRITIC weights of the indicators (Diakoulaki et al. 1995): more weight for an indicator on which the units " +
            "differ more (its standard deviation) and that repeats the others less (its correlation with them). Only " +
            "units with a value for every indicator are used.")
        {
            data, meta, prepare, format,
        };

        return command.WithAction((parseResult, output, _) =>
        {
            if (parseResult.GetValue(prepare) == "raw")
            {
                throw new InputException(
                    "--prepare raw applies to entropy weights only: CRITIC always scales the data to 0-1 by direction (minmax).");
            }

            var (codes, values, directions) = ReadIndicators(parseResult.GetValue(data)!, parseResult.GetValue(meta)!);
            var weights = Critic.Compute(values, directions);
            WeightsWriter.WriteIndicatorWeights(codes, weights, parseResult.GetValue(format) == "text", output);
            return 0;
        });
    }

    private static (Option<string> Data, Option<string> Meta) DataOptions() => (
        CommandSupport.FileOption("--data",
            "The units' data (COINr iData) as CSV: a uCode column and one column per indicator code of the meta table; " +
            "an empty cell or NA is missing."),
        CommandSupport.FileOption("--meta",
            "The index structure (COINr iMeta) as CSV: iCode, Level, Parent, Direction (1 or -1, used for the indicators' " +
            "directions), Weight and Type (Indicator or Aggregate)."));

    private static (string[] Codes, Domain.Numerics.ColumnMatrix Values, int[] Directions) ReadIndicators(string dataPath, string metaPath)
    {
        var structure = InputFiles.ReadStructure(metaPath);
        var units = InputFiles.ReadUnits(dataPath, structure);
        var codes = new string[structure.IndicatorCount];
        for (var j = 0; j < codes.Length; j++)
        {
            codes[j] = structure.Nodes[j].Code;
        }

        return (codes, units.Values, structure.Directions);
    }
}
