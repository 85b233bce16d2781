using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SmartCityIndex.Web.Features.Security;

/// <summary>
/// Behind a reverse proxy that ends TLS (nginx, Traefik, a cloud load balancer), the portal takes the client's address
/// and scheme from <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, but only from the proxies named in
/// <c>ReverseProxy:KnownProxies</c> (their IP addresses): the sign-in throttle then counts per client rather than per
/// proxy, and HSTS and secure cookies follow the scheme the browser used. With none named, those headers are ignored
/// (anyone could send them).
/// </summary>
public static class ReverseProxy
{
    public const string KnownProxiesKey = "ReverseProxy:KnownProxies";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            var proxies = configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [];
            foreach (var proxy in proxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"{KnownProxiesKey} holds '{proxy}', which is not an IP address."));
            }

            // The proxy's own entry only: what the client put in the header before it is not believed.
            options.ForwardLimit = 1;
            options.ForwardedHeaders = options.KnownProxies.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
        });
        return services;
    }
}
