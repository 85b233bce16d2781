using SmartCityIndex.Domain.Indexing;
using SmartCityIndex.Domain.Scoring;

namespace SmartCityIndex.Cli.Commands;

/// <summary>
/// The options that say what to score and how (--data, --meta and the engine's settings), shared by every command
/// that runs the scoring engine, so that they are spelt, described and read the same way everywhere.
/// </summary>
internal sealed class ScoringInputs
{
    private readonly Option<string> _data = CommandSupport.FileOption("--data",
        "The units' data (COINr iData) as CSV: a uCode column, optionally uName and group columns (for --impute " +
        "group-mean:COLUMN), and one column per indicator code of the meta table. An empty cell or NA is missing.");

    private readonly Option<string> _meta = CommandSupport.FileOption("--meta",
        "The index structure (COINr iMeta) as CSV: iCode, iName, Level (1 = indicator), Parent (empty or NA at the " +
        "top), Direction (1 or -1), Weight (relative to its siblings), Type (Indicator or Aggregate; other rows are " +
        "ignored), optionally GoalLow, GoalHigh and Unit.");

    private readonly Option<string> _normalise = CommandSupport.Choice("--normalise",
        "How indicators are brought to a common scale: minmax (to --range), zscore (mean 0, sample sd 1), rank (average " +
        "ranks scaled to --range) or goalposts (between each indicator's GoalLow and GoalHigh, scaled to --range).",
        "minmax", OptionValues.Normalisations);

    private readonly Option<string> _range = new Option<string>("--range")
    {
        Description = "The target range of minmax, rank and goalposts normalisation: LOW,HIGH with a dot for decimals. " +
            "Use 1,100 for geometric or harmonic aggregation, which need values above zero.",
        HelpName = "LOW,HIGH",
        DefaultValueFactory = _ => "0,100",
    }.Validated(text => OptionValues.TryParseRange(text, out var error) is null ? error : null);

    private readonly Option<string> _aggregate = CommandSupport.Choice("--aggregate",
        "How each aggregate combines its children, with their weights: arithmetic, geometric or harmonic mean (the " +
        "last two need positive values: --range 1,100), or topsis or gra (grey relational analysis), which score each " +
        "aggregate from the raw indicators beneath it (x 100) and need complete data.",
        "arithmetic", OptionValues.Aggregations);

    private readonly Option<string> _topsisNormalise = CommandSupport.Choice("--topsis-normalise",
        "How --aggregate topsis normalises the raw data: vector (x / sqrt(sum of x squared)) or minmax (to 0-1 by direction).",
        "vector", OptionValues.TopsisNormalisations);

    private readonly Option<double> _graZeta = CommandSupport.Number("--gra-zeta", "ZETA",
        "The distinguishing coefficient of --aggregate gra, greater than 0 and at most 1.", 0.5);

    private readonly Option<string> _impute = new Option<string>("--impute")
    {
        Description = "What replaces missing values before normalising: none (aggregates use the children present), " +
            "mean or median (of the indicator), group-mean:COLUMN or group-median:COLUMN (within the unit's group in " +
            "that column of the data, such as group-mean:Region).",
        HelpName = "METHOD",
        DefaultValueFactory = _ => "none",
    }.Validated(text => OptionValues.TryParseImputation(text, out var error) is null ? error : null);

    private readonly Option<string> _treat = CommandSupport.Choice("--treat",
        "Outlier treatment before normalising: none, or winsorise (COINr's default: winsorise up to 5 points while " +
        "|skewness| >= 2 and kurtosis >= 3.5, else log-transform).",
        "none", OptionValues.Treatments);

    /// <summary>Adds the options to <paramref name="command"/>, in the order help lists them.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _data, _meta, _normalise, _range, _aggregate, _topsisNormalise, _graZeta, _impute, _treat })
        {
            command.Add(option);
        }
    }

    /// <summary>The engine's settings as given (the options' texts were checked while parsing).</summary>
    public ScoringOptions Options(ParseResult parseResult)
    {
        var (low, high) = OptionValues.TryParseRange(parseResult.GetValue(_range)!, out _)!.Value;
        var options = new ScoringOptions
        {
            Normalisation = OptionValues.Normalisation(parseResult.GetValue(_normalise)!),
            RangeLow = low,
            RangeHigh = high,
            Aggregation = OptionValues.Aggregation(parseResult.GetValue(_aggregate)!),
            TopsisNormalisation = OptionValues.TopsisNormalisation(parseResult.GetValue(_topsisNormalise)!),
            GraZeta = parseResult.GetValue(_graZeta),
            Imputation = OptionValues.TryParseImputation(parseResult.GetValue(_impute)!, out _)!,
            Treatment = OptionValues.Treatment(parseResult.GetValue(_treat)!),
        };
        options.Validate();
        return options;
    }

    /// <summary>Reads the meta and data files.</summary>
    public (IndexStructure Structure, UnitData Units) ReadIndex(ParseResult parseResult)
    {
        var structure = InputFiles.ReadStructure(parseResult.GetValue(_meta)!);
        return (structure, InputFiles.ReadUnits(parseResult.GetValue(_data)!, structure));
    }
}
