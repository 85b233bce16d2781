using SmartCityIndex.Infrastructure;
using SmartCityIndex.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddWeb();

var app = builder.Build();
await app.InitialiseDatabaseAsync();
app.UseWeb();
await app.RunAsync();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
