namespace SmartCityIndex.Web.Components.Charts;

/// <summary>One series of a chart: a name for the legend, its values (NaN = no value), and a colour class (chart-c1…c6).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, string ColourClass, bool Dashed = false);

internal static class ChartText
{
    public static string N(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
