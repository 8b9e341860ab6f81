namespace Cooperative.Domain.Reimbursement;

/// <summary>Level of the treating facility (医疗机构级别), which fixes deductible and ratio.</summary>
public enum FacilityLevel
{
    /// <summary>村卫生室 (village clinic).</summary>
    [Label("村卫生室")]
    Village,

    /// <summary>乡镇卫生院 (township health centre).</summary>
    [Label("乡镇卫生院")]
    Township,

    /// <summary>社区卫生服务中心 (community health service centre).</summary>
    [Label("社区卫生服务中心")]
    Community,

    /// <summary>县级医院 (county hospital).</summary>
    [Label("县级医院")]
    County,

    /// <summary>县外 (treated outside the county).</summary>
    [Label("县外", "县外医疗机构")]
    OutsideCounty,
}
