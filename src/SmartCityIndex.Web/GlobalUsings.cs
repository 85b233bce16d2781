// Namespaces most files of this project use (their using blocks were the commonest repeated lines).
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
global using SmartCityIndex.Domain.Submissions;
global using SmartCityIndex.Infrastructure.Identity;
global using SmartCityIndex.Infrastructure.Persistence;
global using SmartCityIndex.Web.Features.Account;
global using SmartCityIndex.Web.Features.Localization;
global using System.Globalization;
