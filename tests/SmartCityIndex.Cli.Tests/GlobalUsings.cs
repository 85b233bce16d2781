// Namespaces most files of this project use (their using blocks were the commonest repeated lines).
global using SmartCityIndex.Cli.Tests.TestSupport;
