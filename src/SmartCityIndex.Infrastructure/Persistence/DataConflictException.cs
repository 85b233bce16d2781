namespace SmartCityIndex.Infrastructure.Persistence;

/// <summary>
/// The database refused a change because it would duplicate a unique value or point at a row that does not exist.
/// The message is written for the user; nothing of the failed save was written.
/// </summary>
public sealed class DataConflictException(string message, Exception inner) : Exception(message, inner);
