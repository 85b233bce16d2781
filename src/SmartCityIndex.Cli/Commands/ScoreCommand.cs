using SmartCityIndex.Cli.Output;
using SmartCityIndex.Domain.Scoring;

namespace SmartCityIndex.Cli.Commands;

/// <summary><c>sci score</c>: runs the scoring engine on a COINr data and meta table and writes every aggregate's score and the index rank.</summary>
internal static class ScoreCommand
{
    /// <summary>The command with its options.</summary>
    public static Command Create()
    {
        var inputs = new ScoringInputs();
        var format = CommandSupport.Choice("--format",
            "csv: uCode, one column per aggregate (all levels), then Rank (of the index); warnings go to standard error. " +
            "json: {\"units\": [{\"uCode\", \"scores\", \"rank\"}], \"warnings\": [...]}.",
            "csv", "csv", "json");
        var output = CommandSupport.OutputOption("Write the result to this file instead of standard output.");

        var command = new Command("score", "Score every unit on every aggregate of the index, and rank them on the index.");
        inputs.AddTo(command);
        command.Add(format);
        command.Add(output);

        return command.WithAction((parseResult, standardOutput, standardError) =>
        {
            var options = inputs.Options(parseResult);
            var (structure, units) = inputs.ReadIndex(parseResult);
            var result = ScoringEngine.Score(structure, units, options);

            return OutputTarget.WriteResult(parseResult.GetValue(format)!, parseResult.GetValue(output), standardOutput, standardError,
                json => ScoreWriter.WriteJson(result, json),
                writer => ScoreWriter.WriteCsv(result, writer),
                result.Warnings.Select(w => $"warning: {w}").Concat(ScoreWriter.DescribeTreatments(result)));
        });
    }
}
