using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCityIndex.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity on the portal's own database, with the portal's password and lockout rules.</summary>
public static class IdentitySetup
{
    public static IdentityBuilder AddPortalIdentity(this IServiceCollection services)
    {
        services.AddScoped<AccountSeeder>();
        return services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SmartCityIndexDbContext>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddDefaultTokenProviders();
    }
}
