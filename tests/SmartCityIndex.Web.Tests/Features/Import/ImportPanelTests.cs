using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using SmartCityIndex.Web.Features.Import;
using SmartCityIndex.Web.Tests.Components;

namespace SmartCityIndex.Web.Tests.Features.Import;

/// <summary>
/// The import panel rendered by bUnit over the real import service on SQLite (one database for the class, each test on
/// a fresh submission of Hangzhou): a file's dry run, applying it, and what a file that cannot be imported says.
/// </summary>
public sealed class ImportPanelTests(SeededServicesFixture sqlite) : PortalComponentContext, IClassFixture<SeededServicesFixture>
{
    private const string City = "CN-HZ";

    [Fact]
    [UseCulture("en")]
    public async Task Upload_TwoValues_ListsThemSavesNothingThenImportsThemOnApply()
    {
        var year = await PrepareAsync();
        var imported = 0;
        var panel = Render<ImportPanel>(p => p.Add(c => c.CityCode, City).Add(c => c.Year, year).Add(c => c.OnImported, () => imported++));

        await UploadAsync(panel, "hz.csv", "code,value,note\nINF01,50,Yearbook 2025\nINF02,60,\n");

        panel.WaitForAssertion(() => Assert.Contains("2 values will change:", panel.Markup));
        Assert.Contains("Yearbook 2025", panel.Find("[data-testid='import-change-INF01']").TextContent);
        Assert.Empty(panel.FindAll("[role='progressbar']"));
        Assert.Equal((null, null), await SavedAsync(year, "INF01"));

        await panel.InvokeAsync(() => panel.Find("[data-testid='import-apply']").Click());

        panel.WaitForAssertion(() => Assert.Contains("2 values imported.", panel.Find("[data-testid='import-message']").TextContent));
        Assert.Equal(1, imported);
        Assert.Equal((50m, "Yearbook 2025"), await SavedAsync(year, "INF01"));
        Assert.Empty(panel.FindAll("[data-testid='import-changes']"));
    }

    [Theory]
    [InlineData("en", "The file cannot be imported (1 problem); nothing was saved:", "hz.csv, row 3, column A (code): 'XYZ99' is not an indicator of this reporting year.")]
    [InlineData("zh-Hans", "文件无法导入（1 个问题），未保存任何内容：", "hz.csv，第 3 行，A 列（code）：“XYZ99”不是本填报年度的指标。")]
    public async Task Upload_UnknownCode_NamesTheRowAndColumnInTheReadersLanguageAndOffersNoApply(string culture, string heading, string problem)
    {
        using var _ = new CultureScope(culture);
        var year = await PrepareAsync();
        var panel = Render<ImportPanel>(p => p.Add(c => c.CityCode, City).Add(c => c.Year, year));

        await UploadAsync(panel, "hz.csv", "code,value\nINF01,50\nXYZ99,3\n");

        panel.WaitForAssertion(() => Assert.Contains(heading, panel.Find("[data-testid='import-problems']").TextContent));
        Assert.Equal(problem, panel.Find(".import-problem-list li").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid='import-apply']"));
        Assert.Equal((null, null), await SavedAsync(year, "INF01"));
    }

    [Theory]
    [InlineData("en", "1 value will change:", "1 value imported.")]
    [InlineData("zh-Hans", "将修改 1 项数值：", "已导入 1 项数值。")]
    public async Task Upload_OneValue_SaysOneValueNotOneValues(string culture, string change, string imported)
    {
        using var _ = new CultureScope(culture);
        var year = await PrepareAsync();
        var panel = Render<ImportPanel>(p => p.Add(c => c.CityCode, City).Add(c => c.Year, year));

        await UploadAsync(panel, "hz.csv", "code,value\nINF01,50\n");
        panel.WaitForAssertion(() => Assert.Contains(change, panel.Markup));
        await panel.InvokeAsync(() => panel.Find("[data-testid='import-apply']").Click());

        panel.WaitForAssertion(() => Assert.Equal(imported, panel.Find("[data-testid='import-message']").TextContent.Trim()));
    }

    [Theory]
    [InlineData("en", "big.csv is 5.1 MB; the limit is 5 MB.")]
    [InlineData("zh-Hans", "big.csv 大小为 5.1 MB，上限为 5 MB。")]
    public async Task Upload_FileOverTheLimit_SaysItsSizeAndTheLimit(string culture, string message)
    {
        using var _ = new CultureScope(culture);
        var year = await PrepareAsync();
        var panel = Render<ImportPanel>(p => p.Add(c => c.CityCode, City).Add(c => c.Year, year));

        await panel.InvokeAsync(() => panel.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(new byte[ImportFile.MaxBytes + 100_000], "big.csv", contentType: "text/csv")));

        panel.WaitForAssertion(() => Assert.Equal(message, panel.Find("[data-testid='import-message']").TextContent.Trim()));
        Assert.Empty(panel.FindAll("[role='progressbar']"));
    }

    private async Task<int> PrepareAsync()
    {
        var year = await sqlite.Services.FreshYearAsync(City);
        Services.AddSingleton(await sqlite.Services.ImportAsync(DemoAccounts.HangzhouOfficial));
        return year;
    }

    private static Task UploadAsync(IRenderedComponent<ImportPanel> panel, string name, string csv) =>
        panel.InvokeAsync(() => panel.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes(csv), name, contentType: "text/csv")));

    /// <summary>The value and note of the indicator in Hangzhou's submission of the year, as stored (nulls when none).</summary>
    private async Task<(decimal? Value, string? Note)> SavedAsync(int year, string code)
    {
        await using var context = sqlite.Services.Database.CreateContext();
        var saved = await (from v in context.IndicatorValues
                           join s in context.Submissions on v.SubmissionId equals s.Id
                           join c in context.Cities on s.CityId equals c.Id
                           join p in context.ReportingPeriods on s.ReportingPeriodId equals p.Id
                           join i in context.Indicators on v.IndicatorId equals i.Id
                           where c.Code == City && p.Year == year && i.Code == code
                           select new { v.Value, v.Note }).SingleOrDefaultAsync();
        return (saved?.Value, saved?.Note);
    }
}
