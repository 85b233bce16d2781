using System.Collections;
using System.Resources;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Domain.Cities;
using SmartCityIndex.Domain.Frameworks;

namespace SmartCityIndex.Web.Tests.Features.Localization;

/// <summary>
/// The portal's string table as compiled into the assembly: both languages have every key, and every key the pages
/// build at run time (from an enum or a role) exists. Keys written in code are checked by the compiler (<c>Keys</c>).
/// </summary>
public sealed class ResourceKeyTests
{
    private static readonly ResourceManager Strings =
        new("SmartCityIndex.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    [Fact]
    public void StringTable_EnglishAndChinese_HaveTheSameKeys()
    {
        var english = KeysOf(CultureInfo.InvariantCulture);
        var chinese = KeysOf(Chinese);

        Assert.NotEmpty(english);
        Assert.Empty(english.Except(chinese).Order());
        Assert.Empty(chinese.Except(english).Order());
    }

    [Fact]
    public void StringTable_GeneratedKeys_AreTheEnglishTable()
    {
        var generated = typeof(Keys).GetProperties(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)
            .Where(p => p.PropertyType == typeof(string))
            .Select(p => p.Name)
            .ToHashSet();

        // Keys that are not identifiers (units such as "% of GDP") are looked up at run time only.
        var identifiers = KeysOf(CultureInfo.InvariantCulture).Where(k => k.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));

        Assert.Empty(identifiers.Except(generated).Order());
    }

    [Fact]
    public void StringTable_ChineseValues_AreTranslatedAndKeepTheirPlaceholders()
    {
        var english = Table(CultureInfo.InvariantCulture);
        var chinese = Table(Chinese);

        foreach (var (key, text) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(chinese[key]), $"{key} has no Chinese text");
            Assert.Equal(Placeholders(text), Placeholders(chinese[key]));
        }
    }

    [Fact]
    public void StringTable_KeysBuiltAtRunTime_AllExist()
    {
        var keys = KeysOf(CultureInfo.InvariantCulture);
        string[] expected =
        [
            .. Enum.GetNames<SubmissionStatus>().Select(s => $"Status_{s}"), "Status_NotStarted",
            .. Enum.GetNames<SubmissionStatus>().Select(s => $"ReadOnly_{s}"),
            .. Enum.GetNames<CityTier>().Select(t => $"Tier_{t}"),
            .. Enum.GetNames<FrameworkStatus>().Select(s => $"FrameworkStatus_{s}"),
            .. Enum.GetNames<AuditChannel>().Select(c => $"Channel_{c}"),
            .. PortalRoles.All.Select(r => $"Role_{r}"),
            .. PortalRoles.All.Select(r => $"UsersRoleHelp_{r}"),
        ];

        Assert.Empty(expected.Except(keys).Order());
    }

    [Fact]
    public void StringTable_StarterFrameworkUnits_AreTranslatedOrSymbols()
    {
        using var stream = typeof(SmartCityIndex.Infrastructure.DependencyInjection).Assembly
            .GetManifestResourceStream("SmartCityIndex.Seeding.starter-framework.csv")!;
        var lines = new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unitColumn = Array.IndexOf(lines[0].Split(','), "unit");
        var units = lines.Skip(1).Select(l => l.Split(',')[unitColumn]).Distinct();
        var keys = KeysOf(CultureInfo.InvariantCulture);

        // A unit with a word in it needs a translation; a symbol (%, ug/m3) reads the same in both languages.
        var untranslated = units.Where(u => u.Any(char.IsAsciiLetter) && u != "ug/m3" && !keys.Contains($"Unit_{u}"));

        Assert.Empty(untranslated);
    }

    [Fact]
    public void MudBlazorTable_ChineseAndEnglish_TranslatesInChineseAndFallsBackToMudBlazorInEnglish()
    {
        var mud = new ResourceManager("SmartCityIndex.Web.Resources.MudBlazorResource", typeof(SharedResource).Assembly);

        Assert.Equal("关闭", mud.GetString("MudDialog_Close", Chinese));
        Assert.Null(mud.GetString("MudDialog_Close", CultureInfo.GetCultureInfo("en")));
        Assert.Null(Strings.GetString("MudDialog_Close", Chinese));
    }

    private static HashSet<string> KeysOf(CultureInfo culture) => [.. Table(culture).Keys];

    private static Dictionary<string, string> Table(CultureInfo culture)
    {
        // The manager caches its sets: not disposed here.
        var set = Strings.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No string table for {culture.Name}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+[^}]*\}").Select(m => m.Value).Distinct().Order()];
}
