namespace Cooperative.Domain.Facilities;

/// <summary>Where a facility stands in its designation (定点资格).</summary>
public enum FacilityStatus
{
    /// <summary>申请中: has applied to be designated and is not admitted yet.</summary>
    Applying,

    /// <summary>定点: designated; may treat insured patients at the fund's cost.</summary>
    Designated,

    /// <summary>警告: designated, with written warnings not yet corrected.</summary>
    Warned,

    /// <summary>暂停: designation suspended until an administrator reinstates it; no claims meanwhile.</summary>
    Suspended,

    /// <summary>取消: designation revoked.</summary>
    Revoked,
}

/// <summary>Who owns a facility (所有制). Every kind competes for designation on equal terms.</summary>
public enum FacilityOwnership
{
    /// <summary>公立.</summary>
    Public,

    /// <summary>集体.</summary>
    Collective,

    /// <summary>民营.</summary>
    Private,
}

/// <summary>Chinese names of statuses and ownerships, for lists, messages and workbooks.</summary>
public static class FacilityNames
{
    public static string Chinese(FacilityStatus status) => status switch
    {
        FacilityStatus.Applying => "申请中",
        FacilityStatus.Designated => "定点",
        FacilityStatus.Warned => "警告",
        FacilityStatus.Suspended => "暂停定点",
        FacilityStatus.Revoked => "取消定点",
        _ => status.ToString(),
    };

    public static string Chinese(FacilityOwnership ownership) => ownership switch
    {
        FacilityOwnership.Public => "公立",
        FacilityOwnership.Collective => "集体",
        FacilityOwnership.Private => "民营",
        _ => ownership.ToString(),
    };
}
