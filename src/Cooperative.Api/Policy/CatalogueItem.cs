using Cooperative.Domain;
using Cooperative.Domain.Reimbursement;

namespace Cooperative.Api.Policy;

public enum CatalogueCategory { [Label("药品")] Drug, [Label("诊疗项目")] Service, [Label("医用材料")] Material }

/// <summary>
/// An item of the drug and service catalogue (药品和诊疗项目目录): covered (甲类), partly covered with a share the
/// patient pays first (乙类), or excluded (目录外/自费).
/// </summary>
public sealed class CatalogueItem
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required CatalogueCategory Category { get; set; }
    public required CatalogueStatus Status { get; set; }
    /// <summary>先行自付比例 of a partly covered item, e.g. 0.10; 0 otherwise.</summary>
    public required decimal SelfPayShare { get; set; }
}
