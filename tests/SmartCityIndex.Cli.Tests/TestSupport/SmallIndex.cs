namespace SmartCityIndex.Cli.Tests.TestSupport;

/// <summary>
/// A hand-sized index to write into a <see cref="TempFolder"/>: three indicators (C lower-is-better) under one
/// aggregate, four units. Tests change one line to make the input they need.
/// </summary>
internal static class SmallIndex
{
    public static string[] Meta =>
    [
        "iCode,iName,Level,Parent,Direction,Weight,Type",
        "A,Alpha,1,Index,1,1,Indicator",
        "B,Beta,1,Index,1,2,Indicator",
        "C,Gamma,1,Index,-1,1,Indicator",
        "Index,Index,2,,,1,Aggregate",
    ];

    public static string[] Data =>
    [
        "uCode,uName,Region,A,B,C",
        "U1,One,North,1,10,5",
        "U2,Two,North,2,30,4",
        "U3,Three,South,4,20,NA",
        "U4,Four,South,3,,1",
    ];

    /// <summary>Writes data.csv and meta.csv (with <paramref name="data"/> or <paramref name="meta"/> instead of the defaults) and returns their paths.</summary>
    public static (string Data, string Meta) WriteTo(TempFolder folder, string[]? data = null, string[]? meta = null) =>
        (folder.Write("data.csv", data ?? Data), folder.Write("meta.csv", meta ?? Meta));
}
