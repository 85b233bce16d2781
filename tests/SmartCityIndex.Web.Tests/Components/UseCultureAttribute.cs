using System.Reflection;
using Xunit.Sdk;

namespace SmartCityIndex.Web.Tests.Components;

/// <summary>Runs a test in a culture (CurrentCulture and CurrentUICulture), e.g. <c>[UseCulture("zh-Hans")]</c>, and restores the previous one after.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class UseCultureAttribute(string culture) : BeforeAfterTestAttribute
{
    private CultureScope? _scope;

    public string Culture { get; } = culture;

    public override void Before(MethodInfo methodUnderTest) => _scope = new CultureScope(Culture);

    public override void After(MethodInfo methodUnderTest) => _scope?.Dispose();
}
