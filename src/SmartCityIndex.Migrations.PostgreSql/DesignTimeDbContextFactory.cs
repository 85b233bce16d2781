using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SmartCityIndex.Infrastructure.Persistence;

namespace SmartCityIndex.Migrations.PostgreSql;

/// <summary>
/// Used by `dotnet ef` only, so that this project can be its own startup project. `migrations add` opens no
/// connection; the connection string below is never used to reach a server.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SmartCityIndexDbContext>
{
    public SmartCityIndexDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SmartCityIndexDbContext>();
        builder.Use(DatabaseProvider.PostgreSql, "Host=localhost;Database=smartcityindex_design");
        return new SmartCityIndexDbContext(builder.Options);
    }
}
