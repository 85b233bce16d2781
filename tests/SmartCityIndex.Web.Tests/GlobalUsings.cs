// Namespaces most files of this project use (their using blocks were the commonest repeated lines).
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Playwright;
global using SmartCityIndex.Domain.Submissions;
global using SmartCityIndex.Infrastructure.Identity;
global using SmartCityIndex.Infrastructure.Persistence;
global using SmartCityIndex.TestSupport;
global using SmartCityIndex.Web.Features.Rankings;
global using SmartCityIndex.Web.Features.Submissions;
global using SmartCityIndex.Web.Tests.Infrastructure;
global using System.Globalization;
