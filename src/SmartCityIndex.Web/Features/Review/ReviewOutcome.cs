namespace SmartCityIndex.Web.Features.Review;

/// <summary>How a decision (approve, return, reopen) ended.</summary>
public enum ReviewOutcome
{
    /// <summary>Saved.</summary>
    Done,

    /// <summary>No such submission, or the caller may not review at all: nothing is said about which.</summary>
    NotFound,

    /// <summary>The caller may review but not do this (reopening is for admins).</summary>
    NotAllowed,

    /// <summary>Someone changed the submission since the caller loaded it; nothing was saved.</summary>
    Conflict,

    /// <summary>A required comment or reason is missing.</summary>
    CommentRequired,

    /// <summary>A comment or reason is longer than it may be (4,000 characters; 2,000 on a value); nothing was saved.</summary>
    CommentTooLong,

    /// <summary>The submission is not in a status that allows this decision.</summary>
    WrongStatus,
}
