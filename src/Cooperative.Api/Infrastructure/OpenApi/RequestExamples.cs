using Cooperative.Api.Claims;
using Cooperative.Api.Complaints;
using Cooperative.Api.Enrollment;
using Cooperative.Api.Policy;
using Cooperative.Domain.Identity;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Infrastructure.OpenApi;

/// <summary>
/// One walk through the main requests on a fresh Development database, each valid against the demo data: the window
/// registers the Wang household and enrols it this year, checks the head's coverage, the city hospital (H0001) settles
/// his outpatient bill of today, the window enters his son's paper claim from a provincial hospital, and a resident
/// files a complaint. Written as the request records, so the wire spelling is the serializer's.
/// </summary>
internal static class RequestExamples
{
    internal const string Card = "3301991010010001";
    internal static readonly string HeadId = IdNumber("19700101", 11);
    internal static readonly string WifeId = IdNumber("19720305", 22);
    internal static readonly string SonId = IdNumber("19981010", 33);

    /// <summary>The bodies by operation id, for the county's today.</summary>
    internal static IReadOnlyDictionary<string, object> Bodies(DateOnly today) => new Dictionary<string, object>
    {
        ["RegisterHousehold"] = new RegisterHouseholdRequest(Card, "330199101", "330199101001", "一组12号", null,
        [
            new MemberRequest(HeadId, "王建国", null, null, "head", null),
            new MemberRequest(WifeId, "李秀英", null, null, "spouse", "dibao"),
            new MemberRequest(SonId, "王磊", null, null, "child", null),
        ]),
        // The person ids are those of the registration's answer (members[].personId).
        ["EnrollHouseholdMembers"] = new EnrollRequest(today.Year,
            [Guid.Parse("0b9f2c1e-4a57-4d7e-9a0c-3f6d1e2b8a01"), Guid.Parse("5c2e7a90-1b3d-4f68-8e2a-9d4c0b7f1e02")]),
        ["SubmitFacilityClaim"] = new FacilityClaimRequest(HeadId, null, "王建国", VisitType.Outpatient, today, today, "J06.9",
            false, "FP-2026-000123", [new BillLineInput("D0003", "左氧氟沙星注射液", 2m, 50m, 100m, null, null)]),
        ["SubmitWindowClaim"] = new WindowClaimRequest(SonId, null, "王磊", VisitType.Outpatient, today, today, "S82.2", false,
            "SRM-2026-0457", [new BillLineInput(null, "门诊医疗费", null, null, 900m, CatalogueStatus.Covered, null)],
            null, "省人民医院", FacilityLevel.OutsideCounty,
            [RequiredDocument.IdCard, RequiredDocument.Invoices, RequiredDocument.ItemizedList]),
        ["FileComplaint"] = new FileComplaintRequest("facility", "东湖镇卫生院", "卫生院收取了目录外药品费用却未告知本人。", "张三",
            "13800138000"),
    };

    /// <summary>The query of the coverage check: the head of the household, today.</summary>
    internal static IReadOnlyDictionary<string, string> CoverageQuery(DateOnly today) => new Dictionary<string, string>
    {
        ["idNumber"] = HeadId,
        ["date"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string IdNumber(string birth, int sequence)
    {
        var first17 = $"330199{birth}{sequence:000}";
        return first17 + ResidentIdNumber.ComputeCheckDigit(first17);
    }
}
