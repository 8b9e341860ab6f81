using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperative.Api.Tests.Infrastructure;
using static Cooperative.Api.Tests.Claims.ClaimScenario;
using static Cooperative.Api.Tests.Enrollment.Households;

namespace Cooperative.Api.Tests.Disclosures;

/// <summary>
/// A month of claims to disclose: the Wangs enrolled on 5 January 2026, then in November a county-hospital
/// stay for the head (direct settlement), a provincial-hospital stay for the son and a township outpatient visit
/// for the wife (both paper claims at the window).
/// </summary>
public static class DisclosureMonthScenario
{
    public const string November = "2026-11";
    public const string PublicVillage = "城关镇叶庄村";

    public sealed record Settled(string Number, decimal Total, decimal FundPays);

    public static async Task<(Settled Head, Settled Son, Settled Wife)> SettleNovemberAsync(CooperativeApp app, FixedClock clock)
    {
        clock.Now = FixedClock.At(2026, 1, 5).Now;
        await EnrolledWangsAsync(await app.ClientForAsync("window"));
        clock.Now = FixedClock.At(2026, 11, 20).Now;
        var window = await app.ClientForAsync("window");
        var hospital = await app.FacilityClientAsync("H0001");

        var head = await SettleAsync(hospital, InpatientBill(Head, "FP-D1"), "d-1", "/api/claims");
        var son = await SettleAsync(window, new
        {
            idNumber = Son.IdNumber, patientName = Son.Name, visitType = "inpatient", admissionDate = "2026-11-02", dischargeDate = "2026-11-09", diagnosisCode = "S82.2",
            referred = false, invoiceNumber = "SRM-D2", facilityName = "省人民医院", facilityLevel = "outside_county",
            lines = new[] { new { amount = 9000m, status = "covered", code = (string?)null } },
            providedDocuments = new[] { "id_card", "invoices", "itemized_list", "discharge_summary" },
        }, "d-2", "/api/claims/window");
        var wife = await SettleAsync(window, new
        {
            idNumber = Wife.IdNumber, patientName = Wife.Name, visitType = "outpatient", admissionDate = "2026-11-12", dischargeDate = "2026-11-12", diagnosisCode = "J06.9",
            referred = false, invoiceNumber = "MZ-D3", facilityCode = "T0001",
            lines = new[] { new { amount = 80m, status = "covered", code = (string?)null } },
            providedDocuments = new[] { "id_card", "invoices", "itemized_list" },
        }, "d-3", "/api/claims/window");
        return (head, son, wife);
    }

    public static async Task PublishAsync(HttpClient admin, string month)
    {
        await (await admin.PostAsync($"/api/disclosures/{month}/prepare", null)).ShouldBeOkAsync<JsonElement>();
        await (await admin.PostAsJsonAsync($"/api/disclosures/{month}/review", new { note = "已核对" })).ShouldBeOkAsync<JsonElement>();
        await (await admin.PostAsync($"/api/disclosures/{month}/publish", null)).ShouldBeOkAsync<JsonElement>();
    }

    private static async Task<Settled> SettleAsync(HttpClient client, object bill, string key, string path)
    {
        var claim = await (await SubmitAsync(client, bill, key, path)).ShouldBeOkAsync<JsonElement>(HttpStatusCode.Created);
        claim.GetProperty("status").GetString().Should().BeOneOf("settled", "under_review");
        return new Settled(claim.GetProperty("number").GetString()!, claim.GetProperty("total").GetDecimal(), claim.GetProperty("fundPays").GetDecimal());
    }
}
