using Microsoft.EntityFrameworkCore;
using SmartCityIndex.Infrastructure.Persistence;

namespace SmartCityIndex.TestSupport;

/// <summary>An <see cref="IDbContextFactory{TContext}"/> over a <see cref="TestDatabase"/>, for services under test.</summary>
public sealed class ContextFactory(TestDatabase database) : IDbContextFactory<SmartCityIndexDbContext>
{
    public SmartCityIndexDbContext CreateDbContext() => database.CreateContext();
}
