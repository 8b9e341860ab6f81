using Cooperative.Api.Audit;
using Cooperative.Api.Auth;
using Cooperative.Api.Claims;
using Cooperative.Api.Complaints;
using Cooperative.Api.County;
using Cooperative.Api.Data;
using Cooperative.Api.Disclosures;
using Cooperative.Api.Enrollment;
using Cooperative.Api.Facilities;
using Cooperative.Api.Fhir;
using Cooperative.Api.Fund;
using Cooperative.Api.Geography;
using Cooperative.Api.Infrastructure;
using Cooperative.Api.Infrastructure.OpenApi;
using Cooperative.Api.Policy;
using Cooperative.Api.Public;
using Cooperative.Api.Reference;
using Cooperative.Api.Staff;
using Cooperative.Api.StaffConsole;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

if (args.FirstOrDefault() == GenerateRegisterCommand.Name) return await GenerateRegisterCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
if (!builder.Environment.IsDevelopment()) builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentActor, HttpCurrentActor>();
builder.Services.AddSingleton<AuditKeys>();
builder.Services.AddSingleton<AuditCheckpoints>();
builder.Services.AddScoped<AuditChain>();
builder.Services.AddSingleton<AuditSealerState>();
builder.Services.AddHostedService<AuditSealingService>();
builder.Services.AddScoped<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
builder.Services.AddCooperativeDatabase(builder.Configuration);
builder.Services.AddCooperativeAuth(builder.Configuration, builder.Environment);
builder.Services.AddCooperativeForwardedHeaders(builder.Configuration);
builder.Services.AddCooperativeProblemDetails();
builder.Services.AddCooperativeHealth();
builder.Services.AddFund();
builder.Services.AddPolicy();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new VocabularyJsonConverterFactory()));
builder.Services.AddEnrollment();
builder.Services.AddGeography(builder.Configuration);
builder.Services.AddFacilities();
builder.Services.AddClaims();
builder.Services.AddComplaints(builder.Configuration);
builder.Services.AddDisclosures();
builder.Services.AddFhir();
builder.Services.AddCooperativeOpenApi();
builder.Services.AddCounty(builder.Configuration);

var app = builder.Build();

if (args.FirstOrDefault() == CreateAdminCommand.Name) return await CreateAdminCommand.RunAsync(app, args);
if (args.FirstOrDefault() == SeedCountyCommand.Name) return await SeedCountyCommand.RunAsync(app, args);
if (args.FirstOrDefault() == AdvanceIncomeCarryOver.CommandName) return await AdvanceIncomeCarryOver.RunCommandAsync(app);

if (SecurityHeaders.HasTrustedProxies(app.Configuration)) app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment(AuthSetup.TestingEnvironment)) app.UseHsts();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCorrelationId();
app.UsePublicPage();
var embeddedTokenServer = !AuthSetup.HasExternalAuthority(app.Configuration);
if (embeddedTokenServer) app.UseMiddleware<SignInGuard>();
app.UseAuthentication();
app.UseMiddleware<LiveTokenCheck>();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapCooperativeHealth();
if (embeddedTokenServer) app.MapTokenEndpoint().MapAuthorizationEndpoint();
// Every write of the API is retried when it loses a conflict in the database (a deadlock, or on a Galera cluster a
// certification failure at commit): see ConflictRetry.
var api = app.MapGroup("").WithConflictRetry();
api.MapConsoleApi();
api.MapMeApi();
api.MapStaffApi();
api.MapAuditApi();
api.MapGeographyApi();
api.MapPolicy();
api.MapFund();
api.MapFacilitiesApi();
api.MapClaimsApi();
api.MapCostFlagsApi();
api.MapEnrollment();
api.MapComplaints();
api.MapDisclosures();
api.MapReferenceApi();
api.MapFhir();

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
