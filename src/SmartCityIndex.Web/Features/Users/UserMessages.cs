using Microsoft.AspNetCore.Identity;

namespace SmartCityIndex.Web.Features.Users;

/// <summary>
/// The reasons a change was refused, in the user's language: Identity's and the service's error codes have a
/// <c>UserError_{Code}</c> resource; a code without one shows Identity's English description.
/// </summary>
public static class UserMessages
{
    public static IReadOnlyList<string> Describe(IStringLocalizer<SharedResource> localizer, IEnumerable<IdentityError> errors) =>
        [.. errors.Select(e => localizer[$"UserError_{e.Code}"] is { ResourceNotFound: false } text ? text.Value : e.Description).Distinct()];
}
