namespace SmartCityIndex.Infrastructure.Identity;

/// <summary>
/// The demo accounts that come with the embedded demo database, one per role, listed on the sign-in page in demo
/// mode only. Never created for PostgreSQL unless demo data are asked for.
/// </summary>
public static class DemoAccounts
{
    /// <summary>The shared demo password (a passphrase that passes the password policy).</summary>
    public const string Password = "city lantern harbour 2026";

    public const string Admin = "admin@sci.demo";
    public const string Evaluator = "evaluator@sci.demo";
    public const string HangzhouOfficial = "official.hangzhou@sci.demo";
    public const string GuangdongOfficial = "official.guangdong@sci.demo";

    /// <summary>Added by <c>sci seed</c> only: an official assigned to every city, to see "My submissions" at full size.</summary>
    public const string AllCitiesOfficial = "official.all@sci.demo";

    /// <summary>
    /// The city whose open-year submission the demo seeds as a draft with a few values, so that an official has a
    /// form to try (Shenzhen, of the Guangdong official; Hangzhou, which the tests start afresh, keeps its own).
    /// </summary>
    public const string DraftCity = "CN-SZ";

    /// <summary>Every demo account: e-mail, display name, role and the city codes of an official.</summary>
    public static readonly IReadOnlyList<(string Email, string DisplayName, string Role, string[] Cities)> All =
    [
        (Admin, "Admin (demo)", PortalRoles.Admin, []),
        (Evaluator, "Evaluator (demo)", PortalRoles.Evaluator, []),
        (HangzhouOfficial, "Hangzhou official (demo)", PortalRoles.Official, ["CN-HZ"]),
        (GuangdongOfficial, "Guangdong official (demo)", PortalRoles.Official, ["CN-GZ", "CN-SZ"]),
    ];

    /// <summary>The name recorded as the submitter in the demo history of a city.</summary>
    public static string OfficialFor(string cityCode) => cityCode switch
    {
        "CN-HZ" => HangzhouOfficial,
        "CN-GZ" or "CN-SZ" => GuangdongOfficial,
        _ => $"official.{cityCode.ToLowerInvariant()}@sci.demo",
    };
}
