// Namespaces most files of this project use (their using blocks were the commonest repeated lines).
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using SmartCityIndex.Domain.Cities;
global using SmartCityIndex.Domain.Frameworks;
global using SmartCityIndex.Domain.Periods;
global using SmartCityIndex.Domain.Submissions;
global using SmartCityIndex.Infrastructure.Identity;
global using SmartCityIndex.Infrastructure.Persistence;
