using Bunit;
using MudBlazor;
using SmartCityIndex.Web.Features.Review;
using SmartCityIndex.Web.Tests.Components;

namespace SmartCityIndex.Web.Tests.Features.Review;

public sealed class DecisionDialogTests : PortalComponentContext
{
    [Theory]
    [InlineData("en", "Please fill this in.")]
    [InlineData("zh-Hans", "请填写此项。")]
    public async Task Confirm_RequiredCommentMissing_SaysSoAndStaysOpen(string culture, string message)
    {
        using var _ = new CultureScope(culture);
        var (provider, dialog) = await ShowAsync(required: true);

        await provider.InvokeAsync(() => provider.Find("[data-testid='dialog-confirm']").Click());

        Assert.Contains(message, provider.Markup);
        Assert.False(dialog.Result.IsCompleted);
        Assert.NotEmpty(provider.FindAll("[data-testid='dialog-comment']"));
    }

    [Fact]
    [UseCulture("en")]
    public async Task Confirm_WithAComment_ClosesWithTheTrimmedComment()
    {
        var (provider, dialog) = await ShowAsync(required: true);

        await provider.InvokeAsync(() => provider.Find("textarea").Input("  Two values need a source.  "));
        await provider.InvokeAsync(() => provider.Find("[data-testid='dialog-confirm']").Click());

        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        Assert.Equal("Two values need a source.", result.Data);
    }

    [Fact]
    [UseCulture("en")]
    public async Task Confirm_OptionalCommentEmpty_ClosesWithAnEmptyComment()
    {
        var (provider, dialog) = await ShowAsync(required: false);

        await provider.InvokeAsync(() => provider.Find("[data-testid='dialog-confirm']").Click());

        Assert.Equal(string.Empty, (await dialog.Result)!.Data);
    }

    [Fact]
    [UseCulture("en")]
    public async Task Cancel_IsCancelled()
    {
        var (provider, dialog) = await ShowAsync(required: true);

        await provider.InvokeAsync(() => provider.Find("[data-testid='dialog-cancel']").Click());

        Assert.True((await dialog.Result)!.Canceled);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync(bool required)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<DecisionDialog>
        {
            { d => d.Title, "Return" },
            { d => d.Message, "Send it back?" },
            { d => d.Label, "Comment" },
            { d => d.CommentRequired, required },
            { d => d.ConfirmText, "Return" },
        };
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await dialogs.ShowAsync<DecisionDialog>("Return", parameters));
        return (provider, dialog!);
    }
}
