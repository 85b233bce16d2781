using Bunit;
using Microsoft.Extensions.Time.Testing;
using SmartCityIndex.Web.Features.Submissions;
using SmartCityIndex.Web.Tests.Components;

namespace SmartCityIndex.Web.Tests.Features.Submissions;

/// <summary>
/// One row of the entry form, rendered by bUnit over the real entry service on SQLite (one database for the class,
/// each test on a fresh submission of Hangzhou): what the row says about its indicator, the labels of its inputs,
/// and what it shows after a value the server refuses.
/// </summary>
public sealed class EntryRowEditorTests(SeededServicesFixture sqlite) : PortalComponentContext, IClassFixture<SeededServicesFixture>
{
    private const string City = "CN-HZ";

    [Theory]
    [InlineData("en", "INF01 Households with Internet access", "Unit: %", "plausible: 40–100", "history")]
    [InlineData("zh-Hans", "INF01 家庭互联网接入率", "单位：%", "合理范围：40–100", "记录")]
    public async Task Render_FirstIndicator_SaysWhatItIsInTheReadersLanguage(string culture, string name, string unit, string plausible, string history)
    {
        using var _ = new CultureScope(culture);
        var (model, row) = await OpenAsync();

        var editor = Render<EntryRowEditor>(p => p.Add(e => e.Row, row).Add(e => e.Model, model).Add(e => e.Editable, true)
            .Add(e => e.HistoryHref, "/submissions/CN-HZ/2025/history"));

        Assert.Equal(name, editor.Find(".entry-name").TextContent.Replace(history, string.Empty, StringComparison.Ordinal).Trim());
        var meta = editor.Find(".entry-meta").TextContent;
        Assert.Contains(unit, meta);
        Assert.Contains(plausible, meta);
        Assert.Equal("/submissions/CN-HZ/2025/history?indicator=INF01", editor.Find("[data-testid='value-history']").GetAttribute("href"));
        Assert.Equal(name, editor.Find("[data-testid='value']").GetAttribute("aria-label"));
        Assert.Contains(name, editor.Find("[data-testid='note']").GetAttribute("aria-label"));
        Assert.Contains(name, editor.Find("[data-testid='not-available']").GetAttribute("aria-label"));
    }

    [Fact]
    [UseCulture("en")]
    public async Task Change_ValueNotANumber_ShowsTheErrorAndDiscardPutsBackTheSavedValue()
    {
        var (model, row) = await OpenAsync();
        var editor = Render<EntryRowEditor>(p => p.Add(e => e.Row, row).Add(e => e.Model, model).Add(e => e.Editable, true));

        await editor.Find("[data-testid='value']").InputAsync("eighty");
        await editor.Find("[data-testid='value']").ChangeAsync("eighty");

        Assert.Contains("not a number", editor.Find("[data-testid='error']").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("has-error", editor.Find(".entry-row").ClassName);
        await editor.Find("[data-testid='discard']").ClickAsync();

        Assert.Empty(editor.FindAll("[data-testid='error']"));
        Assert.Equal(string.Empty, editor.Find("[data-testid='value']").GetAttribute("value"));
        Assert.Equal(string.Empty, row.Text);
    }

    [Theory]
    [InlineData("en", "Why INF01 Households with Internet access is not available")]
    [InlineData("zh-Hans", "INF01 家庭互联网接入率 无法提供的原因")]
    public async Task Change_NotAvailableTicked_AsksForTheReasonNamingTheIndicator(string culture, string label)
    {
        using var _ = new CultureScope(culture);
        var (model, row) = await OpenAsync();
        var editor = Render<EntryRowEditor>(p => p.Add(e => e.Row, row).Add(e => e.Model, model).Add(e => e.Editable, true));

        await editor.Find("[data-testid='not-available']").ChangeAsync(true);

        Assert.Empty(editor.FindAll("[data-testid='value']"));
        Assert.Equal(label, editor.Find("[data-testid='reason']").GetAttribute("aria-label"));
        Assert.False(row.Saved.NotAvailable); // not saved without a reason
        await editor.Find("[data-testid='reason']").InputAsync("Not surveyed this year");
        await editor.Find("[data-testid='reason']").ChangeAsync("Not surveyed this year");
        await model.WhenSavedAsync();
        Assert.Equal((true, "Not surveyed this year"), (row.Saved.NotAvailable, row.Saved.Reason));
    }

    [Theory]
    [InlineData("en", "The reason is longer than 500 characters.")]
    [InlineData("zh-Hans", "原因超过 500 个字符。")]
    public async Task Change_ReasonOver500Characters_SaysSoAndSavesNothing(string culture, string message)
    {
        using var _ = new CultureScope(culture);
        var (model, row) = await OpenAsync();
        var editor = Render<EntryRowEditor>(p => p.Add(e => e.Row, row).Add(e => e.Model, model).Add(e => e.Editable, true));
        var reason = new string('r', 501);

        await editor.Find("[data-testid='not-available']").ChangeAsync(true);
        await editor.Find("[data-testid='reason']").InputAsync(reason);
        await editor.Find("[data-testid='reason']").ChangeAsync(reason);
        await model.WhenSavedAsync();

        Assert.Contains(message, editor.Find("[data-testid='error']").TextContent);
        Assert.False(row.Saved.NotAvailable);
        Assert.Equal(reason, row.Reason); // what was typed stays, to be shortened
    }

    [Fact]
    [UseCulture("en")]
    public async Task Render_NotEditable_DisablesEveryInput()
    {
        var (model, row) = await OpenAsync();

        var editor = Render<EntryRowEditor>(p => p.Add(e => e.Row, row).Add(e => e.Model, model).Add(e => e.Editable, false));

        Assert.All(editor.FindAll("input"), input => Assert.True(input.HasAttribute("disabled")));
    }

    private async Task<(EntryFormViewModel Model, EntryRow Row)> OpenAsync()
    {
        var portal = sqlite.Services;
        var year = await portal.FreshYearAsync(City);
        var model = new EntryFormViewModel(await portal.EntryAsync(DemoAccounts.HangzhouOfficial), new FakeTimeProvider(), work => work(), () => { });
        await model.LoadAsync(City, year);
        return (model, model.Form!.Rows.First(r => r.Indicator.Code == "INF01"));
    }
}
