using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// Each operation's security from its endpoint's authorization metadata, as the authorization middleware reads it:
/// any <see cref="IAllowAnonymous"/> makes it public (<c>security: [{}]</c>); otherwise every policy must pass, and the
/// roles they admit are named in the description, with the 401 and 403 answers.
/// </summary>
internal sealed class SecurityRequirementTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (metadata.OfType<IAllowAnonymous>().Any() || authorize.Count == 0)
        {
            // `security: [{}]`: no requirement; the serializer drops an empty list, which would inherit nothing anyway.
            operation.Security = [new OpenApiSecurityRequirement()];
            operation.Description = Append(operation.Description, "Who may call: anyone; no token needed.");
            return;
        }
        operation.Security =
        [
            Requirement(SecuritySchemesTransformer.OAuth2),
            Requirement(SecuritySchemesTransformer.Bearer),
        ];
        operation.Description = Append(operation.Description, await WhoMayCallAsync(authorize));
        ProblemResponses.Add(operation, StatusCodes.Status401Unauthorized,
            "No token, an expired or invalid one, or one whose account or facility client has since been deactivated, "
            + "locked or disabled (`unauthorized`, `token_no_longer_valid`).");
        ProblemResponses.Add(operation, StatusCodes.Status403Forbidden, "The token's role may not do this (`forbidden`).");
    }

    private async Task<string> WhoMayCallAsync(IEnumerable<IAuthorizeData> authorize)
    {
        HashSet<string>? roles = null;
        var claims = new SortedSet<string>();
        foreach (var data in authorize)
        {
            var policy = data.Policy is null ? await policies.GetDefaultPolicyAsync() : await policies.GetPolicyAsync(data.Policy);
            foreach (var requirement in policy?.Requirements ?? [])
            {
                if (requirement is RolesAuthorizationRequirement r)
                {
                    if (roles is null) roles = [.. r.AllowedRoles];
                    else roles.IntersectWith(r.AllowedRoles);
                }
                else if (requirement is ClaimsAuthorizationRequirement c) claims.Add(c.ClaimType);
            }
        }
        var who = roles is null
            ? "Who may call: any signed-in caller (staff or a facility's system)"
            : $"Who may call: a token with role {string.Join(" or ", roles.Order().Select(r => $"`{r}`"))}";
        return claims.Count == 0 ? who + "." : $"{who}, carrying the {string.Join(", ", claims.Select(c => $"`{c}`"))} claim.";
    }

    private static OpenApiSecurityRequirement Requirement(string scheme) => new()
    {
        [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = scheme } }] = [],
    };

    private static string Append(string? description, string sentence) =>
        string.IsNullOrWhiteSpace(description) ? sentence : $"{description.TrimEnd()}\n\n{sentence}";
}
