using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SmartCityIndex.Infrastructure.Identity;
using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.TestSupport;
using SmartCityIndex.Web.Features.Export;
using SmartCityIndex.Web.Features.Rankings;
using SmartCityIndex.Web.Tests.Infrastructure;

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
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database);
        using var client = await SignIn.AsAsync(factory, DemoAccounts.Evaluator);
        var year = await RenameAndWaitForRunsAsync(factory);

        var csv = await client.GetAsync($"/rankings/export.csv?year={year}");
        var xlsx = await client.GetAsync($"/rankings/export.xlsx?year={year}");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"rankings-{year}.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("year,rank,code,city_en,city_zh,province_en,province_zh,tier,composite,INF,INF_rank,IND,IND_rank,SVC,SVC_rank,rank_change,coverage,rank_p5,rank_p95,provisional,run", lines[0]);
        Assert.Equal(1 + 36, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(36, rows.Count);
        Assert.Equal(Enumerable.Range(1, 36), rows.Select(r => Convert.ToInt32(r["rank"])));
        Assert.Contains(rows, r => (string?)r["city_en"] == "'" + Evil);
        Assert.All(rows, r => Assert.InRange(Convert.ToDouble(r["composite"]), 0, 100));
    }

    [Fact]
    public async Task Export_AnotherCitysProfileAsOfficial_IsNotFoundAndTheirOwnIsThere()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database);
        using var client = await SignIn.AsAsync(factory, DemoAccounts.HangzhouOfficial);
        var year = await RenameAndWaitForRunsAsync(factory);

        var own = await client.GetAsync($"/rankings/CN-HZ/export.csv?year={year}");
        var other = await client.GetAsync($"/rankings/CN-SZ/export.csv?year={year}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var lines = (await own.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 1 + 3 + 30, lines.Length); // header, composite, 3 categories, 30 indicators
        Assert.StartsWith($"{year},CN-HZ,composite,INDEX,", lines[1]);
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
