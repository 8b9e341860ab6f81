using Cooperative.Api.Benefits;
using Cooperative.Api.Claims;
using Cooperative.Api.Disclosures;
using Cooperative.Api.Fund;
using Cooperative.Api.Policy;
using Cooperative.Domain;
using Cooperative.Domain.Claims;
using Cooperative.Domain.Complaints;
using Cooperative.Domain.Enrollment;
using Cooperative.Domain.Facilities;
using Cooperative.Domain.Identity;
using Cooperative.Domain.Ledger;
using Cooperative.Domain.Reimbursement;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cooperative.Api.Reference;

/// <summary>One enumeration: its name on the wire, what it is, and its members.</summary>
public sealed record EnumerationResponse(string Name, string Label, IReadOnlyList<Term> Terms);

/// <summary>The reference data every integrator needs to read and write the API's codes (代码表).</summary>
public static class ReferenceApi
{
    /// <summary>Every enumeration that crosses the wire, with its Chinese name.</summary>
    public static IReadOnlyList<(Type Type, string Label)> Enumerations { get; } =
    [
        (typeof(Gender), "性别"), (typeof(Relationship), "与户主关系"), (typeof(PersonCategory), "人员类别"),
        (typeof(PersonStatus), "人员状态"), (typeof(ContributionPayer), "缴费方式"), (typeof(VisitType), "就诊类型"),
        (typeof(BenefitKind), "补偿类别"), (typeof(Payer), "其他支付方"), (typeof(CatalogueStatus), "目录类别"),
        (typeof(CatalogueCategory), "目录项目类型"), (typeof(FacilityLevel), "医疗机构级别"), (typeof(FacilityStatus), "定点状态"),
        (typeof(FacilityOwnership), "所有制"), (typeof(EligibilityVerdict), "定点资格核验结果"), (typeof(ClaimStatus), "报销单状态"),
        (typeof(ClaimChannel), "报销渠道"), (typeof(RequiredDocument), "报销材料"), (typeof(PaymentMethod), "支付方式"),
        (typeof(RecoveryKind), "追回方式"), (typeof(ComplaintCategory), "投诉类别"), (typeof(ComplaintStatus), "投诉办理状态"),
        (typeof(DeadlineFlag), "办理时限标记"), (typeof(ComplaintAction), "投诉办理动作"), (typeof(DisclosureStatus), "公示状态"),
        (typeof(ReceiptKind), "到账类别"), (typeof(PayerMovementKind), "支付方往来类别"), (typeof(AccountType), "科目类别"),
        (typeof(ReviewReason), "审核标记"),
    ];

    public static RouteGroupBuilder MapReferenceApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reference").WithTags("Reference").AllowAnonymous();
        group.MapGet("/enumerations", ListEnumerations)
            .WithName("ListEnumerations")
            .WithSummary("List every enumeration with its codes and labels (代码表)")
            .WithDescription("""
                Every enumeration the API reads or writes, in the one spelling used everywhere: the `code` (snake case,
                stable) is what responses carry and what requests should send; the Chinese `label` is what people read
                (statements, exports, pages). Input also accepts the label and the listed `aliases`, and the member's
                name in any casing (as versions before 2026-12 wrote it); nothing else, not a number. Anonymous.
                """);
        group.MapGet("/enumerations/{name}", GetEnumeration)
            .WithName("GetEnumeration")
            .WithSummary("Read one enumeration by name (代码表)")
            .WithDescription("One enumeration of `/api/reference/enumerations` by its snake-case name, such as `facility_level`. Anonymous.");
        return group.MapDiagnoses();
    }

    private static Ok<IReadOnlyList<EnumerationResponse>> ListEnumerations() => TypedResults.Ok(All);

    private static Results<Ok<EnumerationResponse>, ProblemHttpResult> GetEnumeration(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)) is { } found
            ? TypedResults.Ok(found)
            : Infrastructure.Problems.NotFound("enumeration_not_found", "代码表不存在");

    private static readonly IReadOnlyList<EnumerationResponse> All = Enumerations
        .Select(e => new EnumerationResponse(Vocabulary.SnakeCase(e.Type.Name), e.Label, Vocabulary.Terms(e.Type))).ToList();
}
