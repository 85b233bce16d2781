using System.Text;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// A return or redirect address taken from a request, made safe to follow: local to the portal (one leading slash,
/// not <c>//</c> or <c>/\</c>), without control characters (a tab or a line feed, which browsers drop or which split a
/// header), and with every other character outside printable ASCII percent-encoded as UTF-8, since a
/// <c>Location</c> header holds ASCII only (<c>/rankings?q=杭州</c> stays the same address). Anything else is null,
/// and the caller goes to its default page.
/// </summary>
public static class LocalUrl
{
    public static string? Safe(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || (url.Length > 1 && (url[1] == '/' || url[1] == '\\')))
        {
            return null;
        }

        var safe = new StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                return null;
            }

            if (rune.Value is > 0x20 and < 0x7F)
            {
                safe.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                safe.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return safe.ToString();
    }
}
