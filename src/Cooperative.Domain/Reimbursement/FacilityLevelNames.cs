namespace Cooperative.Domain.Reimbursement;

/// <summary>Chinese names of facility levels, for statements and messages.</summary>
public static class FacilityLevelNames
{
    /// <summary>村卫生室, 乡镇卫生院, 社区卫生服务中心, 县级医院 or 县外.</summary>
    public static string Chinese(FacilityLevel level) => Vocabulary.Label(level);
}
