using System.Text.Json;
using Cooperative.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperative.Api.Auth;

public sealed record DemoUser(string UserName, string Password, string Role, string DisplayName);

public sealed record DemoFacilityClient(string ClientId, string ClientSecret, string FacilityCode, string DisplayName);

/// <summary>
/// The demo accounts of the embedded default (one user per role, some facility clients). They live in the
/// Development configuration, never in code; Production refuses to start when any are configured.
/// </summary>
public sealed class DemoAccounts
{
    public const string Section = "Demo";
    public List<DemoUser> Users { get; init; } = [];
    public List<DemoFacilityClient> FacilityClients { get; init; } = [];

    public bool Any => Users.Count > 0 || FacilityClients.Count > 0;

    public static DemoAccounts From(IConfiguration config) => config.GetSection(Section).Get<DemoAccounts>() ?? new DemoAccounts();

    /// <summary>Creates what is missing; existing accounts are left as they are (idempotent).</summary>
    public async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<CooperativeDbContext>();
        var hasher = services.GetRequiredService<IPasswordHasher<StaffUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var existing = await db.StaffUsers.Select(u => u.UserName).ToListAsync(ct);
        foreach (var demo in Users.Where(u => !existing.Contains(u.UserName)))
        {
            var user = new StaffUser
            {
                UserName = demo.UserName, DisplayName = demo.DisplayName, Role = demo.Role,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            user.SetPasswordHash(hasher.HashPassword(user, demo.Password));
            db.StaffUsers.Add(user);
        }
        await db.SaveChangesAsync(ct);

        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in FacilityClients)
        {
            if (await applications.FindByClientIdAsync(client.ClientId, ct) is not null) continue;
            await applications.CreateAsync(FacilityClientDescriptor(client.ClientId, client.ClientSecret,
                client.FacilityCode, client.DisplayName), ct);
        }
    }

    public static OpenIddictApplicationDescriptor FacilityClientDescriptor(string clientId, string secret, string facilityCode,
        string displayName)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "api" },
        };
        descriptor.Properties[CooperativeClaims.FacilityCode] = JsonSerializer.SerializeToElement(facilityCode);
        return descriptor;
    }
}
