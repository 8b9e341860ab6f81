namespace Cooperative.Domain.Enrollment;

/// <summary>Whether a registered person still belongs to the scheme's population.</summary>
public enum PersonStatus
{
    /// <summary>在册.</summary>
    Active,

    /// <summary>死亡.</summary>
    Deceased,

    /// <summary>迁出 (moved away, or left the scheme).</summary>
    Left,
}
