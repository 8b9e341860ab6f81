using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Claims;
using Cooperative.Api.Tests.Enrollment;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Disclosures;

/// <summary>
/// November 2026 under the policy with every kind and payer (<see cref="Benefits.BenefitPolicy"/>), all settled on
/// 20 November: the head's certified hypertension at the city hospital (门诊慢性病), the son's township visit at the
/// window (普通门诊), and the wife (on 低保, so assistance pays a share of each) a delivery in September (住院分娩),
/// a 20,000 stay in October and a 40,000 one in November (住院), the last crossing catastrophic insurance's threshold.
/// </summary>
internal static class BenefitMonthScenario
{
    public sealed record Month(JsonElement Chronic, JsonElement General, JsonElement Delivery, JsonElement Stay, JsonElement Big)
    {
        public IReadOnlyList<JsonElement> All => [Chronic, General, Delivery, Stay, Big];

        /// <summary>The claims paid under a kind (its enum name on the claims API).</summary>
        public IEnumerable<JsonElement> Of(string benefit) => All.Where(c => c.GetProperty("benefit").GetString() == benefit);
    }

    public static decimal Sum(IEnumerable<JsonElement> claims, string property) => claims.Sum(c => c.GetProperty(property).GetDecimal());

    public static Task<Month> SettleNovemberAsync(ClaimScenario s) => SettleNovemberAsync(s.Window, s.CityHospital);

    /// <param name="window">A window clerk's client, taken on 20 November.</param>
    /// <param name="cityHospital">The city hospital's (H0001) client.</param>
    public static async Task<Month> SettleNovemberAsync(HttpClient window, HttpClient cityHospital)
    {
        var head = (await (await window.GetAsync($"/api/persons?q={Head.IdNumber}")).ShouldBeOkAsync<JsonElement>())
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        await (await window.PostAsJsonAsync($"/api/persons/{head}/certifications",
                new { diseaseCode = "I10", facilityCode = "H0001", validFrom = "2026-11-20", validTo = "2027-11-19" }))
            .ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);

        var chronic = await SettledAsync(cityHospital, new
        {
            idNumber = Head.IdNumber, patientName = Head.Name, visitType = "outpatient", admissionDate = "2026-11-20", dischargeDate = "2026-11-20",
            diagnosisCode = "I10", referred = false, invoiceNumber = "MZ-B1", lines = new[] { new { code = "S0001", name = "普通门诊诊查费", amount = 250m } },
        }, "b-1");
        var general = await SettledAsync(window, new
        {
            idNumber = Son.IdNumber, patientName = Son.Name, visitType = "outpatient", admissionDate = "2026-11-12", dischargeDate = "2026-11-12",
            diagnosisCode = "J06.9", referred = false, invoiceNumber = "MZ-B2", facilityCode = "T0001",
            lines = new[] { new { amount = 80m, status = "covered", code = (string?)null } },
            providedDocuments = new[] { "id_card", "invoices", "itemized_list" },
        }, "b-2", "/api/claims/window");
        var delivery = await SettledAsync(cityHospital, Stay(Wife, "FM-B3", "O80", 1200m, "2026-09-01", "2026-09-03"), "b-3");
        var stay = await SettledAsync(cityHospital, Stay(Wife, "DB-B4", "K35.8", 20000m, "2026-10-01", "2026-10-10"), "b-4");
        var big = await SettledAsync(cityHospital, BigBill(Wife, "DB-B5"), "b-5");

        chronic.GetProperty("benefit").GetString().Should().Be("chronic");
        general.GetProperty("benefit").GetString().Should().Be("outpatient");
        general.GetProperty("fundPays").GetDecimal().Should().BePositive();
        delivery.GetProperty("benefit").GetString().Should().Be("delivery");
        delivery.GetProperty("assistancePays").GetDecimal().Should().BePositive();
        big.GetProperty("benefit").GetString().Should().Be("inpatient");
        big.GetProperty("catastrophicPays").GetDecimal().Should().BePositive("the wife's out-of-pocket cost of the year passed the threshold");
        return new Month(chronic, general, delivery, stay, big);
    }

    private static object Stay(Member patient, string invoice, string diagnosis, decimal amount, string admitted, string discharged) => new
    {
        idNumber = patient.IdNumber, patientName = patient.Name, visitType = "inpatient", admissionDate = admitted, dischargeDate = discharged,
        diagnosisCode = diagnosis, referred = false, invoiceNumber = invoice,
        lines = new[] { new { code = "S0014", name = "阑尾切除术", amount } },
    };

    private static async Task<JsonElement> SettledAsync(HttpClient client, object bill, string key, string path = "/api/claims")
    {
        var claim = await (await SubmitAsync(client, bill, key, path)).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        claim.GetProperty("status").GetString().Should().BeOneOf("settled", "under_review");
        return claim;
    }
}
