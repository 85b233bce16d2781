using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartCityIndex.Infrastructure.Scoring;

/// <summary>What made a score run happen.</summary>
public enum RunTriggerKind
{
    /// <summary>The portal scored every period as it started.</summary>
    StartUp,

    /// <summary>An evaluator approved a city's submission.</summary>
    Approved,

    /// <summary>An approved submission was reopened.</summary>
    Reopened,

    /// <summary>Anything else (a test, an admin task): shown as stored.</summary>
    Other,
}

/// <summary>
/// Why a run was made, stored as a language-neutral code (<c>start-up</c>, <c>approved:CN-HZ:2024:user</c>) so that
/// pages can say it in the reader's language. <see cref="ParseAll"/> also reads the English sentences that runs stored
/// before the codes ("approved CN-HZ 2024 by user").
/// </summary>
public sealed partial record RunTrigger(RunTriggerKind Kind, string? City = null, int? Year = null, string? By = null, string? Text = null)
{
    /// <summary>Between the triggers of one run, when several requests were scored together.</summary>
    public const string Separator = "; ";

    private const string StartUpCode = "start-up";

    /// <summary>The portal's start-up.</summary>
    public static RunTrigger StartUp { get; } = new(RunTriggerKind.StartUp);

    /// <summary>A review decision (<c>Approved</c> or <c>Reopened</c>, as the audit trail names them) on a city's submission.</summary>
    public static RunTrigger Review(string action, string city, int year, string by) =>
        new(Enum.TryParse<RunTriggerKind>(action, ignoreCase: true, out var kind) && kind is RunTriggerKind.Approved or RunTriggerKind.Reopened
            ? kind : RunTriggerKind.Other, city, year, by, action);

    /// <summary>Anything else, shown as given.</summary>
    public static RunTrigger Of(string text) => new(RunTriggerKind.Other, Text: text);

    /// <summary>The code stored with the run.</summary>
    public string Code => Kind switch
    {
        RunTriggerKind.StartUp => StartUpCode,
        RunTriggerKind.Approved or RunTriggerKind.Reopened =>
            $"{Kind.ToString().ToLowerInvariant()}:{City}:{Year?.ToString(CultureInfo.InvariantCulture)}:{By}",
        _ => Text ?? string.Empty,
    };

    /// <summary>The triggers of a stored run, new codes and old sentences alike.</summary>
    public static IReadOnlyList<RunTrigger> ParseAll(string stored) =>
        [.. stored.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];

    /// <summary>One trigger from its code (or from the sentence stored before codes).</summary>
    public static RunTrigger Parse(string one)
    {
        if (one == StartUpCode)
        {
            return StartUp;
        }

        var match = CodePattern().Match(one) is { Success: true } code ? code : OldSentencePattern().Match(one);
        if (match.Success && Enum.TryParse<RunTriggerKind>(match.Groups["kind"].Value, ignoreCase: true, out var kind))
        {
            return new RunTrigger(kind, match.Groups["city"].Value, int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), match.Groups["by"].Value);
        }

        return Of(one);
    }

    [GeneratedRegex("^(?<kind>approved|reopened):(?<city>[^:]+):(?<year>[0-9]{4}):(?<by>.+)$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^(?<kind>approved|reopened) (?<city>\\S+) (?<year>[0-9]{4}) by (?<by>.+)$")]
    private static partial Regex OldSentencePattern();
}
