using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SmartCityIndex.Infrastructure.Seeding;

/// <summary>
/// Loads the demo: the starter framework (30 indicators in three categories, equal weights) as a published version,
/// 36 real Chinese cities, and synthetic but plausible values for the last three reporting years, with a mix of
/// approved, submitted, returned and draft submissions in the latest one, among them a draft with a few values
/// for a demo official to try (<see cref="DemoAccounts.DraftCity"/>). The values are made up.
/// Safe to run any number of times: it adds only what is missing, in one transaction.
/// A larger <see cref="DemoSize"/> adds synthetic cities (codes <c>SY-0001</c> on) and earlier years, for measuring
/// the portal at the size of a national evaluation (<c>sci seed --cities 1000 --years 5</c>).
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<SmartCityIndexDbContext> contextFactory, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string FrameworkName = "Smart City Evaluation Framework";
    public const int YearsOfData = 3;

    /// <summary>The share of values already in <see cref="DemoAccounts.DraftCity"/>'s draft: a few, most still to enter.</summary>
    private const double DraftToTryShare = 0.2;

    private static readonly (string Code, string NameEn, string NameZh)[] StarterCategories =
    [
        ("INF", "Infrastructure", "基础设施"),
        ("IND", "Urban industry", "城市产业"),
        ("SVC", "Urban services and management", "城市服务与管理"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default) => await SeedAsync(DemoSize.Default, cancellationToken);

    /// <summary>Seeds at least <paramref name="size"/>: that many cities (real ones first) and years of data.</summary>
    public async Task SeedAsync(DemoSize size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(size);
        var (indicators, cityCount, periodCount, added) = await contextFactory.InTransactionAsync(async (context, transaction) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;

            var framework = await EnsureFrameworkAsync(context, now, cancellationToken);
            var cities = await EnsureCitiesAsync(context, size.Cities, cancellationToken);
            var periods = await EnsurePeriodsAsync(context, framework, size.Years, now, cancellationToken);
            var added = await EnsureSubmissionsAsync(context, framework, cities, periods, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (framework.Indicators.Count, cities.Count, periods.Count, added);
        }, cancellationToken);
        logger.LogInformation(
            "Demo data ready: {Indicators} indicators, {Cities} cities, {Periods} periods; {Added} submissions added",
            indicators, cityCount, periodCount, added);
    }

    private static async Task<IndicatorFramework> EnsureFrameworkAsync(SmartCityIndexDbContext context, DateTime now, CancellationToken ct)
    {
        var existing = await context.Frameworks
            .Include(f => f.Categories)
            .Include(f => f.Indicators)
            .AsSplitQuery()
            .SingleOrDefaultAsync(f => f.Name == FrameworkName && f.Version == 1, ct);
        if (existing is not null)
        {
            return existing;
        }

        var framework = new IndicatorFramework(FrameworkName, 1);
        var categories = StarterCategories.ToDictionary(c => c.Code, c => framework.AddCategory(c.Code, c.NameEn, c.NameZh));
        foreach (var row in EmbeddedCsv.Read("starter-framework.csv"))
        {
            var unit = row["unit"] == "ug/m3" ? "µg/m³" : row["unit"];
            framework.AddIndicator(categories[row["category"]], new IndicatorDefinition(
                Code: row["code"],
                NameEn: row["name_en"],
                NameZh: row["name_zh"],
                Unit: unit,
                Direction: row["direction"] == "-1" ? Direction.LowerIsBetter : Direction.HigherIsBetter,
                HardRange: HardRangeFor(unit),
                PlausibleRange: new ValueRange(Decimal(row["plausible_min"]), Decimal(row["plausible_max"])),
                Source: row["source"]));
        }

        framework.Publish(now);
        context.Frameworks.Add(framework);
        await context.SaveChangesAsync(ct);
        return framework;
    }

    /// <summary>What is physically possible for a unit: shares are 0 to 100, counts are not negative.</summary>
    private static ValueRange HardRangeFor(string unit) => unit switch
    {
        _ when unit.StartsWith('%') || unit.StartsWith("score 0-100", StringComparison.Ordinal) => new ValueRange(0, 100),
        "count per 100 000" => new ValueRange(0, 100_000),
        "µg/m³" => new ValueRange(0, 1_000),
        _ => new ValueRange(0, 1_000_000_000),
    };

    private static async Task<List<City>> EnsureCitiesAsync(SmartCityIndexDbContext context, int size, CancellationToken ct)
    {
        var existing = await context.Cities.ToDictionaryAsync(c => c.Code, ct);
        var real = EmbeddedCsv.Read("demo-cities.csv").ToList();
        foreach (var row in real.Where(r => !existing.ContainsKey(r["code"])))
        {
            var city = new City(row["code"], row["name_en"], row["name_zh"], row["province_en"], row["province_zh"],
                long.Parse(row["population"], CultureInfo.InvariantCulture), Enum.Parse<CityTier>(row["tier"]));
            context.Cities.Add(city);
            existing[city.Code] = city;
        }

        // Synthetic cities beyond the real ones, spread over the same provinces and tiers.
        CityTier[] tiers = [CityTier.Second, CityTier.Third, CityTier.Third, CityTier.Fourth, CityTier.Fourth, CityTier.Fifth, CityTier.NewFirst];
        for (var n = 1; n <= size - real.Count; n++)
        {
            var code = $"SY-{n:D4}";
            if (existing.ContainsKey(code))
            {
                continue;
            }

            var province = real[n % real.Count];
            var city = new City(code, $"Synthetic city {n:D4}", $"合成城市{n:D4}", province["province_en"], province["province_zh"],
                200_000 + (n * 7_919L % 5_000_000), tiers[n % tiers.Length]);
            context.Cities.Add(city);
            existing[code] = city;
        }

        await context.SaveChangesAsync(ct);
        return [.. existing.Values.OrderBy(c => c.Code, StringComparer.Ordinal)];
    }

    private static async Task<List<ReportingPeriod>> EnsurePeriodsAsync(SmartCityIndexDbContext context, IndicatorFramework framework, int years, DateTime now, CancellationToken ct)
    {
        var latest = now.Year - 1;
        var existing = await context.ReportingPeriods.ToDictionaryAsync(p => p.Year, ct);
        for (var year = latest - years + 1; year <= latest; year++)
        {
            if (existing.ContainsKey(year))
            {
                continue;
            }

            // Data for a year are reported during the following year.
            var period = new ReportingPeriod(year, framework, new DateOnly(year + 1, 1, 1), new DateOnly(year + 1, 12, 31));
            if (year < latest)
            {
                period.Close();
            }

            context.ReportingPeriods.Add(period);
            existing[year] = period;
        }

        await context.SaveChangesAsync(ct);
        return [.. existing.Values.Where(p => p.FrameworkId == framework.Id).OrderBy(p => p.Year)];
    }

    private static async Task<int> EnsureSubmissionsAsync(
        SmartCityIndexDbContext context, IndicatorFramework framework, List<City> cities, List<ReportingPeriod> periods, CancellationToken ct)
    {
        var existing = (await context.Submissions.Select(s => new { s.CityId, s.ReportingPeriodId }).ToListAsync(ct))
            .Select(s => (s.CityId, s.ReportingPeriodId))
            .ToHashSet();
        var indicators = framework.Indicators.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        var latestYear = periods.Count == 0 ? 0 : periods.Max(p => p.Year);
        var added = 0;

        foreach (var period in periods)
        {
            for (var c = 0; c < cities.Count; c++)
            {
                var city = cities[c];
                if (existing.Contains((city.Id, period.Id)))
                {
                    continue;
                }

                var generator = new DemoValueGenerator(city, period.Year, period.Year - periods[0].Year);
                var outcome = period.Year == latestYear ? generator.LatestOutcome() : SubmissionStatus.Approved;
                var tryMe = period.Year == latestYear && city.Code == DemoAccounts.DraftCity;
                if (tryMe)
                {
                    outcome = SubmissionStatus.Draft;
                }

                var started = new DateTime(period.Year + 1, 1, 10, 8, 0, 0, DateTimeKind.Utc).AddDays(c);
                var submission = new Submission(city.Id, period.Id, started);
                var answerShare = tryMe ? DraftToTryShare : outcome == SubmissionStatus.Draft ? 0.6 : 1.0;
                foreach (var indicator in indicators)
                {
                    var value = generator.Next(indicator, answerShare);
                    switch (value.Kind)
                    {
                        case DemoValueKind.NotAvailable:
                            submission.SetNotAvailable(indicator.Id, "Not collected by the municipal statistics bureau this year (demo)", null, started);
                            break;
                        case DemoValueKind.Number:
                            submission.SetValue(indicator.Id, value.Number, "Demo data: synthetic value", started);
                            break;
                    }
                }

                Advance(submission, city.Code, outcome, started);
                context.Submissions.Add(submission);
                added++;
            }

            // A period at a time, so that a thousand cities do not pile up in the change tracker.
            await context.SaveChangesAsync(ct);
            context.ChangeTracker.Clear();
        }

        return added;
    }

    private static void Advance(Submission submission, string cityCode, SubmissionStatus outcome, DateTime started)
    {
        if (outcome == SubmissionStatus.Draft)
        {
            return;
        }

        submission.Submit(DemoAccounts.OfficialFor(cityCode), started.AddDays(20));
        switch (outcome)
        {
            case SubmissionStatus.Approved:
                submission.Approve(DemoAccounts.Evaluator, started.AddDays(30));
                break;
            case SubmissionStatus.Returned:
                submission.Return(DemoAccounts.Evaluator, started.AddDays(30), "Please check the values marked with a comment and resubmit (demo).");
                break;
        }
    }

    private static decimal Decimal(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>How much demo data to seed: at least this many cities (the 36 real ones, then synthetic) and years.</summary>
public sealed record DemoSize(int Cities, int Years)
{
    /// <summary>The portal's own demo: the real cities, three years.</summary>
    public static readonly DemoSize Default = new(0, DemoSeeder.YearsOfData);
}
