using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartCityIndex.Infrastructure.Scoring;
using SmartCityIndex.Infrastructure.Seeding;

namespace SmartCityIndex.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the database (provider and connection read lazily from configuration, so test hosts can override
    /// them), its health check, the initialiser, the demo seeder and the score runner.
    /// </summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .PostConfigure(options => options.SeedDemoData ??= DatabaseOptions.DefaultFor(options.Provider, isDevelopment));
        builder.Services.AddDbContextFactory<SmartCityIndexDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                connectionString = database.Provider == DatabaseProvider.Sqlite
                    ? DatabaseProviders.DefaultSqliteConnectionString(AppContext.BaseDirectory)
                    : throw new InvalidOperationException(
                        $"Database:Provider is PostgreSql but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.");
            }

            options.Use(database.Provider, connectionString);
        });

        builder.Services.AddPortalIdentity();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddTransient<DemoSeeder>();
        builder.Services.AddTransient<DatabaseInitializer>();
        builder.Services.AddSingleton<ScoreRunner>();
        builder.Services.AddHealthChecks().AddDbContextCheck<SmartCityIndexDbContext>("database", tags: ["ready"]);
        return builder;
    }
}
