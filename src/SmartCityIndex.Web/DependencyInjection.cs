using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor;
using MudBlazor.Services;
using Serilog;
using SmartCityIndex.Web.Components;
using SmartCityIndex.Web.Features.Cities;
using SmartCityIndex.Web.Features.Framework;
using SmartCityIndex.Web.Features.Import;
using SmartCityIndex.Web.Features.Rankings;
using SmartCityIndex.Web.Features.Security;
using SmartCityIndex.Web.Features.Submissions;

namespace SmartCityIndex.Web;

public static class DependencyInjection
{
    /// <summary>Serilog, Blazor Server with MudBlazor, localisation and the feature services.</summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        // Without launch settings (the build output, the container) the environment is Production and
        // MudBlazor's static assets would answer 404 unless published; this keeps `dotnet run` and tests working.
        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.UseStaticWebAssets();
            web.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false); // no "Server: Kestrel"
        }

        // preserveStaticLogger: several test hosts share one process; each keeps its own logger.
        builder.Services.AddSerilog(
            (services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext(),
            preserveStaticLogger: true);

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();

        // Send Chinese text as UTF-8 rather than as &#x...; entities: a third of the size and readable in the source.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddMudServices(config => config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        builder.Services.AddSingleton<Components.Layout.ThemeStylesheet>();
        builder.Services.AddPortalLocalization();
        builder.Services.AddPortalAuthentication();
        builder.Services.AddReverseProxySupport();

        builder.Services.AddScoped<Features.Review.ReviewService>();
        builder.Services.AddScoped<FrameworkOverviewService>();
        builder.Services.AddScoped<CityDirectoryService>();
        builder.Services.AddScoped<SubmissionEntryService>();
        builder.Services.AddScoped<SubmissionHistoryService>();
        builder.Services.AddScoped<Features.Localization.BrowserTime>();
        builder.Services.AddScoped<ImportService>();
        builder.Services.AddSingleton<EntryRowValidator>();
        builder.Services.AddScoped<Features.Users.UserAdministrationService>();
        builder.Services.AddSingleton<Features.Rankings.ScoreRunQueue>();
        builder.Services.AddScoped<Features.Rankings.RankingsService>();
        builder.Services.AddScoped<Features.Rankings.ProfileService>();
        builder.Services.AddScoped<Features.Rankings.MethodService>();
        builder.Services.AddHostedService<Features.Rankings.ScoreRunWorker>();
        return builder;
    }

    /// <summary>The request pipeline and the endpoints.</summary>
    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseForwardedHeaders(); // first: everything after sees the client's address and scheme (ReverseProxy)
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseMiddleware<Features.Account.TwoFactorGate>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        Components.Layout.ThemeStylesheet.MapThemeStylesheet(app);
        app.MapCultureEndpoints();
        app.MapAccountEndpoints();
        app.MapImportEndpoints();
        app.MapRankingsEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
