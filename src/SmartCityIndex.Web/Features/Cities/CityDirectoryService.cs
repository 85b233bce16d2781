using SmartCityIndex.Domain.Cities;

namespace SmartCityIndex.Web.Features.Cities;

/// <summary>One row of the cities grid, with both languages so that search finds either.</summary>
public sealed record CityRow(string Code, string NameEn, string NameZh, string ProvinceEn, string ProvinceZh, long Population, CityTier Tier)
{
    /// <summary>True when the code, either name or either province contains <paramref name="text"/> (case-insensitive).</summary>
    public bool Matches(string? text) =>
        string.IsNullOrWhiteSpace(text)
        || new[] { Code, NameEn, NameZh, ProvinceEn, ProvinceZh }.Any(v => v.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Reads the cities for the directory page.</summary>
public sealed class CityDirectoryService(IDbContextFactory<SmartCityIndexDbContext> contextFactory)
{
    public async Task<IReadOnlyList<CityRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Cities
            .AsNoTracking()
            .OrderBy(c => c.Code)
            .Select(c => new CityRow(c.Code, c.NameEn, c.NameZh, c.ProvinceEn, c.ProvinceZh, c.Population, c.Tier))
            .ToListAsync(cancellationToken);
    }
}
