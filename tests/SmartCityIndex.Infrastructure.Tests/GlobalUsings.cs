// Namespaces most files of this project use (their using blocks were the commonest repeated lines).
global using Microsoft.EntityFrameworkCore;
global using SmartCityIndex.Infrastructure.Persistence;
global using SmartCityIndex.TestSupport;
