using FluentValidation;
using SmartCityIndex.Domain.Submissions;

namespace SmartCityIndex.Web.Features.Submissions;

/// <summary>
/// The errors that stop a value from being saved: not a number, more decimal places or digits than a value keeps,
/// outside the indicator's hard range, "not available" without a reason, a note too long. Warnings (plausible range, change from last year) are the domain's
/// <c>ValueCheck</c>: they do not stop saving, only submitting without a note.
/// </summary>
public sealed class EntryRowValidator : AbstractValidator<EntryRow>
{
    public EntryRowValidator(IStringLocalizer<SharedResource> text)
    {
        RuleFor(r => r.Note).MaximumLength(IndicatorValue.MaxNoteLength).WithMessage(_ => text[nameof(Keys.NoteTooLong)]);
        When(r => r.NotAvailable, () =>
        {
            RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => text[nameof(Keys.ReasonRequired)]);
            RuleFor(r => r.Reason).MaximumLength(IndicatorValue.MaxReasonLength).WithMessage(_ => text[nameof(Keys.ReasonTooLong)]);
        });
        When(r => !r.NotAvailable && !string.IsNullOrWhiteSpace(r.Text), () =>
        {
            RuleFor(r => r.Text)
                .Must(t => NumberInput.TryParse(t, out _))
                .WithMessage(r => text[nameof(Keys.NotANumber), r.Text]);
            RuleFor(r => r.Text)
                .Must(t => !NumberInput.TryParse(t, out var v) || IndicatorValue.IsStorable(v))
                .WithMessage(_ => text[nameof(Keys.ValueNotStorable), IndicatorValue.MaxDecimals, NumberInput.Format(decimal.Truncate(IndicatorValue.MaxMagnitude))]);
            RuleFor(r => r.Text)
                .Must((r, t) => !NumberInput.TryParse(t, out var v) || r.Indicator.HardRange is not { } hard || hard.Contains(v))
                .WithMessage(r => text[nameof(Keys.OutsideHardRange), NumberInput.Format(r.Indicator.HardRange?.Min), NumberInput.Format(r.Indicator.HardRange?.Max), r.Indicator.Unit]);
        });
    }
}
