using Cooperative.Api.StaffConsole;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers;

namespace Cooperative.Api.Auth;

/// <summary>
/// In place of OpenIddict's <see cref="Authentication.ValidateClientRedirectUri"/>: the console's redirect_uri must be
/// <see cref="ConsoleClient.IsAllowedRedirect"/> for the request that reached the authorization endpoint; every other
/// client is checked by OpenIddict's own handler against its registered URIs. A refusal rejects the request, and
/// OpenIddict then answers with an error of its own instead of redirecting to the refused URI.
/// </summary>
public sealed class ConsoleRedirectUriCheck(IOpenIddictApplicationManager applications,
    IOptions<ConsoleOptions> options) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .UseScopedHandler<ConsoleRedirectUriCheck>()
            .SetOrder(Authentication.ValidateClientRedirectUri.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (!string.Equals(context.ClientId, options.Value.ClientId, StringComparison.Ordinal))
        {
            await new Authentication.ValidateClientRedirectUri(applications).HandleAsync(context);
            return;
        }
        var request = ConsoleRedirectChecks.Request(context);
        if (ConsoleClient.IsAllowedRedirect(request, context.RedirectUri, options.Value)) return;
        ConsoleRedirectChecks.Refused(context.Logger, "redirect_uri", context.RedirectUri);
        context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The redirect_uri is not the console's.");
    }
}

/// <summary>
/// In place of OpenIddict's <see cref="Session.ValidateClientPostLogoutRedirectUri"/>, by the same rule as
/// <see cref="ConsoleRedirectUriCheck"/>: for the console (named by client_id or by the id_token_hint's audience), or
/// for a request that names no client at all but returns to the console's own address.
/// </summary>
public sealed class ConsolePostLogoutRedirectUriCheck(IOpenIddictApplicationManager applications,
    IOptions<ConsoleOptions> options) : IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateEndSessionRequestContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequirePostLogoutRedirectUriParameter>()
            .UseScopedHandler<ConsolePostLogoutRedirectUriCheck>()
            .SetOrder(Session.ValidateClientPostLogoutRedirectUri.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        var uri = context.PostLogoutRedirectUri;
        var allowed = ConsoleClient.IsAllowedRedirect(ConsoleRedirectChecks.Request(context), uri, options.Value);
        var named = !string.IsNullOrEmpty(context.ClientId) ? [context.ClientId]
            : context.IdentityTokenHintPrincipal?.GetAudiences() ?? [];
        if (named.IsEmpty && allowed) return;
        if (!named.Contains(options.Value.ClientId, StringComparer.Ordinal))
        {
            await new Session.ValidateClientPostLogoutRedirectUri(applications).HandleAsync(context);
            return;
        }
        if (allowed) return;
        ConsoleRedirectChecks.Refused(context.Logger, "post_logout_redirect_uri", uri);
        context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The post_logout_redirect_uri is not the console's.");
    }
}

internal static partial class ConsoleRedirectChecks
{
    public static HttpRequest Request(OpenIddictServerEvents.BaseContext context) =>
        context.Transaction.GetHttpRequest() ?? throw new InvalidOperationException("The HTTP request cannot be read.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused the console's {Parameter} {Uri}")]
    public static partial void Refused(ILogger log, string parameter, string? uri);
}
