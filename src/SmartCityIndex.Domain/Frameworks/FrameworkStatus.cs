namespace SmartCityIndex.Domain.Frameworks;

/// <summary>Life cycle of a framework version.</summary>
public enum FrameworkStatus
{
    /// <summary>Being edited; not used for reporting yet.</summary>
    Draft = 0,

    /// <summary>In use for reporting and scoring; immutable.</summary>
    Published = 1,

    /// <summary>No longer offered for new reporting periods; immutable.</summary>
    Retired = 2,
}
