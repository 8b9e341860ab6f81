using System.Security.Cryptography.X509Certificates;
using Cooperative.Api.Data;
using Cooperative.Api.Geography;
using Cooperative.Api.StaffConsole;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cooperative.Api.Auth;

public static class AuthSetup
{
    public const string TestingEnvironment = "Testing";

    /// <summary>Whether <c>Authentication:Authority</c> names an external OpenID Connect server (then there is no token endpoint here).</summary>
    public static bool HasExternalAuthority(IConfiguration config) => !string.IsNullOrWhiteSpace(config[$"{SignInOptions.Section}:Authority"]);

    /// <summary>
    /// The embedded OpenIddict token server (unless <c>Authentication:Authority</c> names an external one) and
    /// standard OpenIddict validation of the signed JWT access tokens, with one policy per role set.
    /// </summary>
    public static IServiceCollection AddCooperativeAuth(this IServiceCollection services, IConfiguration config,
        IHostEnvironment env)
    {
        services.Configure<SignInOptions>(config.GetSection(SignInOptions.Section));
        services.AddOptions<ConsoleOptions>().Bind(config.GetSection(ConsoleOptions.Section))
            .PostConfigure<IOptions<CountyOptions>>((console, county) =>
            {
                if (console.SystemName.Length == 0) console.SystemName = $"{county.Value.Name}新农合管理系统";
            });
        services.AddSingleton<TokenRateLimiter>();
        services.AddSingleton<AccountStates>();
        var allowHttp = env.IsDevelopment() || env.IsEnvironment(TestingEnvironment);
        var openIddict = services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<CooperativeDbContext>().ReplaceDefaultEntities<Guid>());

        if (!HasExternalAuthority(config))
        {
            openIddict.AddServer(o =>
            {
                o.SetTokenEndpointUris("connect/token").SetAuthorizationEndpointUris("connect/authorize")
                    .SetEndSessionEndpointUris("connect/endsession").SetRevocationEndpointUris("connect/revoke");
                o.AllowPasswordFlow().AllowClientCredentialsFlow().AllowRefreshTokenFlow().AllowAuthorizationCodeFlow();
                // PKCE for every code, and only S256: "plain" would hand the verifier to whoever sees the request.
                o.RequireProofKeyForCodeExchange();
                o.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                o.AcceptAnonymousClients();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, Scopes.Roles, "api");
                // The console's redirect URIs follow the address the request reached (see ConsoleClient).
                o.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor)
                    .AddEventHandler(ConsoleRedirectUriCheck.Descriptor);
                o.RemoveEventHandler(OpenIddictServerHandlers.Session.ValidateClientPostLogoutRedirectUri.Descriptor)
                    .AddEventHandler(ConsolePostLogoutRedirectUriCheck.Descriptor);
                o.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                o.SetRefreshTokenLifetime(TimeSpan.FromHours(12));
                // Plain signed JWTs, so that any OIDC-aware resource server can validate them.
                o.DisableAccessTokenEncryption();
                AddKeys(o, config, env);
                var aspNet = o.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (allowHttp) aspNet.DisableTransportSecurityRequirement();
            });
            openIddict.AddValidation(o =>
            {
                o.UseLocalServer();
                o.AddAudiences(CooperativeClaims.Audience);
                o.UseAspNetCore().DisableAccessTokenExtractionFromBodyForm(); // tokens come in the Authorization header only
            });
        }
        else
        {
            // An external authority (Keycloak, Duende IdentityServer...) issues the tokens; its keys are read
            // from its discovery document.
            ExternalAuthority.AddValidation(openIddict, config, allowHttp);
        }

        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Admin, Roles.Window, Roles.Reviewer, Roles.Auditor))
            .AddPolicy(Policies.StaffOrFacility, p => p.RequireRole(Roles.Admin, Roles.Window, Roles.Reviewer, Roles.Auditor, Roles.Facility))
            .AddPolicy(Policies.AuditReaders, p => p.RequireRole(Roles.Admin, Roles.Auditor))
            .AddPolicy(Policies.Calculators, p => p.RequireRole(Roles.Admin, Roles.Window, Roles.Reviewer, Roles.Facility))
            .AddPolicy(Policies.EnrollmentClerks, p => p.RequireRole(Roles.Admin, Roles.Window))
            .AddPolicy(Policies.CoverageCheckers, p => p.RequireRole(Roles.Admin, Roles.Window, Roles.Reviewer, Roles.Auditor,
                Roles.Facility))
            .AddPolicy(Policies.FacilitySystem, p => p.RequireRole(Roles.Facility).RequireClaim(CooperativeClaims.FacilityCode))
            .AddPolicy(Policies.WindowStaff, p => p.RequireRole(Roles.Admin, Roles.Window))
            .AddPolicy(Policies.Reviewers, p => p.RequireRole(Roles.Admin, Roles.Reviewer))
            .AddPolicy(Policies.ClaimReaders, p => p.RequireRole(Roles.Admin, Roles.Window, Roles.Reviewer, Roles.Auditor, Roles.Facility))
            .AddPolicy(Policies.ComplaintHandlers, p => p.RequireRole(Roles.Admin, Roles.Window, Roles.Reviewer))
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser());
        return services;
    }

    private static void AddKeys(OpenIddictServerBuilder o, IConfiguration config, IHostEnvironment env)
    {
        if (env.IsEnvironment(TestingEnvironment) && string.IsNullOrEmpty(config["Authentication:SigningCertificate:Path"]))
        {
            o.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
            return;
        }
        if (env.IsDevelopment() && string.IsNullOrEmpty(config["Authentication:SigningCertificate:Path"]))
        {
            o.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
            return;
        }
        o.AddSigningCertificate(LoadCertificate(config, "SigningCertificate"));
        o.AddEncryptionCertificate(LoadCertificate(config, config["Authentication:EncryptionCertificate:Path"] is { Length: > 0 }
            ? "EncryptionCertificate" : "SigningCertificate"));
    }

    /// <summary>Outside Development the token server refuses to start without a real certificate.</summary>
    private static X509Certificate2 LoadCertificate(IConfiguration config, string name)
    {
        var path = config[$"Authentication:{name}:Path"];
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            throw new InvalidOperationException(
                $"Authentication:{name}:Path must name a PKCS#12 certificate file outside Development (got '{path}').");
        return X509CertificateLoader.LoadPkcs12FromFile(path, config[$"Authentication:{name}:Password"],
            X509KeyStorageFlags.EphemeralKeySet);
    }
}

public static class Policies
{
    public const string Admin = "admin";
    public const string Staff = "staff";
    public const string AuditReaders = "audit-readers";
    /// <summary>Staff, or a facility's system: endpoints that then check the facility reads only its own data.</summary>
    public const string StaffOrFacility = "staff-or-facility";
    /// <summary>Who registers households and takes contributions: the window and administrators.</summary>
    public const string EnrollmentClerks = "enrollment-clerks";
    /// <summary>Who may ask whether a person is covered: staff and designated facilities' systems.</summary>
    public const string CoverageCheckers = "coverage-checkers";
    public const string Authenticated = "authenticated";
    /// <summary>Those who work claims: window staff, reviewers, administrators and facility systems (not auditors).</summary>
    public const string Calculators = "calculators";
    /// <summary>A facility's own system (client credentials with its facility code).</summary>
    public const string FacilitySystem = "facility-system";
    /// <summary>The one-stop window: window staff and administrators.</summary>
    public const string WindowStaff = "window-staff";
    /// <summary>Claim review: reviewers and administrators.</summary>
    public const string Reviewers = "reviewers";
    /// <summary>Who may read claims: all staff, and facilities (their own only).</summary>
    public const string ClaimReaders = "claim-readers";
    /// <summary>Those who handle complaints (assign, answer, close): administrators, window staff, reviewers.</summary>
    public const string ComplaintHandlers = "complaint-handlers";
}
