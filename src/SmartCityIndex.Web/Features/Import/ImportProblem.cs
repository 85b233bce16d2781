using SmartCityIndex.Web.Features.Submissions;

namespace SmartCityIndex.Web.Features.Import;

/// <summary>An indicator as a message names it: its code and its name in both languages.</summary>
public sealed record ImportIndicator(string Code, string NameEn, string NameZh);

/// <summary>
/// A problem with an upload: where it is (the file, and the sheet, row, column, field and indicator where there are
/// ones) and what it is, as a key of <c>SharedResource</c> with its arguments. No text is built here:
/// <see cref="Describe"/> puts it into the reader's language.
/// </summary>
public sealed record ImportProblem(string File, string Key, params object?[] Args)
{
    public string? Sheet { get; init; }
    public int? Row { get; init; }

    /// <summary>The column's letters, as a spreadsheet shows them (A, B, …).</summary>
    public string? Column { get; init; }

    /// <summary>The column's name in the header (<c>value</c>, <c>note</c>, …).</summary>
    public string? Field { get; init; }

    public ImportIndicator? Indicator { get; init; }

    /// <summary>"hangzhou.csv, row 3, column D (value), INF02 Broadband…: 'about sixty' is not a number." in the current UI culture.</summary>
    public string Describe(IStringLocalizer<SharedResource> text)
    {
        var place = new List<string> { File };
        if (Sheet is not null)
        {
            place.Add(text[nameof(Keys.ImportPlaceSheet), Sheet]);
        }

        if (Sheet is not null && Row is { } cellRow && Column is not null)
        {
            place.Add(text[nameof(Keys.ImportPlaceCell), $"{Column}{cellRow}"]);
        }
        else
        {
            if (Row is { } row)
            {
                place.Add(text[nameof(Keys.ImportPlaceRow), row]);
            }

            if (Column is not null)
            {
                place.Add(Field is null ? text[nameof(Keys.ImportPlaceColumn), Column] : text[nameof(Keys.ImportPlaceColumnField), Column, Field]);
            }
        }

        if (Indicator is { } indicator)
        {
            place.Add($"{indicator.Code} {LocalizationSetup.Pick(indicator.NameEn, indicator.NameZh)}");
        }

        var what = text[Key, [.. Args.Select(a => Argument(a, text) ?? string.Empty)]];
        return text[nameof(Keys.ImportProblemLine), string.Join(text[nameof(Keys.ImportPlaceSeparator)], place), what];
    }

    private static object? Argument(object? argument, IStringLocalizer<SharedResource> text) => argument switch
    {
        decimal number => NumberInput.Format(number),
        SubmissionStatus status => text[$"Status_{status}"].Value,
        ImportUnit unit => text.Unit(unit.Name),
        _ => argument,
    };
}

/// <summary>A unit as a message argument, shown in the reader's language where it has a translation.</summary>
public sealed record ImportUnit(string Name);
