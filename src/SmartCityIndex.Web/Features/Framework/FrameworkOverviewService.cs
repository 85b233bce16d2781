using SmartCityIndex.Domain.Frameworks;

namespace SmartCityIndex.Web.Features.Framework;

/// <summary>Reads the framework version that is in force for the home page.</summary>
public sealed class FrameworkOverviewService(IDbContextFactory<SmartCityIndexDbContext> contextFactory)
{
    /// <summary>The newest published version, or the newest draft when nothing is published yet; null when there is none.</summary>
    public async Task<FrameworkOverview?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var framework = await context.Frameworks
            // Tracked, so that EF links each indicator to its category and each category to its parent.
            .Include(f => f.Categories)
            .Include(f => f.Indicators)
            .AsSplitQuery()
            .OrderBy(f => f.Status == FrameworkStatus.Published ? 0 : f.Status == FrameworkStatus.Draft ? 1 : 2)
            .ThenByDescending(f => f.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return framework is null ? null : FrameworkOverview.From(framework);
    }
}
