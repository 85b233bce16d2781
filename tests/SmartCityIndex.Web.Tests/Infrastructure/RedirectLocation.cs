namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>A redirect's target as the address bar would show it within the portal: path and query.</summary>
public static class RedirectLocation
{
    /// <summary>
    /// The path and query of <paramref name="location"/>, whether the portal sent it relative ("/review", as an
    /// endpoint does) or absolute ("http://localhost/review", as a page's NavigateTo does); null for none.
    /// </summary>
    public static string? Local(this Uri? location) =>
        location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
