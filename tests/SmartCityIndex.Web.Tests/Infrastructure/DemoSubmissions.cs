using SmartCityIndex.Domain.Periods;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>Finding a seeded city's submission by its city code and year, as the tests refer to them.</summary>
internal static class DemoSubmissions
{
    /// <summary>The id of <paramref name="cityCode"/>'s submission for <paramref name="year"/>.</summary>
    public static async Task<int> IdAsync(TestDatabase database, string cityCode, int year)
    {
        await using var context = database.CreateContext();
        return await (from s in context.Submissions
                      join c in context.Cities on s.CityId equals c.Id
                      join p in context.ReportingPeriods on s.ReportingPeriodId equals p.Id
                      where c.Code == cityCode && p.Year == year
                      select s.Id).SingleAsync();
    }

    /// <summary>The year and id of <paramref name="cityCode"/>'s submission in the newest open reporting year.</summary>
    public static async Task<(int Year, int Id)> InNewestOpenYearAsync(TestDatabase database, string cityCode)
    {
        await using var context = database.CreateContext();
        var found = await (from s in context.Submissions
                           join c in context.Cities on s.CityId equals c.Id
                           join p in context.ReportingPeriods on s.ReportingPeriodId equals p.Id
                           where c.Code == cityCode && p.Status == PeriodStatus.Open
                           orderby p.Year descending
                           select new { p.Year, s.Id }).FirstAsync();
        return (found.Year, found.Id);
    }
}
