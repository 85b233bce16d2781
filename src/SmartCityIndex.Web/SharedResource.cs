namespace SmartCityIndex.Web;

/// <summary>
/// Marker for the portal's one string table: <c>Resources/SharedResource.resx</c> (English) and
/// <c>SharedResource.zh-Hans.resx</c>. It lives in the root namespace so that the resource names line up.
/// </summary>
public sealed class SharedResource;
