using FluentValidation;

namespace SmartCityIndex.Web.Features.Users;

/// <summary>The create and edit dialog's fields. The e-mail and the initial password are entered on creation only.</summary>
public sealed class UserForm
{
    public bool IsNew { get; init; }

    public string Email { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Role { get; set; } = PortalRoles.Official;

    public IReadOnlyCollection<int> CityIds { get; set; } = [];

    public string Password { get; set; } = string.Empty;

    public static UserForm ForNew() => new() { IsNew = true };

    public static UserForm For(UserRow user) => new()
    {
        Email = user.Email,
        DisplayName = user.DisplayName,
        Role = user.Role ?? PortalRoles.Official,
        CityIds = [.. user.Cities.Select(c => c.Id)],
    };

    public NewUser ToNewUser() => new(Email, DisplayName, Role, CityIds, Password);

    public UserChange ToChange() => new(DisplayName, Role, CityIds);
}

/// <summary>
/// What the form can check by itself, with localised messages; the password policy (common passwords and the like)
/// and unique e-mails are checked by Identity when saving, and its messages are shown in the dialog.
/// </summary>
public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator(IStringLocalizer<SharedResource> localizer)
    {
        When(f => f.IsNew, () =>
        {
            RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => localizer[nameof(Keys.UserEmailRequired)])
                .EmailAddress().WithMessage(_ => localizer[nameof(Keys.UserEmailInvalid)])
                .MaximumLength(256).WithMessage(_ => localizer[nameof(Keys.UserEmailTooLong)]);
            RuleFor(f => f.Password).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => localizer[nameof(Keys.UserPasswordRequired)])
                .Must(p => PasswordPolicy.Characters(p) is >= PasswordPolicy.MinimumLength and <= PasswordPolicy.MaximumLength)
                .WithMessage(_ => localizer[nameof(Keys.UserPasswordLength), PasswordPolicy.MinimumLength, PasswordPolicy.MaximumLength]);
        });
        RuleFor(f => f.DisplayName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => localizer[nameof(Keys.UserNameRequired)])
            .MaximumLength(200).WithMessage(_ => localizer[nameof(Keys.UserNameTooLong)]);
        RuleFor(f => f.Role)
            .Must(r => PortalRoles.All.Contains(r)).WithMessage(_ => localizer[nameof(Keys.UserRoleRequired)]);
        RuleFor(f => f.CityIds)
            .Must(ids => ids.Any()).When(f => f.Role == PortalRoles.Official).WithMessage(_ => localizer[nameof(Keys.UserCitiesRequired)]);
    }

    /// <summary>MudForm's per-field validation: the messages for one property of the model.</summary>
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var result = await ValidateAsync(ValidationContext<UserForm>.CreateWithOptions((UserForm)model, o => o.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
