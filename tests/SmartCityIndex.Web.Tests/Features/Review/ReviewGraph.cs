using SmartCityIndex.Domain.Cities;
using SmartCityIndex.Domain.Frameworks;
using SmartCityIndex.Domain.Periods;

namespace SmartCityIndex.Web.Tests.Features.Review;

/// <summary>
/// A small review scene with hand-checkable flags: three indicators, 20 cities with approved 2024 values and 2025
/// submissions (every third one approved, the rest submitted), a draft with a wild value that must not count, and
/// the target city T00 whose 2025 values give exactly one flag of each kind:
/// A = 38 (plausible range 40–100: a warning; last year 50, −24 %), B = 180 (last year 100: +80 %, a warning and a
/// big change; mid-field among 110–290), C = 5000 (last year 4900, +2 %; the others 51–69: z ≈ 4.2, an outlier).
/// </summary>
internal sealed class ReviewGraph
{
    public const int Cities = 20;
    public static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public required int TargetId { get; init; }
    public required int ApprovedId { get; init; }
    public required int DraftId { get; init; }
    public required IReadOnlyList<int> SubmittedIds { get; init; }
    public required (int A, int B, int C) Indicators { get; init; }

    public static async Task<ReviewGraph> SaveAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        var framework = new IndicatorFramework("Review test", 1);
        var inf = framework.AddCategory("INF", "Infrastructure", "基础设施");
        var svc = framework.AddCategory("SVC", "Services", "服务");
        var a = framework.AddIndicator(inf, new IndicatorDefinition("A01", "Indicator A", "指标甲", "%", Direction.HigherIsBetter,
            HardRange: new ValueRange(0, 100), PlausibleRange: new ValueRange(40, 100)));
        var b = framework.AddIndicator(inf, new IndicatorDefinition("B01", "Indicator B", "指标乙", "count", Direction.HigherIsBetter,
            HardRange: new ValueRange(0, 1_000_000), PlausibleRange: new ValueRange(0, 1000)));
        var c = framework.AddIndicator(svc, new IndicatorDefinition("C01", "Indicator C", "指标丙", "count", Direction.HigherIsBetter,
            HardRange: new ValueRange(0, 1_000_000), PlausibleRange: new ValueRange(0, 10_000)));
        framework.Publish(Now);
        var lastYear = new ReportingPeriod(2024, framework, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        lastYear.Close();
        var thisYear = new ReportingPeriod(2025, framework, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var cities = Enumerable.Range(0, Cities + 1)
            .Select(i => new City($"CN-T{i:00}", i == 0 ? "Targetville" : $"Town {i}", i == 0 ? "目标市" : $"城镇{i}",
                i % 2 == 0 ? "Zhejiang" : "Jiangsu", i % 2 == 0 ? "浙江" : "江苏", 1_000_000, CityTier.Third))
            .ToList();
        context.AddRange(framework, lastYear, thisYear);
        context.Cities.AddRange(cities);
        await context.SaveChangesAsync();

        var submissions = new List<Submission>();
        for (var i = 0; i < Cities; i++)
        {
            var target = i == 0;
            var old = Submit(cities[i].Id, lastYear.Id, (a.Id, target ? 50 : 40 + 3 * i), (b.Id, target ? 100 : 100 + 10 * i), (c.Id, target ? 4900 : 50 + i));
            old.Approve("evaluator", Now.AddDays(-4));
            var current = Submit(cities[i].Id, thisYear.Id, (a.Id, target ? 38 : 40 + 3 * i), (b.Id, target ? 180 : 100 + 10 * i), (c.Id, target ? 5000 : 50 + i));
            if (!target && i % 3 == 0)
            {
                current.Approve("evaluator", Now);
            }

            submissions.Add(old);
            submissions.Add(current);
        }

        // A draft with a wild value: not listed by default, and not part of the period's spread.
        var draft = new Submission(cities[Cities].Id, thisYear.Id, Now);
        draft.SetValue(c.Id, 900_000, null, Now);
        submissions.Add(draft);
        context.Submissions.AddRange(submissions);
        await context.SaveChangesAsync();

        var currentOnes = submissions.Where(s => s.ReportingPeriodId == thisYear.Id).ToList();
        return new ReviewGraph
        {
            TargetId = currentOnes.Single(s => s.CityId == cities[0].Id).Id,
            ApprovedId = currentOnes.First(s => s.Status == SubmissionStatus.Approved).Id,
            DraftId = draft.Id,
            SubmittedIds = [.. currentOnes.Where(s => s.Status == SubmissionStatus.Submitted).Select(s => s.Id)],
            Indicators = (a.Id, b.Id, c.Id),
        };

        Submission Submit(int cityId, int periodId, params (int Indicator, decimal Value)[] values)
        {
            var submission = new Submission(cityId, periodId, Now.AddDays(-10));
            foreach (var (indicator, value) in values)
            {
                submission.SetValue(indicator, value, $"source {indicator}", Now.AddDays(-10));
            }

            submission.Submit("official", Now.AddDays(-5));
            return submission;
        }
    }
}
