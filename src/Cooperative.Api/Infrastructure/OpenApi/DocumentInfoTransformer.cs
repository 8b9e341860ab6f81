using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>The document's title, description, contact, licence, server and one described tag per feature group.</summary>
internal sealed class DocumentInfoTransformer(IHttpContextAccessor http) : IOpenApiDocumentTransformer
{
    /// <summary>The feature groups' tags, in the order a vendor reads them.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Auth"] = "Who the caller is. Tokens come from the OAuth 2.0 token endpoint `/connect/token` (not listed here): "
            + "the password grant for staff's scripts, client credentials for facilities' systems, and the "
            + "authorization code with PKCE (S256) from the sign-in page at `/connect/authorize` for the console.",
        ["Console"] = "The staff console (工作人员控制台) served at `/console/`: how it signs in.",
        ["Enrollment"] = "Households, persons and their yearly enrolment (参合): registration, contributions and receipts, "
            + "register imports, the coverage check (参合资格查询) and enrolment statistics.",
        ["Benefits"] = "A person's special benefits: chronic disease certifications (慢性病认定) and referrals (转诊备案); "
            + "the payers' (catastrophic insurance, medical assistance) monthly statements and payments.",
        ["Claims"] = "Reimbursement claims (报销): facilities' direct settlement (直接结算) of itemized bills, paper claims at "
            + "the one-stop window (一站式窗口), review, payment, refunds and reversals.",
        ["Facilities"] = "Designated facilities (定点医疗机构): the register, admission, contracts and duties, inspections, "
            + "compliance, clients for their systems and cost flags.",
        ["Policy"] = "The yearly reimbursement policy (补偿方案) with its versions, the catalogue (目录) of drugs and "
            + "services, and the trial calculation (试算).",
        ["Ledger"] = "The fund's books (基金会计): accounts, journal entries, periods and month-end closing (月末结账), "
            + "reports, facility settlements and the auditors' exports.",
        ["Disclosure"] = "The monthly public disclosure (每月补偿公示) as staff prepare, review and publish it.",
        ["Complaints"] = "Complaints and suggestions (投诉与建议) as staff handle them: list, assign, answer, close.",
        ["Public"] = "What anyone may read or file without a token (信息公开): published disclosures, designated "
            + "facilities, complaints.",
        ["Geography"] = "The county's townships and villages (乡镇、村).",
        ["Staff"] = "Staff accounts (administrators only): create, roles, activation and unlocking.",
        ["Audit"] = "The audit trail (审计日志): records, the keyed chain's verification and sealing.",
        ["Reference"] = "Reference data (代码表): every enumeration with its codes, Chinese labels and the aliases input accepts.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Cooperative: New Rural Cooperative Medical Scheme (新型农村合作医疗) API",
            Version = "1.0.0",
            Description = """
                The county's rural cooperative medical insurance scheme (新农合): enrolment, designated facilities,
                reimbursement claims and their settlement, the fund's ledger and the monthly public disclosure.

                Authenticate with OAuth 2.0 at `/connect/token` (browsers: authorization code with PKCE at
                `/connect/authorize`) and send `Authorization: Bearer <token>`. Every error
                is RFC 9457 problem details (`application/problem+json`) with a stable `code` (see the
                `ProblemDetails` schema for the list); titles are Chinese. Submissions that create money movements
                need an `Idempotency-Key` header: a retry with the same key and body returns the first result.
                """,
            Contact = new OpenApiContact { Name = "County NRCMS office (县合作医疗管理办公室)", Email = "it@cooperative.example.org" },
            License = new OpenApiLicense { Name = "Proprietary: the county's own system", Url = new Uri("https://cooperative.example.org/licence") },
        };
        document.Servers = [new OpenApiServer { Url = ServerUrl(http.HttpContext?.Request), Description = "This server" }];
        document.Tags = Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }).ToList();
        return Task.CompletedTask;
    }

    /// <summary>The address the document was read from, without a trailing slash; relative when built outside a request.</summary>
    internal static string ServerUrl(HttpRequest? request) =>
        request is null ? "/" : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
}
