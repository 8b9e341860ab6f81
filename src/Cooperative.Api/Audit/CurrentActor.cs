using System.Security.Claims;
using Cooperative.Api.Auth;
using Cooperative.Api.Infrastructure;
using OpenIddict.Abstractions;

namespace Cooperative.Api.Audit;

/// <summary>Who is acting in the current request: a staff user, a facility client, the public, or the system.</summary>
public sealed record Actor(string Name, string? Role, string? CorrelationId)
{
    public static readonly Actor System = new("system", null, null);
}

public interface ICurrentActor
{
    Actor Current { get; }
}

public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public Actor Current
    {
        get
        {
            var http = accessor.HttpContext;
            if (http is null) return Actor.System;
            var user = http.User;
            var correlation = CorrelationId.Of(http);
            if (user.Identity?.IsAuthenticated != true) return new Actor("anonymous", null, correlation);
            var name = user.FindFirstValue(OpenIddictConstants.Claims.Subject) ?? user.Identity.Name ?? "unknown";
            return new Actor(name, user.RoleOf(), correlation);
        }
    }
}
