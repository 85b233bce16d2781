namespace SmartCityIndex.Web.Tests.Components;

/// <summary>
/// Sets CurrentCulture and CurrentUICulture until disposed, then puts the previous ones back: for a culture that comes
/// from a theory's data; <see cref="UseCultureAttribute"/> is the same for a whole test.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
}
