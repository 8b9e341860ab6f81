namespace Cooperative.Domain.Enrollment;

/// <summary>Whether a registered person still belongs to the scheme's population.</summary>
public enum PersonStatus
{
    /// <summary>在册.</summary>
    [Label("在册")]
    Active,

    /// <summary>死亡.</summary>
    [Label("死亡")]
    Deceased,

    /// <summary>迁出 (moved away, or left the scheme).</summary>
    [Label("迁出")]
    Left,
}
