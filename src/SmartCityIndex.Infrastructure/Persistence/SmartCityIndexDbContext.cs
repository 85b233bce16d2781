using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Domain.Runs;

namespace SmartCityIndex.Infrastructure.Persistence;

/// <summary>
/// The one database context, for both providers, with ASP.NET Core Identity's tables beside the portal's.
/// Create one per operation through the factory. It also keeps the server-side sessions and the data protection keys
/// (which protect cookies and antiforgery tokens), so that a restart or a new container signs nobody out.
/// </summary>
public sealed class SmartCityIndexDbContext(DbContextOptions<SmartCityIndexDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<City> Cities => Set<City>();

    public DbSet<IndicatorFramework> Frameworks => Set<IndicatorFramework>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<ReportingPeriod> ReportingPeriods => Set<ReportingPeriod>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<SubmissionEvent> SubmissionEvents => Set<SubmissionEvent>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<UserCity> UserCities => Set<UserCity>();

    public DbSet<ScoreRun> ScoreRuns => Set<ScoreRun>();

    public DbSet<ScoreRunCity> ScoreRunCities => Set<ScoreRunCity>();

    public DbSet<PortalSession> Sessions => Set<PortalSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Saves, and turns a unique-key or foreign-key violation into a <see cref="DataConflictException"/> whose message
    /// names the entity and the clashing values. Concurrency conflicts stay <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && ConstraintViolation.Describe(ex, Model) is { } message)
        {
            throw new DataConflictException(message, ex);
        }
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && ConstraintViolation.Describe(ex, Model) is { } message)
        {
            throw new DataConflictException(message, ex);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SmartCityIndexDbContext).Assembly);
    }
}
