namespace SmartCityIndex.Domain.Submissions;

/// <summary>Where a city's submission for a period stands in the review workflow.</summary>
public enum SubmissionStatus
{
    /// <summary>Being filled in by the city's officials.</summary>
    Draft = 0,

    /// <summary>Sent for review; read-only for officials.</summary>
    Submitted = 1,

    /// <summary>Sent back by an evaluator with comments; editable again.</summary>
    Returned = 2,

    /// <summary>Accepted by an evaluator; locked and used for scoring.</summary>
    Approved = 3,
}
