using MudBlazor;

namespace SmartCityIndex.Web.Components.Layout;

/// <summary>The portal's colours and type: a calm civic blue with teal accents, readable in both themes.</summary>
internal static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1c5d99",
            Secondary = "#0f8b8d",
            Tertiary = "#e07a1f",
            AppbarBackground = "#143d66",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            // Text in these colours (alerts, status chips) reads at 4.5:1 or more on the page and on white (axe).
            Warning = "#9a5b00",
            Info = "#1565c0",
            // MudBlazor's secondary text (captions, summaries) was below 4.5:1 on the page's background.
            TextSecondary = "rgba(0,0,0,0.7)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6aa8e8",
            Secondary = "#4fc3c5",
            Tertiary = "#f0a35e",
            AppbarBackground = "#0f1b2a",
            Background = "#121820",
            Surface = "#1a2230",
            DrawerBackground = "#161e2a",
            // Dark text on the light primary (selected year tab, filled buttons): white on it was 2.5:1.
            PrimaryContrastText = "#0b1a2b",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "Roboto", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
