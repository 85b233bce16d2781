using System.Net;
using System.Text;
using MiniExcelLibs;
using SmartCityIndex.Web.Features.Export;

namespace SmartCityIndex.Web.Tests.Features.Rankings;

public sealed class RankingsExportTests
{
    private const string Evil = "=HYPERLINK(\"http://example.invalid\",\"click\")";

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+86 10 1234", "'+86 10 1234")]
    [InlineData("-5% on last year", "'-5% on last year")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("Hangzhou", "Hangzhou")]
    public void Escape_TextAFormulaCouldStartWith_GetsAnApostrophe(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetFile.Escape(text));

    [Fact]
    public async Task Export_RankingsAsCsvAndXlsx_HaveEveryCityAndColumnWithFormulasEscaped()
    {
        await using var database = await SeededTemplates.CopyAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database);
        using var client = await SignIn.AsAsync(factory, DemoAccounts.Evaluator);
        var year = await RenameAndWaitForRunsAsync(factory);

        var csv = await client.GetAsync($"/rankings/export.csv?year={year}");
        var xlsx = await client.GetAsync($"/rankings/export.xlsx?year={year}");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"rankings-{year}.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Year,Rank,Code,City (English),City (Chinese),Province (English),Province (Chinese),Tier,Composite,Infrastructure,Infrastructure rank,"
            + "Urban industry,Urban industry rank,Urban services and management,Urban services and management rank,Change since " + (year - 1) + ",Data coverage,"
            + "\"Rank range, 5th percentile\",\"Rank range, 95th percentile\",Provisional,Score run", lines[0]);
        Assert.Equal(1 + 36, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(36, rows.Count);
        Assert.Equal(Enumerable.Range(1, 36), rows.Select(r => Convert.ToInt32(r["Rank"])));
        Assert.Contains(rows, r => (string?)r["City (English)"] == "'" + Evil);
        Assert.All(rows, r => Assert.InRange(Convert.ToDouble(r["Composite"]), 0, 100));
        Assert.Contains(rows, r => (string?)r["Tier"] == "Tier 1");
        Assert.DoesNotContain(rows, r => (string?)r["Tier"] == "First");
    }

    [Fact]
    public async Task Export_WithThePagesFiltersSortAndSearch_HasTheRowsThePageShowsInChineseWhenAskedInChinese()
    {
        await using var database = await SeededTemplates.CopyAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database);
        using var client = await SignIn.AsAsync(factory, DemoAccounts.Evaluator);
        var year = await RenameAndWaitForRunsAsync(factory);
        await using var scope = await SignedInScope.CreateAsync(factory.Services, DemoAccounts.Evaluator);
        var table = (await scope.ServiceProvider.GetRequiredService<RankingsService>().GetAsync(year))!;
        var query = new RankingsQuery(year, Tier: "First").SortedBy("composite").SortedBy("composite"); // lowest composite first
        var shown = query.Apply(table);
        var searched = new RankingsQuery(year, Search: "zhe").Apply(table);

        var filtered = await RowsAsync(client, query.ExportUri("xlsx"));
        var inChinese = await RowsAsync(client, query.ExportUri("xlsx") + "&culture=zh-Hans");
        var bySearch = await RowsAsync(client, new RankingsQuery(year, Search: "zhe").ExportUri("xlsx"));

        Assert.True(shown.Count is > 1 and < 36);
        Assert.Equal(shown.Select(r => r.Code), filtered.Select(r => (string)r["Code"]!));
        Assert.All(filtered, r => Assert.Equal("Tier 1", r["Tier"]));
        Assert.Equal(shown.Select(r => Math.Round(r.Score, 4)), filtered.Select(r => Convert.ToDouble(r["Composite"])));
        Assert.Equal(shown.Select(r => r.Code), inChinese.Select(r => (string)r["代码"]!));
        Assert.All(inChinese, r => Assert.Equal("一线", r["城市等级"]));
        Assert.Contains("基础设施排名", inChinese[0].Keys);
        Assert.Equal(searched.Select(r => r.Code), bySearch.Select(r => (string)r["Code"]!));
        Assert.True(searched.Count is > 0 and < 36);
    }

    private static async Task<List<IDictionary<string, object?>>> RowsAsync(HttpClient client, string uri)
    {
        var response = await client.GetAsync("/" + uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    [Fact]
    public async Task Export_AnotherCitysProfileAsOfficial_IsNotFoundAndTheirOwnIsThere()
    {
        await using var database = await SeededTemplates.CopyAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database);
        using var client = await SignIn.AsAsync(factory, DemoAccounts.HangzhouOfficial);
        var year = await RenameAndWaitForRunsAsync(factory);

        var own = await client.GetAsync($"/rankings/CN-HZ/export.csv?year={year}");
        var other = await client.GetAsync($"/rankings/CN-SZ/export.csv?year={year}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var lines = (await own.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 1 + 3 + 30, lines.Length); // header, composite, 3 categories, 30 indicators
        Assert.StartsWith($"Year,City,Level,Code,Name (English),Name (Chinese),Value,Unit,Score (0–100),Contribution,Rank,Cities ranked,Median of all cities", lines[0]);
        Assert.StartsWith($"{year},CN-HZ,Composite,INDEX,", lines[1]);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("Shenzhen", await other.Content.ReadAsStringAsync());
    }

    /// <summary>Gives a city a name a spreadsheet would run; returns the last complete year, once the start-up runs are done.</summary>
    private static async Task<int> RenameAndWaitForRunsAsync(PortalFactory factory)
    {
        await using (var context = factory.Database.CreateContext())
        {
            var city = await context.Cities.SingleAsync(c => c.Code == "CN-DL");
            city.Rename(Evil, "大连");
            await context.SaveChangesAsync();
        }

        await ScoreRuns.DoneAsync(factory.Services);

        await using var check = factory.Database.CreateContext();
        return await check.ReportingPeriods.OrderByDescending(p => p.Year).Skip(1).Select(p => p.Year).FirstAsync();
    }
}
