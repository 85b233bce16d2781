using Microsoft.AspNetCore.Identity;

namespace SmartCityIndex.Infrastructure.Identity;

/// <summary>A person who signs in to the portal: an admin, an evaluator or a municipal official.</summary>
public sealed class PortalUser : IdentityUser
{
    /// <summary>The name shown in the portal and in the audit trail's "who" next to the e-mail.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A disabled user cannot sign in, and open sessions end within a minute.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The cities an official may see and edit (empty for evaluators and admins, who see all).</summary>
    public List<UserCity> Cities { get; } = [];
}

/// <summary>Assigns an official to a city.</summary>
public sealed class UserCity
{
    public string UserId { get; set; } = string.Empty;

    public int CityId { get; set; }
}

/// <summary>The three roles of the portal.</summary>
public static class PortalRoles
{
    public const string Admin = "Admin";
    public const string Evaluator = "Evaluator";
    public const string Official = "Official";

    public static readonly IReadOnlyList<string> All = [Admin, Evaluator, Official];
}
