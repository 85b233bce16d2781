// Namespaces most files of this project use (their using blocks were the commonest repeated lines).
global using SmartCityIndex.Domain.Aggregation;
global using SmartCityIndex.Domain.Indexing;
global using SmartCityIndex.Domain.Numerics;
global using SmartCityIndex.Domain.Scoring;
global using SmartCityIndex.Domain.Weighting;
