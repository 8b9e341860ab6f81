namespace Cooperative.Domain.Reimbursement;

/// <summary>Level of the treating facility (医疗机构级别), which fixes deductible and ratio.</summary>
public enum FacilityLevel
{
    /// <summary>村卫生室 (village clinic).</summary>
    Village,

    /// <summary>乡镇卫生院 (township health centre).</summary>
    Township,

    /// <summary>社区卫生服务中心 (community health service centre).</summary>
    Community,

    /// <summary>县级医院 (county hospital).</summary>
    County,

    /// <summary>县外 (treated outside the county).</summary>
    OutsideCounty,
}
