using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using SmartCityIndex.Infrastructure.Identity;

namespace SmartCityIndex.Web.Features.Users;

/// <summary>
/// The dialog that creates or edits an account: the form's own checks, then the service's; what Identity refuses is
/// shown under the field it is about (password, e-mail) or above the buttons.
/// </summary>
public sealed partial class UserDialog
{
    [Inject]
    private UserAdministrationService Users { get; set; } = default!;

    [Inject]
    private CurrentUser Current { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private MudForm _form = null!;
    private UserForm _model = null!;
    private UserFormValidator _validator = null!;
    private IReadOnlyList<string> _errors = [];
    private string? _citiesError;
    private string? _emailError;
    private string? _passwordError;
    private bool _isSelf;
    private bool _saving;
    private bool _showPassword;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = null!;

    /// <summary>The account to edit; null to create one.</summary>
    [Parameter]
    public UserRow? User { get; set; }

    /// <summary>The cities an official can be assigned to.</summary>
    [Parameter]
    public IReadOnlyList<CityChoice> Cities { get; set; } = [];

    protected override async Task OnInitializedAsync()
    {
        _model = User is null ? UserForm.ForNew() : UserForm.For(User);
        _validator = new UserFormValidator(L);
        _isSelf = User is not null && User.Id == (await Current.GetAsync()).UserId;
    }

    private string CityName(int id) => Cities.FirstOrDefault(c => c.Id == id)?.Name ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void CitiesChanged(IReadOnlyCollection<int>? ids)
    {
        _model.CityIds = ids ?? [];
        _citiesError = null;
    }

    private void Cancel() => Dialog.Cancel();

    private string? Join(IEnumerable<IdentityError> errors) => UserMessages.Describe(L, errors) is { Count: > 0 } texts ? string.Join(" ", texts) : null;

    /// <summary>The field an Identity error is about (PasswordTooShort, DuplicateEmail, InvalidUserName...), or none.</summary>
    private static string FieldOf(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(UserForm.Password)
        : error.Code.EndsWith("Email", StringComparison.Ordinal) || error.Code.EndsWith("UserName", StringComparison.Ordinal) ? nameof(UserForm.Email)
        : string.Empty;

    private async Task SaveAsync()
    {
        _errors = [];
        (_emailError, _passwordError) = (null, null);
        await _form.ValidateAsync();
        // The multi-select has no single value for MudForm to check: validate the city list with the whole model.
        var whole = await _validator.ValidateAsync(_model);
        _citiesError = whole.Errors.FirstOrDefault(e => e.PropertyName == nameof(UserForm.CityIds))?.ErrorMessage;
        if (!_form.IsValid || !whole.IsValid)
        {
            return;
        }

        _saving = true;
        try
        {
            var access = await Current.GetAsync();
            var result = _model.IsNew
                ? await Users.CreateAsync(access, _model.ToNewUser())
                : await Users.UpdateAsync(access, User!.Id, _model.ToChange());
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(L[_model.IsNew ? nameof(Keys.UserCreated) : nameof(Keys.UserSaved), _model.Email.Trim()].Value));
                return;
            }

            // Password and e-mail refusals show under their fields; anything else above the buttons.
            var byField = result.Errors.ToLookup(FieldOf);
            _passwordError = Join(byField[nameof(UserForm.Password)]);
            _emailError = Join(byField[nameof(UserForm.Email)]);
            _errors = UserMessages.Describe(L, byField[string.Empty]);
        }
        finally
        {
            _saving = false;
        }
    }
}
