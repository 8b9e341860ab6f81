using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Infrastructure;

namespace Cooperative.Api.Tests.Benefits;

/// <summary>
/// The 2026 policy with every special kind and payer, in force from 6 January (a version added on the 5th): the
/// county's default basic rules, and
/// <list type="bullet">
/// <item>chronic groups: A (高血压 I10, 糖尿病 E11) at 60 % up to 3,000 a year; S (尿毒症透析 N18.5) at 85 % up to 50,000;</item>
/// <item>delivery (O80–O84): 600 at village/township/community, 1,000 at county level, 1,200 outside; the inpatient rule if more;</item>
/// <item>catastrophic insurance (人保财险): threshold 10,000 of accumulated eligible out-of-pocket cost, 50 % up to 50,000,
/// 60 % above, cap 300,000;</item>
/// <item>assistance (县民政局): Dibao 50 % cap 10,000; Wubao and Tekun 70 % cap 20,000.</item>
/// </list>
/// </summary>
internal static class BenefitPolicy
{
    public static async Task<JsonNode> DocumentAsync(HttpClient client)
    {
        var current = JsonNode.Parse(await client.GetStringAsync("/api/policies/2026"))!["policy"]!;
        current["chronicGroups"] = JsonNode.Parse("""
            [
              { "code": "A", "name": "门诊慢性病", "ratio": 0.60, "annualCap": 3000,
                "diseases": [ { "code": "I10", "name": "高血压" }, { "code": "E11", "name": "2型糖尿病" } ] },
              { "code": "S", "name": "门诊特殊病种", "ratio": 0.85, "annualCap": 50000,
                "diseases": [ { "code": "N18.5", "name": "尿毒症透析" } ] }
            ]
            """);
        current["delivery"] = JsonNode.Parse("""
            { "diagnosisCodes": [ "O80", "O81", "O82", "O83", "O84" ], "inpatientRuleIfMore": true,
              "subsidies": [ { "level": "village", "amount": 600 }, { "level": "township", "amount": 600 },
                { "level": "community", "amount": 600 }, { "level": "county", "amount": 1000 }, { "level": "outside_county", "amount": 1200 } ] }
            """);
        current["catastrophic"] = JsonNode.Parse("""
            { "insurer": "人保财险杭城支公司", "threshold": 10000, "annualCap": 300000,
              "bands": [ { "upperLimit": 50000, "ratio": 0.50 }, { "upperLimit": null, "ratio": 0.60 } ] }
            """);
        current["assistance"] = JsonNode.Parse("""
            { "funder": "杭城市民政局", "categories": [ { "category": "dibao", "ratio": 0.50, "annualCap": 10000 },
              { "category": "wubao", "ratio": 0.70, "annualCap": 20000 }, { "category": "tekun", "ratio": 0.70, "annualCap": 20000 } ] }
            """);
        return current;
    }

    /// <summary>Adds the version from 6 January; call on the 5th (ClaimScenario.StartAsync's hook).</summary>
    public static async Task AddVersionAsync(CooperativeApp app)
    {
        var admin = await app.ClientForAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/policies/2026/versions",
            new { effectiveFrom = "2026-01-06", policy = await DocumentAsync(admin) });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The Wangs' scenario (ClaimScenario) under this policy.</summary>
    public static Task<ClaimScenario> ScenarioAsync() => ClaimScenario.StartAsync(AddVersionAsync);
}
