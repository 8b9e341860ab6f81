namespace Cooperative.Domain.Facilities;

/// <summary>Where a facility stands in its designation (定点资格).</summary>
public enum FacilityStatus
{
    /// <summary>申请中: has applied to be designated and is not admitted yet.</summary>
    [Label("申请中")]
    Applying,

    /// <summary>定点: designated; may treat insured patients at the fund's cost.</summary>
    [Label("定点")]
    Designated,

    /// <summary>警告: designated, with written warnings not yet corrected.</summary>
    [Label("警告")]
    Warned,

    /// <summary>暂停: designation suspended until an administrator reinstates it; no claims meanwhile.</summary>
    [Label("暂停定点", "暂停")]
    Suspended,

    /// <summary>取消: designation revoked.</summary>
    [Label("取消定点", "取消")]
    Revoked,
}

/// <summary>Who owns a facility (所有制). Every kind competes for designation on equal terms.</summary>
public enum FacilityOwnership
{
    /// <summary>公立.</summary>
    [Label("公立")]
    Public,

    /// <summary>集体.</summary>
    [Label("集体")]
    Collective,

    /// <summary>民营.</summary>
    [Label("民营")]
    Private,
}

/// <summary>Chinese names of statuses and ownerships, for lists, messages and workbooks.</summary>
public static class FacilityNames
{
    public static string Chinese(FacilityStatus status) => Vocabulary.Label(status);

    public static string Chinese(FacilityOwnership ownership) => Vocabulary.Label(ownership);
}
