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
            // Secondary and tertiary are also text (outlined tier chips, direction chips): 4.5:1 or more on white.
            Secondary = "#0b7476",
            Tertiary = "#a15c07",
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
            // The same for filled success, info and error buttons (approve, return) and for their text on the surface.
            Success = "#66bb6a",
            SuccessContrastText = "#0b1a2b",
            Info = "#64b5f6",
            InfoContrastText = "#0b1a2b",
            Warning = "#ffb74d",
            WarningContrastText = "#0b1a2b",
            Error = "#f28b82",
            ErrorContrastText = "#0b1a2b",
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
