namespace Cooperative.Domain.Claims;

/// <summary>The life of a claim (报销单状态). Settled money changes only by a reversal, never by editing.</summary>
public enum ClaimStatus
{
    /// <summary>已提交: received, not yet settled.</summary>
    [Label("已提交")]
    Submitted,

    /// <summary>待补材料: a window claim waiting for documents.</summary>
    [Label("待补材料")]
    PendingDocuments,

    /// <summary>已结算: the fund's share is computed, posted and counted against the caps.</summary>
    [Label("已结算")]
    Settled,

    /// <summary>审核中: settled but held for a reviewer; not paid until approved.</summary>
    [Label("审核中")]
    UnderReview,

    /// <summary>审核通过.</summary>
    [Label("审核通过")]
    Approved,

    /// <summary>审核不通过: refused by a reviewer.</summary>
    [Label("审核不通过")]
    Rejected,

    /// <summary>已支付: paid to the resident at the window, or to the facility in its monthly settlement.</summary>
    [Label("已支付")]
    Paid,

    /// <summary>已冲销: the settlement mirrored in the ledger and the cap given back.</summary>
    [Label("已冲销")]
    Reversed,
}
