using Cooperative.Domain.Reimbursement;

namespace Cooperative.Domain.Tests.Reimbursement;

/// <summary>Builders for claims under the default policy.</summary>
internal static class Claims
{
    public static BillLine Covered(decimal amount) => new("A001", amount, CatalogueStatus.Covered, 0m);

    public static BillLine Partly(decimal amount, decimal selfPayShare) =>
        new("B001", amount, CatalogueStatus.PartlyCovered, selfPayShare);

    public static BillLine Excluded(decimal amount) => new("Z001", amount, CatalogueStatus.Excluded, 0m);

    public static Settlement Inpatient(FacilityLevel level, decimal covered, bool referred = true, decimal prior = 0m) =>
        Settle(level, VisitType.Inpatient, [Covered(covered)], referred, new PriorUse(prior, 0m));

    public static Settlement Outpatient(FacilityLevel level, decimal covered, decimal prior = 0m) =>
        Settle(level, VisitType.Outpatient, [Covered(covered)], true, new PriorUse(0m, prior));

    public static Settlement Settle(
        FacilityLevel level,
        VisitType visitType,
        IReadOnlyList<BillLine> lines,
        bool referred = true,
        PriorUse? prior = null) =>
        ReimbursementCalculator.Calculate(
            new CalculationInput(DefaultPolicy.Rules, level, visitType, referred, lines, prior ?? PriorUse.None));
}
