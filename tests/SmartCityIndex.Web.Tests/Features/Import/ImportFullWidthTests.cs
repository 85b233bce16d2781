using System.Text;

namespace SmartCityIndex.Web.Tests.Features.Import;

/// <summary>A CSV typed with a Chinese input method (full-width digits and separators, a percent sign) imports as typed.</summary>
public sealed class ImportFullWidthTests
{
    [Fact]
    public async Task PreviewAsync_FullWidthValues_ReadsThemAsNumbers()
    {
        await using var portal = await SeededServices.CreateAsync(DatabaseProvider.Sqlite, cluster: null);
        var year = await portal.FreshYearAsync("CN-HZ");
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);
        var csv = Encoding.UTF8.GetBytes("code,value\nINF01,８８．５\nINF02,\"７７，５\"\nINF03,６５％\n");

        var preview = await import.PreviewAsync("CN-HZ", year, csv, "values.csv");

        Assert.Empty(preview!.Problems);
        Assert.Equal([("INF01", 88.5m), ("INF02", 77.5m), ("INF03", 65m)], preview.Changes.Select(c => (c.Code, c.New.Value!.Value)));
    }
}
