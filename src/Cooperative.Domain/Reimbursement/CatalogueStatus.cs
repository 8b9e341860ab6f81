namespace Cooperative.Domain.Reimbursement;

/// <summary>Status of a bill item against the drug and service catalogue (药品和诊疗目录).</summary>
public enum CatalogueStatus
{
    /// <summary>目录内 (甲类): fully eligible.</summary>
    [Label("甲类（目录内）", "甲类")]
    Covered,

    /// <summary>部分自付 (乙类): the patient first pays a share, the rest is eligible.</summary>
    [Label("乙类（部分自付）", "乙类")]
    PartlyCovered,

    /// <summary>目录外 / 自费: not eligible at all.</summary>
    [Label("目录外（自费）", "目录外", "自费")]
    Excluded,
}
